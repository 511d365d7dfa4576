import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { endMeeting, reopenMeeting } from '../meeting/api.ts'

/**
 * "Avsluta samlingen" in the facilitator's panel, or, once it has ended, "Öppna igen". Whether
 * it ended is read from the board's controls, which the server writes, so every facilitator's
 * panel shows it at once.
 */
export function EndMeetingSection({
  meetingId,
  token,
  ended,
}: {
  meetingId: string
  token: string
  ended: boolean
}) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      setStatus(done)
    } catch {
      setStatus(t('meetingEnd.failed'))
    } finally {
      setBusy(false)
    }
  }
  const end = () => {
    if (window.confirm(t('meetingEnd.confirm')))
      // The section itself says it ended, from the board; no second line for it.
      void act(() => endMeeting(meetingId, token), '')
  }
  const reopen = () => void act(() => reopenMeeting(meetingId, token), t('meetingEnd.reopened'))

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-end">
      <h3 id="facilitation-end">{t('meetingEnd.heading')}</h3>
      {ended && (
        <p data-testid="meeting-ended">
          <strong>{t('meetingEnd.ended')}</strong> {t('meetingEnd.endedHint')}
        </p>
      )}
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={busy}
        onClick={ended ? reopen : end}
      >
        {t(ended ? 'meetingEnd.reopen' : 'meetingEnd.end')}
      </button>
      <p className="facilitation-help" role="status">
        {status}
      </p>
    </section>
  )
}
