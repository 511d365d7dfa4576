import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { getMeeting, reopenMeeting } from '../meeting/api.ts'
import type { SavedMeeting } from './savedMeetings.ts'

const tokenOf = (meeting: SavedMeeting) =>
  new URL(meeting.links.facilitator).hash.replace('#k=', '')

/**
 * Which of the saved meetings have ended, asked of the server: a meeting may be ended from its
 * board or its documentation, in another tab or browser, and this list is only links. A
 * meeting the server no longer knows (erased, link rotated) simply shows no mark.
 */
export function useEndedMeetings(meetings: readonly SavedMeeting[]) {
  const [ended, setEnded] = useState<ReadonlySet<string>>(() => new Set())
  const mark = useCallback((id: string, isEnded: boolean) => {
    setEnded((prev) => {
      if (prev.has(id) === isEnded) return prev
      const next = new Set(prev)
      if (isEnded) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])
  useEffect(() => {
    let cancelled = false
    for (const meeting of meetings)
      getMeeting(meeting.id, tokenOf(meeting)).then(
        (found) => !cancelled && mark(meeting.id, found.endedAt !== null),
        () => {},
      )
    return () => {
      cancelled = true
    }
  }, [meetings, mark])
  return { ended, mark }
}

export function EndedBadge() {
  const { t } = useI18n()
  return <span className="start-meeting__ended">{t('meetingEnd.badge')}</span>
}

/** "Öppna igen": the meeting runs again; its phases stay locked until the facilitator opens them. */
export function ReopenButton({
  meeting,
  onReopened,
}: {
  meeting: SavedMeeting
  onReopened: () => void
}) {
  const { t } = useI18n()
  const [failed, setFailed] = useState(false)
  const reopen = () =>
    reopenMeeting(meeting.id, tokenOf(meeting)).then(onReopened, () => setFailed(true))
  return (
    <>
      <button type="button" className="button" onClick={reopen}>
        {t('meetingEnd.reopen')}
      </button>
      {failed && (
        <span role="alert" className="error">
          {t('meetingEnd.failed')}
        </span>
      )}
    </>
  )
}
