import type { BoardAccess } from '@samla/shared'
import { useEffect, useMemo, useState } from 'react'
import { type TLPageId, useValue } from 'tldraw'
import { ParticipantVoting } from '../facilitation/ParticipantVoting.tsx'
import { useMeetingInfo } from '../meeting/MeetingContext.tsx'
import { type ConnectionState, useSyncedStore } from '../sync/useSyncedStore.ts'
import type { PhoneNote } from './phoneNote.ts'
import { postNote } from './postNote.ts'
import { usePhoneEditor } from './usePhoneEditor.ts'

/** What the phone page shows of the live meeting, reported by PhoneLive as it changes. */
export interface PhoneLiveState {
  connection: ConnectionState
  /** The board could not be read (or this code could not be loaded): the page offers a reload. */
  failed: boolean
  phaseName: string
  /** Why no note can be written now: the phase is locked, or the meeting has ended. */
  locked: false | 'phase' | 'ended'
  anonymous: boolean
  /** Puts a note in the current phase; null until the board is synced. Throws if it cannot. */
  post: ((note: PhoneNote) => void) | null
}

export interface PhoneLiveProps {
  boardId: string
  token: string | null
  access: BoardAccess
  /** The name typed on the page, for the notes' attribution. */
  name: string
  onChange: (state: PhoneLiveState) => void
}

/**
 * The phone page's connection to the board: the synced store, a headless tldraw editor that
 * writes the notes, and the vote list. A chunk of its own with tldraw, loaded once the form
 * is on screen (PhonePage.tsx); it renders only the editor's hidden container and the votes.
 */
export function PhoneLive({ boardId, token, access, name, onChange }: PhoneLiveProps) {
  const synced = useSyncedStore(boardId, token, {
    readonly: false,
    anonymousDefault: access.meeting?.anonymous ?? null,
  })
  const meeting = useMeetingInfo(access, token, synced.doc)
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const store =
    synced.storeWithStatus.status === 'synced-remote' ? synced.storeWithStatus.store : null
  const editor = usePhoneEditor(store, container)

  const controls = meeting?.controls
  const phaseId = useValue(
    'phase',
    () => controls?.currentPhase ?? editor?.getPages()[0]?.id ?? null,
    [editor, controls?.currentPhase],
  )
  const phaseName = useValue(
    'phase name',
    () => (phaseId ? (editor?.getPage(phaseId as TLPageId)?.name ?? '') : ''),
    [editor, phaseId],
  )
  const anonymous = controls?.anonymous ?? false
  // An ended meeting takes no notes at all (the relay refuses them), whatever is unlocked.
  const locked = controls?.ended
    ? 'ended'
    : phaseId !== null && (controls?.lockedPhases.includes(phaseId) ?? false)
      ? 'phase'
      : false

  useEffect(() => {
    if (!anonymous && name.trim()) editor?.user.updateUserPreferences({ name: name.trim() })
  }, [editor, name, anonymous])

  const post = useMemo(
    () => (editor && phaseId ? (note: PhoneNote) => void postNote(editor, phaseId, note) : null),
    [editor, phaseId],
  )
  const failed = synced.storeWithStatus.status === 'error'
  const connection = synced.connection
  useEffect(() => {
    onChange({ connection, failed, phaseName, locked, anonymous, post })
  }, [onChange, connection, failed, phaseName, locked, anonymous, post])

  const voting = controls?.voting
  return (
    <>
      <div ref={setContainer} className="phone__editor" aria-hidden="true" />
      {editor && voting && voting.pageId === phaseId && access.meeting && token && (
        <ParticipantVoting
          editor={editor}
          voting={voting}
          meetingId={access.meeting.id}
          token={token}
        />
      )}
    </>
  )
}
