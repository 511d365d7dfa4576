import { DESCRIPTION_TEXT_FIELDS, type IdeaDescription, ideaLabel } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import type { IdeaWithCriteria } from './api.ts'
import { OriginLine } from './OriginLine.tsx'

/**
 * What the page prints (A4, to paper or PDF): the idébeskrivning with the template's fields as
 * headings, as it stands now; the forms are left out of the print (ideas.css).
 */
export function IdeaPrintView({
  idea,
  description,
}: {
  idea: IdeaWithCriteria
  description: IdeaDescription
}) {
  const { t } = useI18n()
  return (
    <article className="idea-print" aria-hidden="true">
      <h1>
        {ideaLabel(idea.number)} {idea.title}
      </h1>
      <p>
        {t('idea.page.description')} · {t(`idea.status.${idea.status}`)} ·{' '}
        <OriginLine origin={idea.origin} />
        {idea.ownerOrganisation && ` · ${t('idea.page.owner')}: ${idea.ownerOrganisation}`}
      </p>
      {DESCRIPTION_TEXT_FIELDS.map((field) => (
        <section key={field}>
          <h2>{t(`idea.field.${field}`)}</h2>
          <p>{description[field].trim() || t('idea.print.empty')}</p>
          {field === 'malgrupp' && (
            <>
              <h2>{t('idea.field.aktorer')}</h2>
              {description.aktorer.length === 0 ? (
                <p>{t('idea.print.noActors')}</p>
              ) : (
                <ul>
                  {description.aktorer.map((a) => (
                    <li key={`${a.organisation}-${a.sector}`}>
                      {a.organisation} ({t(`idea.sector.${a.sector}`)})
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      ))}
    </article>
  )
}
