import type { CriteriaProblem } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'

/** What the seed's criteria still find missing, in plain words; announced as it changes. */
export function CriteriaList({ problems }: { problems: CriteriaProblem[] }) {
  const { t } = useI18n()
  if (problems.length === 0) return <p>{t('idea.criteria.ok')}</p>
  return (
    <ul>
      {problems.map((problem) => (
        <li key={problem.kind === 'missing' ? problem.field : problem.kind}>
          {problem.kind === 'missing'
            ? t('idea.criteria.missing', { field: t(`idea.field.${problem.field}`) })
            : t('idea.criteria.municipalAndRegional')}
        </li>
      ))}
    </ul>
  )
}
