import type { IdeaPriority } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'

/** What an idea got in each vote over ideas (Verkstad 2), oldest first. */
export function IdeaPriorities({
  priorities,
}: {
  priorities: ReadonlyArray<Pick<IdeaPriority, 'meetingTitle' | 'votes' | 'rank' | 'of' | 'at'>>
}) {
  const { t, language } = useI18n()
  if (priorities.length === 0) return <p>{t('idea.priority.none')}</p>
  return (
    <ul className="idea-priorities">
      {priorities.map((p) => (
        <li key={`${p.at}-${p.meetingTitle}`}>
          {t('idea.priority.line', {
            meeting: p.meetingTitle ?? t('idea.priority.deleted'),
            votes: p.votes,
            rank: p.rank,
            of: p.of,
          })}{' '}
          <span className="small">({longDate(p.at.slice(0, 10), language)})</span>
        </li>
      ))}
    </ul>
  )
}
