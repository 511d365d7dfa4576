import {
  DOCS_PATH_PREFIX,
  type PlacedNote,
  type Snapshot,
  type SnapshotComparison,
} from '@samla/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useState } from 'react'
import { type TLPageId, type TLStore, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { getClientConfig } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { compareSnapshot, getSnapshot, getSnapshotState, restoreSnapshot } from './api.ts'
import './documentation.css'
import { storeFromState } from './snapshotStore.ts'

const assetUrls = getAssetUrlsByImport()

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | {
      kind: 'ready'
      snapshot: Snapshot
      store: TLStore
      comparison: SnapshotComparison
      licenseKey: string | null
    }

/**
 * One snapshot, read-only on the canvas, with what changed on the live board since, and a
 * way to carry it on as a new board. The live board is never touched.
 */
export function SnapshotViewer({
  meetingId,
  snapshotId,
  token,
}: {
  meetingId: string
  snapshotId: string
  token: string
}) {
  const { t, language } = useI18n()
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  const [restored, setRestored] = useState<string | null>(null)
  useDocumentTitle(t('docs.viewer.title'))

  useEffect(() => {
    let cancelled = false
    Promise.all([
      getSnapshot(meetingId, token, snapshotId),
      getSnapshotState(meetingId, token, snapshotId),
      compareSnapshot(meetingId, token, snapshotId),
      getClientConfig(),
    ]).then(
      ([snapshot, state, comparison, config]) =>
        !cancelled &&
        setLoaded({
          kind: 'ready',
          snapshot,
          store: storeFromState(state),
          comparison,
          licenseKey: config.tldrawLicenseKey,
        }),
      () => !cancelled && setLoaded({ kind: 'failed' }),
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, snapshotId, token])

  if (loaded.kind === 'failed')
    return <Notice headingKey="docs.notFound.heading" bodyKey="docs.notFound.body" />
  if (loaded.kind === 'loading')
    return (
      <p className="loading" role="status">
        {t('docs.loading')}
      </p>
    )
  const { snapshot, store, comparison } = loaded
  const time = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(snapshot.createdAt))
  const back = `${DOCS_PATH_PREFIX}${encodeURIComponent(meetingId)}#k=${token}`

  return (
    <div className="viewer">
      <aside className="viewer__side" aria-labelledby="viewer-heading">
        <p>
          <a className="link" href={back}>
            {t('docs.viewer.back')}
          </a>
        </p>
        <h1 id="viewer-heading">{t('docs.viewer.heading', { time })}</h1>
        {snapshot.label && <p className="docs__meta">{snapshot.label}</p>}
        <p className="docs__meta">{t('docs.viewer.readonly')}</p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() =>
              restoreSnapshot(meetingId, token, snapshot.id).then(setRestored, () => {})
            }
          >
            {t('docs.snapshots.restore')}
          </button>
        </p>
        {restored && (
          <p role="status">
            {t('docs.snapshots.restored')} <a href={restored}>{t('docs.snapshots.openRestored')}</a>
          </p>
        )}
        <h2>{t('docs.viewer.sinceThen')}</h2>
        <Changes title={t('docs.viewer.added')} notes={comparison.added} />
        <Changes title={t('docs.viewer.removed')} notes={comparison.removed} />
        <Changes title={t('docs.viewer.changed')} notes={comparison.changed.map((c) => c.after)} />
        {comparison.added.length + comparison.removed.length + comparison.changed.length === 0 && (
          <p>{t('docs.viewer.noChanges')}</p>
        )}
      </aside>
      <div className="viewer__canvas">
        <Tldraw
          store={store}
          licenseKey={loaded.licenseKey ?? undefined}
          assetUrls={assetUrls}
          onMount={(editor) => {
            editor.updateInstanceState({ isReadonly: true })
            // Open on the phase that was current when it was taken, all of it in view.
            const page = snapshot.pageId ? editor.getPage(snapshot.pageId as TLPageId) : undefined
            if (page) editor.setCurrentPage(page.id)
            editor.zoomToFit()
            editor.user.updateUserPreferences({ locale: language })
            window.__samla = { editor, doc: null, provider: null }
          }}
        />
      </div>
    </div>
  )
}

function Changes({ title, notes }: { title: string; notes: PlacedNote[] }) {
  if (notes.length === 0) return null
  return (
    <>
      <h3>
        {title} ({notes.length})
      </h3>
      <ul className="viewer__changes">
        {notes.map((n) => (
          <li key={n.note.id}>
            <span className="docs__text">{n.note.text}</span>
            <span className="docs__details">
              {n.phase}
              {n.frame && ` · ${n.frame}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
