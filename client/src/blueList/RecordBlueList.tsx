import { blueListLabel, type ProcessRecord } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'
import { NeedText, SourceLine } from './SourceLine.tsx'
import './blueList.css'

/** Blå listan in the published process record: each need with its status history, read-only. */
export function RecordBlueList({ items }: { items: ProcessRecord['blueList'] }) {
  const { t, language } = useI18n()
  return (
    <section className="docs__phase" aria-labelledby="record-blue-list">
      <h2 id="record-blue-list">{t('blue.heading')}</h2>
      <p>{t('blue.intro')}</p>
      {items.length === 0 && <p>{t('blue.empty')}</p>}
      {items.map((item) => (
        <article
          key={item.number}
          className="blue-record"
          data-testid="record-blue-item"
          aria-label={blueListLabel(item.number)}
        >
          <h3>{blueListLabel(item.number)}</h3>
          <NeedText need={item.need} />
          <p className="docs__meta">
            {t(`blue.status.${item.status}`)} · <SourceLine source={item.source} />
            {item.raisedTo && ` · ${t('blue.raisedTo')}: ${item.raisedTo}`}
          </p>
          <ol className="idea-history">
            {item.history.map((event) => (
              <li key={`${event.at}-${event.status}`}>
                <strong>{t(`blue.status.${event.status}`)}</strong> · {longDate(event.at, language)}
                {event.comment && <p>{event.comment}</p>}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  )
}
