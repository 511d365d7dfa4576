import { useI18n } from '../i18n/index.tsx'
import { longDate } from './dates.ts'

/** One note sent between the groups: from where to where and when, its text, its answer. */
export function CrossingItem({
  from,
  to,
  sentAt,
  text,
  answer,
  testId,
}: {
  from: string
  to: string
  sentAt: string
  text: string
  answer: { text: string } | null
  testId: string
}) {
  const { t, language } = useI18n()
  return (
    <li className="process-crossing" data-testid={testId}>
      <p className="process-crossing__route">
        {t('process.crossings.route', { from, to })} · {longDate(sentAt, language)}
      </p>
      <blockquote className="process-crossing__text">{text}</blockquote>
      {answer ? (
        <p className="process-crossing__answer">
          <strong>{t('process.crossings.answer')}:</strong> {answer.text}
        </p>
      ) : (
        <p className="small">{t('process.crossings.noAnswer')}</p>
      )}
    </li>
  )
}
