import { type Commitment, type Initiative, ideaLabel } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'

/** The initiatives of a work plan, an idea's with its number (I-4). */
export function Initiatives({
  initiatives,
}: {
  initiatives: readonly Omit<Initiative, 'ideaId'>[]
}) {
  const { t } = useI18n()
  if (initiatives.length === 0) return <p>{t('handslag.plan.none')}</p>
  return (
    <ul className="handslag-list">
      {initiatives.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: initiatives have no id; the list is read-only
        <li key={n}>
          {i.ideaNumber && <strong>{ideaLabel(i.ideaNumber)} </strong>}
          {i.text}
        </li>
      ))}
    </ul>
  )
}

/** An organisation's commitments, each with the day it is due. */
export function Commitments({ commitments }: { commitments: readonly Commitment[] }) {
  const { t, language } = useI18n()
  if (commitments.length === 0) return <p>{t('handslag.org.noCommitments')}</p>
  return (
    <ul className="handslag-list" data-testid="commitments">
      {commitments.map((c, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: commitments have no id; the list is read-only
        <li key={n}>
          {c.text}{' '}
          <span className="handslag-due">
            ({t('handslag.org.dueShort', { date: longDate(c.due, language) })})
          </span>
        </li>
      ))}
    </ul>
  )
}
