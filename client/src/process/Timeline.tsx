import type { TimelineEntry } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from './dates.ts'
import { boardLink, docsLink, feedbackLink } from './links.ts'

/** The process's meetings in date order, each opened with the process link. */
export function Timeline({ timeline, token }: { timeline: TimelineEntry[]; token: string }) {
  const { t, language } = useI18n()
  if (timeline.length === 0) return <p>{t('process.timeline.empty')}</p>
  return (
    <ol className="process-timeline">
      {timeline.map(({ meeting, status, snapshots }) => (
        <li
          key={meeting.id}
          className={`process-timeline__item process-timeline__item--${meeting.group}`}
          data-testid="timeline-entry"
        >
          <p className="process-timeline__date">{longDate(meeting.date, language)}</p>
          <h3 className="process-timeline__title">{meeting.title}</h3>
          <p className="process-timeline__meta">
            {t(`meeting.group.${meeting.group}`)} · {t(`meeting.format.${meeting.format}`)} ·{' '}
            <span className={`process-status process-status--${status}`}>
              {t(`process.status.${status}`)}
            </span>
          </p>
          <p className="process-timeline__links">
            <a
              className="link"
              href={boardLink(meeting.boardId, token)}
              aria-label={`${t('process.timeline.board')}: ${meeting.title}`}
            >
              {t('process.timeline.board')}
            </a>
            {snapshots > 0 && (
              <a
                className="link"
                href={docsLink(meeting.id, token)}
                aria-label={`${t('process.timeline.docs')}: ${meeting.title}`}
              >
                {t('process.timeline.docs')}
              </a>
            )}
            {meeting.group === 'demokratilabb' && (
              <a
                className="link"
                href={feedbackLink(meeting.id, token)}
                aria-label={`${t('process.timeline.feedback')}: ${meeting.title}`}
              >
                {t('process.timeline.feedback')}
              </a>
            )}
          </p>
        </li>
      ))}
    </ol>
  )
}
