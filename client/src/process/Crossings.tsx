import type { Crossing, TimelineEntry } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from './dates.ts'

/** Every note sent between the groups, newest first, with where it went and its answer. */
export function Crossings({
  crossings,
  timeline,
}: {
  crossings: Crossing[]
  timeline: TimelineEntry[]
}) {
  const { t, language } = useI18n()
  const title = new Map(timeline.map((e) => [e.meeting.id, e.meeting.title]))
  if (crossings.length === 0) return <p>{t('process.crossings.empty')}</p>
  return (
    <ul className="process-crossings">
      {[...crossings].reverse().map((c) => (
        <li key={c.id} className="process-crossing" data-testid="crossing">
          <p className="process-crossing__route">
            {t('process.crossings.route', {
              from: title.get(c.fromMeetingId) ?? c.origin.meetingTitle,
              to: title.get(c.toMeetingId) ?? '',
            })}{' '}
            · {longDate(c.createdAt, language)}
          </p>
          <blockquote className="process-crossing__text">{c.text}</blockquote>
          {c.answer ? (
            <p className="process-crossing__answer">
              <strong>{t('process.crossings.answer')}:</strong> {c.answer.text}
            </p>
          ) : (
            <p className="small">{t('process.crossings.noAnswer')}</p>
          )}
        </li>
      ))}
    </ul>
  )
}
