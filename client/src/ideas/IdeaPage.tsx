import {
  criteriaProblems,
  DOCS_PATH_PREFIX,
  type IdeaDescription,
  type IdeaDocumentInfo,
  ideaLabel,
  PROCESS_PATH_PREFIX,
} from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { getIdea, getIdeaDocument, type IdeaWithCriteria } from './api.ts'
import { CriteriaList } from './CriteriaList.tsx'
import { DescriptionEditor } from './DescriptionEditor.tsx'
import { EditLinkPanel } from './EditLinkPanel.tsx'
import { IdeaDetailsForm } from './IdeaDetailsForm.tsx'
import { IdeaDownloads } from './IdeaDownloads.tsx'
import { IdeaHistory } from './IdeaHistory.tsx'
import { IdeaPrintView } from './IdeaPrintView.tsx'
import { IdeaPriorities } from './IdeaPriorities.tsx'
import { ideaPageToken } from './links.ts'
import { OriginLine } from './OriginLine.tsx'
import { StatusForm } from './StatusForm.tsx'
import '../start/start.css'
import '../process/process.css'
import './ideas.css'

/**
 * An idea's page: where it was born, its idébeskrivning in the seed's template (written by
 * everyone who has it open at once) with what the criteria find missing, and its status with
 * every public reason. With the process link everything; with the idea's own co-editing link
 * the description only.
 */
export function IdeaPage({ processId, ideaId }: { processId: string; ideaId: string }) {
  const { t } = useI18n()
  const link = ideaPageToken()
  const token = link?.token ?? ''
  const [idea, setIdea] = useState<IdeaWithCriteria | null | 'failed'>(null)
  const [info, setInfo] = useState<IdeaDocumentInfo | null>(null)
  const [description, setDescription] = useState<IdeaDescription | null>(null)
  useDocumentTitle(
    idea && idea !== 'failed' ? `${ideaLabel(idea.number)} ${idea.title}` : t('idea.page.loading'),
  )
  const load = useCallback(
    () =>
      Promise.all([
        getIdea(processId, token, ideaId),
        getIdeaDocument(processId, token, ideaId),
      ]).then(
        ([found, document]) => {
          setIdea(found)
          setInfo(document)
        },
        () => setIdea('failed'),
      ),
    [processId, token, ideaId],
  )
  useEffect(() => {
    void load()
  }, [load])
  if (idea === 'failed') return <Notice headingKey="idea.page.needsLink" />
  if (!idea || !info)
    return (
      <p className="loading" role="status">
        {t('idea.page.loading')}
      </p>
    )
  const { origin } = idea
  const full = info.access === 'process'
  const current = description ?? idea.description
  return (
    <>
      <main className="page page--wide stack process-page idea-page">
        <PageHeader />
        {full ? (
          <p>
            <a className="link" href={`${PROCESS_PATH_PREFIX}${processId}#k=${token}`}>
              {t('idea.page.back')}
            </a>
          </p>
        ) : (
          <p className="small">{t('idea.page.editorIntro')}</p>
        )}
        <div>
          <p className="small">{ideaLabel(idea.number)}</p>
          <h1>{idea.title}</h1>
          <p>
            <span className="idea-status">{t(`idea.status.${idea.status}`)}</span>
          </p>
          <IdeaDownloads processId={processId} token={token} ideaId={idea.id} />
        </div>
        <div className="process-columns">
          <section className="card" aria-labelledby="idea-description">
            <h2 id="idea-description">{t('idea.page.description')}</h2>
            <DescriptionEditor info={info} token={token} onDescription={setDescription} />
          </section>
          <div className="stack">
            <section
              className="card"
              aria-labelledby="idea-criteria"
              aria-live="polite"
              data-testid="criteria"
            >
              <h2 id="idea-criteria">{t('idea.criteria.heading')}</h2>
              <CriteriaList problems={criteriaProblems(current)} />
            </section>
            {full && (
              <section className="card" aria-labelledby="idea-details">
                <h2 id="idea-details">{t('idea.page.details')}</h2>
                <IdeaDetailsForm
                  processId={processId}
                  token={token}
                  idea={idea}
                  onSaved={setIdea}
                />
              </section>
            )}
            {full && (
              <section className="card" aria-labelledby="idea-share">
                <h2 id="idea-share">{t('idea.share.heading')}</h2>
                <EditLinkPanel
                  processId={processId}
                  token={token}
                  ideaId={idea.id}
                  open={info.editLinkOpen}
                />
              </section>
            )}
            <section className="card" aria-labelledby="idea-status">
              <h2 id="idea-status">{t('idea.status.heading')}</h2>
              {full && (
                <StatusForm processId={processId} token={token} idea={idea} onChanged={setIdea} />
              )}
              <h3>{t('idea.status.history')}</h3>
              <IdeaHistory history={idea.history} newestFirst />
            </section>
            <section className="card" aria-labelledby="idea-priorities">
              <h2 id="idea-priorities">{t('idea.priority.heading')}</h2>
              <IdeaPriorities priorities={idea.priorities} />
            </section>
            <section className="card" aria-labelledby="idea-origin">
              <h2 id="idea-origin">{t('idea.page.bornAt')}</h2>
              <p>
                <OriginLine origin={origin} />
              </p>
              {full && origin.meetingId && origin.snapshotId && (
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
      <IdeaPrintView idea={idea} description={current} />
    </>
  )
}
