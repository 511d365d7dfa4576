import { DOCS_PATH_PREFIX, type Snapshot, type SnapshotSummary } from '@samla/shared'
import { type FormEvent, lazy, Suspense, useCallback, useEffect, useId, useState } from 'react'
import { getClientConfig } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { endMeeting } from '../meeting/api.ts'
import {
  type DocumentationSource,
  getSnapshot,
  listSnapshots,
  restoreSnapshot,
  takeSnapshot,
} from './api.ts'

// Pictures are drawn with tldraw, off screen: its chunk loads only when a snapshot lacks them.
// Should it not arrive (offline), the pictures are skipped for this visit, the page stays.
const PictureMaker = lazy(() =>
  import('./PictureMaker.tsx').then(
    (m) => ({ default: m.PictureMaker }),
    () => ({ default: NoPictures }),
  ),
)

function NoPictures({ onDone }: { onDone: (uploaded: number) => void }) {
  useEffect(() => onDone(0), [onDone])
  return null
}

/** The facilitator's snapshots: take one (with a label), end the meeting, restore one as a new board. */
export function SnapshotsPanel({
  source,
  onChange,
}: {
  source: Extract<DocumentationSource, { kind: 'meeting' }>
  onChange: () => void
}) {
  const { t, language } = useI18n()
  const labelId = useId()
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null)
  const [label, setLabel] = useState('')
  const [status, setStatus] = useState('')
  const [restored, setRestored] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { meetingId, token } = source

  const refresh = useCallback(() => {
    listSnapshots(meetingId, token).then(setSnapshots, () => setSnapshots([]))
  }, [meetingId, token])
  useEffect(refresh, [refresh])

  // Snapshots without pictures (taken by the server at a phase change, or from this page)
  // get them drawn here, one at a time, newest first; each is tried once per visit.
  const [drawing, setDrawing] = useState<{ snapshot: Snapshot; licenseKey: string | null } | null>(
    null,
  )
  const [tried] = useState(() => new Set<string>())
  useEffect(() => {
    if (drawing || !snapshots) return
    const next = snapshots.find((s) => s.images.length === 0 && !tried.has(s.id))
    if (!next) return
    tried.add(next.id)
    Promise.all([getSnapshot(meetingId, token, next.id), getClientConfig()]).then(
      ([snapshot, config]) => setDrawing({ snapshot, licenseKey: config.tldrawLicenseKey }),
      () => {},
    )
  }, [snapshots, drawing, tried, meetingId, token])
  const drawn = useCallback(
    (uploaded: number) => {
      setDrawing(null)
      if (uploaded > 0) onChange()
      refresh()
    },
    [onChange, refresh],
  )

  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true)
    try {
      await work()
      setStatus(done)
      refresh()
      onChange()
    } catch {
      setStatus(t('docs.failed'))
    } finally {
      setBusy(false)
    }
  }
  const take = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      await takeSnapshot(meetingId, token, { label: label.trim() || undefined, reason: 'manual' })
      setLabel('')
    }, t('docs.snapshots.taken'))
  }
  // The server locks the board and takes the final snapshot itself (meetings/end.ts).
  const end = () => {
    if (!window.confirm(t('meetingEnd.confirm'))) return
    void act(() => endMeeting(meetingId, token), t('meetingEnd.ended'))
  }

  const restore = async (id: string) => {
    setBusy(true)
    try {
      setRestored(await restoreSnapshot(meetingId, token, id))
    } catch {
      setStatus(t('docs.failed'))
    } finally {
      setBusy(false)
    }
  }

  const time = (iso: string) =>
    new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso))

  return (
    <section className="docs__snapshots card" aria-labelledby="snapshots-heading">
      {drawing && (
        <Suspense fallback={null}>
          <PictureMaker
            meetingId={meetingId}
            token={token}
            snapshot={drawing.snapshot}
            licenseKey={drawing.licenseKey}
            onDone={drawn}
          />
        </Suspense>
      )}
      <h2 id="snapshots-heading">{t('docs.snapshots.heading')}</h2>
      <p className="small">{t('docs.snapshots.intro')}</p>
      <form className="form" onSubmit={take}>
        <label htmlFor={labelId}>{t('docs.snapshots.label')}</label>
        <input
          id={labelId}
          value={label}
          maxLength={200}
          placeholder={t('docs.snapshots.placeholder')}
          onChange={(e) => setLabel(e.target.value)}
        />
        <p className="docs__buttons">
          <button type="submit" className="button" disabled={busy}>
            {t('docs.snapshots.take')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={end}>
            {t('docs.snapshots.end')}
          </button>
        </p>
      </form>
      <p role="status" className="docs__status">
        {status}
      </p>
      {restored && (
        <p>
          {t('docs.snapshots.restored')} <a href={restored}>{t('docs.snapshots.openRestored')}</a>
        </p>
      )}
      {snapshots?.length === 0 && <p>{t('docs.snapshots.none')}</p>}
      {snapshots && snapshots.length > 0 && (
        <ol className="docs__snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id}>
              <span>
                <strong>{time(s.createdAt)}</strong> · {t(`docs.snapshots.reason.${s.reason}`)}
                {s.label && ` · ${s.label}`}
              </span>
              <a
                className="link"
                href={`${DOCS_PATH_PREFIX}${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(s.id)}#k=${token}`}
              >
                {t('docs.snapshots.open')}
              </a>{' '}
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => restore(s.id)}
              >
                {t('docs.snapshots.restore')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
