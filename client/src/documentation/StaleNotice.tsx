import type { DocumentationView } from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { compareSnapshot, type DocumentationSource, takeSnapshot } from './api.ts'

/**
 * Tells the facilitator when the record is older than the board: the documentation is made
 * from the latest snapshot, and someone may have gone on writing after it. Asked again when
 * the page comes back into view, since the board is usually edited in another tab. The
 * published page has no live board to compare with.
 */
export function StaleNotice({
  source,
  view,
  onTaken,
}: {
  source: DocumentationSource
  view: DocumentationView
  onTaken: () => void
}) {
  const { t, language } = useI18n()
  const [stale, setStale] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const meeting = source.kind === 'meeting' ? source : null
  const snapshotId = view.source?.snapshotId ?? null

  const check = useCallback(() => {
    if (!meeting || !snapshotId) return
    compareSnapshot(meeting.meetingId, meeting.token, snapshotId).then(
      (c) => setStale(c.added.length + c.removed.length + c.changed.length > 0),
      () => {},
    )
  }, [meeting, snapshotId])
  useEffect(() => {
    setStale(false)
    check()
    const onVisible = () => document.visibilityState === 'visible' && check()
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [check])

  if (!meeting || !view.source || !stale) return null
  const time = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(view.source.takenAt))
  const take = async () => {
    setBusy(true)
    setFailed(false)
    try {
      await takeSnapshot(meeting.meetingId, meeting.token, { reason: 'manual' })
      onTaken()
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <p className="docs__stale" role="status">
      {t('docs.stale.notice', { time })}{' '}
      <button type="button" className="button" disabled={busy} onClick={take}>
        {t('docs.stale.take')}
      </button>
      {failed && <span className="error">{t('docs.failed')}</span>}
    </p>
  )
}
