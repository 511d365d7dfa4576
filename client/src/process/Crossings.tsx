import type { Crossing, TimelineEntry } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { CrossingItem } from './CrossingItem.tsx'

/** Every note sent between the groups, newest first, with where it went and its answer. */
export function Crossings({
  crossings,
  timeline,
}: {
  crossings: Crossing[]
  timeline: TimelineEntry[]
}) {
  const { t } = useI18n()
  const title = new Map(timeline.map((e) => [e.meeting.id, e.meeting.title]))
  if (crossings.length === 0) return <p>{t('process.crossings.empty')}</p>
  return (
    <ul className="process-crossings">
      {[...crossings].reverse().map((c) => (
        <CrossingItem
          key={c.id}
          testId="crossing"
          from={title.get(c.fromMeetingId) ?? c.origin.meetingTitle}
          to={title.get(c.toMeetingId) ?? ''}
          sentAt={c.createdAt}
          text={c.text}
          answer={c.answer}
        />
      ))}
    </ul>
  )
}
