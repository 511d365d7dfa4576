import type { BoardAccess } from '@samla/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useState } from 'react'
import {
  type Editor,
  type TLComponents,
  type TLUserPreferences,
  Tldraw,
  useTldrawCurrentUser,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { useI18n } from '../i18n/index.tsx'
import { MeetingContext, useMeetingInfo } from '../meeting/MeetingContext.tsx'
import { Notice } from '../Notice.tsx'
import { bindPresence } from '../sync/presence.ts'
import { useSyncedStore } from '../sync/useSyncedStore.ts'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { ProjectorOverlay } from './ProjectorOverlay.tsx'
import { useProjectorCamera } from './useProjectorCamera.ts'
import './projector.css'

const assetUrls = getAssetUrlsByImport()
// The wall shows the board, not who is pointing where: no cursors (tldraw draws the others'
// brushes and scribbles only with a cursor).
const WALL_COMPONENTS: TLComponents = { CollaboratorCursor: null }

/**
 * The projector's page: the board full screen, read-only, without tldraw's tools, following
 * the meeting; the phase, the timer and the QR code for phones on top. It has no presence of
 * its own (no cursor, not in anyone's people menu).
 */
export function ProjectorView({
  boardId,
  title,
  licenseKey,
  token,
  access,
}: {
  boardId: string
  title: string
  licenseKey: string | null
  token: string | null
  access: BoardAccess
}) {
  const { language } = useI18n()
  useDocumentTitle(title)
  const synced = useSyncedStore(boardId, token, {
    readonly: true,
    anonymousDefault: access.meeting?.anonymous ?? null,
  })
  const [editor, setEditor] = useState<Editor | null>(null)
  // A user of its own, kept in this page only. tldraw keeps one user per browser, so a
  // projector opened in the facilitator's browser would be the facilitator, and tldraw never
  // counts oneself among the collaborators it can follow.
  const [preferences, setPreferences] = useState<TLUserPreferences>(() => ({
    id: `projector-${Math.random().toString(36).slice(2, 12)}`,
  }))
  const user = useTldrawCurrentUser({
    userPreferences: preferences,
    setUserPreferences: setPreferences,
  })
  const meeting = useMeetingInfo(access, token, synced.doc)
  useProjectorCamera(editor, meeting)

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language })
  }, [editor, language])
  useEffect(() => {
    if (!editor || !synced.provider) return
    return bindPresence(editor, synced.provider.awareness, { visible: false })
  }, [editor, synced.provider])
  useEffect(() => {
    if (editor) window.__samla = { editor, doc: synced.doc, provider: synced.provider }
  }, [editor, synced.doc, synced.provider])

  if (synced.storeWithStatus.status === 'error')
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  if (synced.storeWithStatus.status === 'loading') return null
  return (
    <MeetingContext.Provider value={meeting}>
      <main
        className={`projector${meeting?.controls.anonymous ? ' projector--anonymous' : ''}`}
        data-connection={synced.connection}
      >
        <Tldraw
          store={synced.storeWithStatus}
          licenseKey={licenseKey ?? undefined}
          assetUrls={assetUrls}
          user={user}
          hideUi
          components={WALL_COMPONENTS}
          onMount={(mounted) => {
            mounted.updateInstanceState({ isReadonly: true })
            setEditor(mounted)
          }}
        />
        {meeting && <ProjectorOverlay editor={editor} meeting={meeting} />}
      </main>
    </MeetingContext.Provider>
  )
}
