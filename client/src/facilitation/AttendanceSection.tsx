import { type LiveAttendance, SECTOR_LABELS } from '@samla/shared'
import { useEffect, useState } from 'react'
import { getAttendance } from '../documentation/api.ts'
import { useI18n } from '../i18n/index.tsx'

/** Often enough to follow people arriving; the count is a few rows, the call cheap. */
const REFRESH_MS = 5000

/**
 * Who is here, for the facilitator, live: participants on the board now, how many have joined
 * in all, and the organisations and sectors they gave (what the record will say).
 */
export function AttendanceSection({
  meetingId,
  token,
  asksOrganisation,
}: {
  meetingId: string
  token: string
  /** False in anonymous and Demokratilabb meetings: only the number present is shown. */
  asksOrganisation: boolean
}) {
  const { t, language } = useI18n()
  const [live, setLive] = useState<LiveAttendance | null>(null)
  useEffect(() => {
    let cancelled = false
    const refresh = () =>
      getAttendance(meetingId, token).then(
        (found) => !cancelled && setLive(found),
        () => {},
      )
    void refresh()
    const timer = setInterval(refresh, REFRESH_MS)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [meetingId, token])
  if (!live) return null
  const { counted, present } = live
  return (
    <section className="facilitation-section" aria-labelledby="facilitation-attendance">
      <h3 id="facilitation-attendance">{t('facilitation.attendance.heading')}</h3>
      <p data-testid="attendance-counts">
        {t('facilitation.attendance.present', { n: present })}
        {asksOrganisation && ` · ${t('facilitation.attendance.joined', { n: counted.count })}`}
      </p>
      {asksOrganisation && counted.organisations.length > 0 && (
        <ul
          className="facilitation-attendance"
          aria-label={t('facilitation.attendance.organisations')}
        >
          {counted.organisations.map((o) => (
            <li key={o.name}>
              {o.name} <span className="small">({o.count})</span>
            </li>
          ))}
        </ul>
      )}
      {asksOrganisation && counted.sectors.length > 0 && (
        <p className="small">
          {t('facilitation.attendance.sectors', {
            list: counted.sectors
              .map((s) => `${SECTOR_LABELS[language][s.sector]} ${s.count}`)
              .join(', '),
          })}
        </p>
      )}
    </section>
  )
}
