import type { BoardAccess } from '@samla/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { type Editor, type TLComponents, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { bindPresence } from '../sync/presence.ts'
import { useSyncedStore } from '../sync/useSyncedStore.ts'
import { BoardInfoContext, BoardTopPanel } from './BoardTopPanel.tsx'

// Fonts, icons and translations come from this server, never from tldraw's CDN.
const assetUrls = getAssetUrlsByImport()
// Stable across renders: tldraw remounts a slot whose component changes.
const components: TLComponents = { TopPanel: BoardTopPanel }

declare global {
  interface Window {
    /** Read-only handles for end-to-end tests. */
    __samla?: { editor: Editor; doc: unknown; provider: unknown }
  }
}

export function Board({
  boardId,
  title,
  licenseKey,
  token,
  access,
}: {
  boardId: string
  title: string
  licenseKey: string | null
  /** The meeting link's capability token, sent to the relay. */
  token: string | null
  /** What this link may do; a projector's edits are dropped by the server, so none are offered. */
  access: BoardAccess
}) {
  const readonly = access.role === 'projector'
  const { t, language } = useI18n()
  const synced = useSyncedStore(boardId, token, readonly)
  const [editor, setEditor] = useState<Editor | null>(null)

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language })
  }, [editor, language])

  useEffect(() => {
    if (!editor || !synced.provider) return
    return bindPresence(editor, synced.provider.awareness, { visible: !readonly })
  }, [editor, synced.provider, readonly])

  useEffect(() => {
    if (!editor) return
    if (!editor.user.getName()) {
      editor.user.updateUserPreferences({
        name: `${t('user.guest')} ${10 + Math.floor(Math.random() * 90)}`,
      })
    }
    // tldraw names a new board's first page in English whatever the locale.
    const pages = editor.getPages()
    const [first] = pages
    if (pages.length === 1 && first?.name === 'Page 1' && !editor.getIsReadonly()) {
      editor.renamePage(first.id, t('board.firstPage'))
    }
    window.__samla = { editor, doc: synced.doc, provider: synced.provider }
  }, [editor, synced.doc, synced.provider, t])

  const info = useMemo(() => ({ title, connection: synced.connection }), [title, synced.connection])

  if (synced.incompatible)
    return <Notice headingKey="board.newerSchema.heading" bodyKey="board.newerSchema.body" reload />
  if (synced.storeWithStatus.status === 'error') {
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  }
  // Until the first sync there is nothing to draw; say why if the relay cannot be reached,
  // rather than leave tldraw's spinner turning without a word.
  if (synced.storeWithStatus.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t(synced.connection === 'offline' ? 'board.waitingForServer' : 'board.loading')}
      </p>
    )
  }
  return (
    <BoardInfoContext.Provider value={info}>
      <div className="board">
        <Tldraw
          store={synced.storeWithStatus}
          licenseKey={licenseKey ?? undefined}
          assetUrls={assetUrls}
          components={components}
          onMount={setEditor}
        />
      </div>
    </BoardInfoContext.Provider>
  )
}
