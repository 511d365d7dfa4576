import { type BoardAccess, ShapeMark, type Timer } from '@samla/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  renderPlaintextFromRichText,
  type TLFrameShape,
  type TLNoteShape,
  type TLPageId,
  type TLShapeId,
  toRichText,
  useValue,
} from 'tldraw'
import { ParticipantVoting } from '../facilitation/ParticipantVoting.tsx'
import { readOwnNotes, trackOwnNotes } from '../list/ownNotes.ts'
import { useMeetingInfo } from '../meeting/MeetingContext.tsx'
import { type ConnectionState, useSyncedStore } from '../sync/useSyncedStore.ts'
import type { OwnPhoneNote, PhoneNote, PhoneQuestion } from './phoneNote.ts'
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
  /** "Skriv enskilt" is on for the current phase: others cannot read this phone's notes yet. */
  writingPrivately: boolean
  /** Puts a note in the current phase; null until the board is synced. Throws if it cannot. */
  post: ((note: PhoneNote) => void) | null
  /** The current phase's questions (frames), the Inkorg among them, in reading order. */
  questions: PhoneQuestion[]
  timer: Timer | null
  /** The notes this phone wrote in the current phase, with ways to change them. */
  mine: OwnPhoneNote[]
  edit: ((id: string, text: string) => void) | null
  remove: ((id: string) => void) | null
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
  const privateWriter = useMemo(
    () => (access.meeting && token ? { meetingId: access.meeting.id, token } : null),
    [access.meeting, token],
  )
  const synced = useSyncedStore(boardId, token, {
    readonly: false,
    anonymousDefault: access.meeting?.anonymous ?? null,
    privateWriter,
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
  const writingPrivately = phaseId !== null && controls?.privateWriting === phaseId
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
    () =>
      editor && phaseId
        ? (note: PhoneNote) => void postNote(editor, phaseId, note, note.frameId)
        : null,
    [editor, phaseId],
  )
  // The questions a phone may choose between: the phase's frames in reading order, the
  // Inkorg last (it is the default, for whoever does not choose).
  const questionsKey = useValue('questions', () => {
    if (!editor || !phaseId) return '[]'
    const frames = [...editor.getSortedChildIdsForParent(phaseId as TLPageId)]
      .map((id) => editor.getShape(id))
      .filter((shape): shape is TLFrameShape => shape?.type === 'frame')
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((f) => ({ id: f.id, name: f.props.name, inbox: f.meta.samla === ShapeMark.inbox }))
    return JSON.stringify([...frames.filter((f) => !f.inbox), ...frames.filter((f) => f.inbox)])
  }, [editor, phaseId])
  const questions = useMemo(() => JSON.parse(questionsKey) as PhoneQuestion[], [questionsKey])
  // What this phone wrote (kept in its own storage, as the board's list view keeps its own).
  const [ownIds, setOwnIds] = useState(() => readOwnNotes(boardId))
  useEffect(
    () => (editor ? trackOwnNotes(editor, boardId, setOwnIds) : undefined),
    [editor, boardId],
  )
  const mineKey = useValue(
    'own notes',
    () =>
      JSON.stringify(
        [...ownIds]
          .map((id) => editor?.getShape<TLNoteShape>(id as TLShapeId))
          .filter(
            (shape): shape is TLNoteShape =>
              shape?.type === 'note' && editor?.getAncestorPageId(shape) === phaseId,
          )
          .map((shape) => ({
            id: shape.id,
            text: editor ? renderPlaintextFromRichText(editor, shape.props.richText) : '',
          })),
      ),
    [editor, ownIds, phaseId],
  )
  const mine = useMemo(() => JSON.parse(mineKey) as OwnPhoneNote[], [mineKey])
  const edit = useMemo(
    () =>
      editor
        ? (id: string, text: string) =>
            editor.updateShape({
              id: id as TLShapeId,
              type: 'note',
              props: { richText: toRichText(text) },
            })
        : null,
    [editor],
  )
  const remove = useMemo(
    () => (editor ? (id: string) => editor.deleteShape(id as TLShapeId) : null),
    [editor],
  )
  const failed = synced.storeWithStatus.status === 'error'
  const connection = synced.connection
  const timer = controls?.timer ?? null
  useReportChanges(
    {
      connection,
      failed,
      phaseName,
      locked,
      anonymous,
      writingPrivately,
      post,
      questions,
      timer,
      mine,
      edit,
      remove,
    },
    onChange,
  )

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

/**
 * Calls `report` after a render in which any field of `state` changed (by identity), and after
 * the first: the page's copy of the live state follows without listing each field twice.
 */
function useReportChanges<T extends object>(state: T, report: (state: T) => void): void {
  const last = useRef<T | null>(null)
  useEffect(() => {
    const previous = last.current
    const changed =
      previous === null ||
      (Object.keys(state) as Array<keyof T>).some((key) => previous[key] !== state[key])
    if (!changed) return
    last.current = state
    report(state)
  })
}
