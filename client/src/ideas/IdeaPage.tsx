import { DOCS_PATH_PREFIX, ideaLabel, PROCESS_PATH_PREFIX } from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { getIdea, type IdeaWithCriteria } from './api.ts'
import { DescriptionForm } from './DescriptionForm.tsx'
import { IdeaHistory } from './IdeaHistory.tsx'
import { OriginLine } from './OriginLine.tsx'
import { StatusForm } from './StatusForm.tsx'
import '../start/start.css'
import '../process/process.css'
import './ideas.css'

/**
 * An idea's page, with the process link: where it was born, its idébeskrivning in the seed's
 * template with what the criteria find missing, and its status with every public reason.
 */
export function IdeaPage({ processId, ideaId }: { processId: string; ideaId: string }) {
  const { t } = useI18n()
  const token = linkToken() ?? ''
  const [idea, setIdea] = useState<IdeaWithCriteria | null | 'failed'>(null)
  useDocumentTitle(
    idea && idea !== 'failed' ? `${ideaLabel(idea.number)} ${idea.title}` : t('idea.page.loading'),
  )
  const load = useCallback(
    () => getIdea(processId, token, ideaId).then(setIdea, () => setIdea('failed')),
    [processId, token, ideaId],
  )
  useEffect(() => {
    void load()
  }, [load])
  if (idea === 'failed') return <Notice headingKey="process.page.needsLink" />
  if (!idea)
    return (
      <p className="loading" role="status">
        {t('idea.page.loading')}
      </p>
    )
  const { origin } = idea
  return (
    <main className="page page--wide stack process-page">
      <PageHeader />
      <p>
        <a className="link" href={`${PROCESS_PATH_PREFIX}${processId}#k=${token}`}>
          {t('idea.page.back')}
        </a>
      </p>
      <div>
        <p className="small">{ideaLabel(idea.number)}</p>
        <h1>{idea.title}</h1>
        <p>
          <span className="idea-status">{t(`idea.status.${idea.status}`)}</span>
        </p>
      </div>
      <div className="process-columns">
        <section className="card" aria-labelledby="idea-description">
          <h2 id="idea-description">{t('idea.page.description')}</h2>
          <DescriptionForm processId={processId} token={token} idea={idea} onSaved={setIdea} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="idea-criteria" data-testid="criteria">
            <h2 id="idea-criteria">{t('idea.criteria.heading')}</h2>
            {idea.criteria.length === 0 ? (
              <p>{t('idea.criteria.ok')}</p>
            ) : (
              <ul>
                {idea.criteria.map((problem) => (
                  <li key={problem.kind === 'missing' ? problem.field : problem.kind}>
                    {problem.kind === 'missing'
                      ? t('idea.criteria.missing', { field: t(`idea.field.${problem.field}`) })
                      : t('idea.criteria.municipalAndRegional')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="idea-status">
            <h2 id="idea-status">{t('idea.status.heading')}</h2>
            <StatusForm processId={processId} token={token} idea={idea} onChanged={setIdea} />
            <h3>{t('idea.status.history')}</h3>
            <IdeaHistory history={idea.history} newestFirst />
          </section>
          <section className="card" aria-labelledby="idea-origin">
            <h2 id="idea-origin">{t('idea.page.bornAt')}</h2>
            <p>
              <OriginLine origin={origin} />
            </p>
            {origin.meetingId && origin.snapshotId && (
              <p>
                <a
                  className="link"
                  href={`${DOCS_PATH_PREFIX}${origin.meetingId}/snapshots/${origin.snapshotId}#k=${token}`}
                >
                  {t('idea.page.snapshot')}
                </a>
              </p>
            )}
            {origin.notes.length > 0 && (
              <>
                <h3>{t('idea.page.notes')}</h3>
                <ul className="process-crossings">
                  {origin.notes.map((note) => (
                    <li key={note.shapeId}>
                      <blockquote className="process-crossing__text">{note.text}</blockquote>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      </div>
    </main>
  )
}
