import type { IdeaEvent } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'

/** An idea's status changes, each with its date and public reason; `newestFirst` on its page. */
export function IdeaHistory({
  history,
  newestFirst = false,
}: {
  history: IdeaEvent[]
  newestFirst?: boolean
}) {
  const { t, language } = useI18n()
  const events = newestFirst ? [...history].reverse() : history
  return (
    <ol className="idea-history">
      {events.map((event) => (
        <li key={`${event.at}-${event.status}`}>
          <strong>{t(`idea.status.${event.status}`)}</strong> · {longDate(event.at, language)}
          {event.reason && <p>{event.reason}</p>}
        </li>
      ))}
    </ol>
  )
}
