import type { ProcessOverview } from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { linkToken } from '../api.ts'
import { BlueListSection } from '../blueList/BlueList.tsx'
import { HandslagSection } from '../handslag/HandslagSection.tsx'
import { forgetLinks } from '../handslag/savedLinks.ts'
import { IdeaLedger } from '../ideas/IdeaLedger.tsx'
import '../ideas/ideas.css'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { AddMeetingForm } from './AddMeetingForm.tsx'
import { AdoptMeetingForm } from './AdoptMeetingForm.tsx'
import { deleteProcess, getProcess, publishProcess, unpublishProcess } from './api.ts'
import { Crossings } from './Crossings.tsx'
import { forgetProcess, saveProcess } from './savedProcesses.ts'
import { Timeline } from './Timeline.tsx'
import '../start/start.css'
import './process.css'

type State = { kind: 'loading' } | { kind: 'ready'; overview: ProcessOverview } | { kind: 'failed' }

/**
 * A Kraftsamling's own page, opened with the process link: the timeline of Samlingar and
 * Träffar, adding one in a step, moving one in, what was sent between the groups with the
 * answers, and the publication of the whole process.
 */
export function ProcessPage({ processId }: { processId: string }) {
  const { t } = useI18n()
  const token = linkToken() ?? ''
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [deleted, setDeleted] = useState(false)
  useDocumentTitle(state.kind === 'ready' ? state.overview.process.name : t('process.page.title'))

  const load = useCallback(
    () =>
      getProcess(processId, token).then(
        (overview) => {
          setState({ kind: 'ready', overview })
          saveProcess({ id: processId, name: overview.process.name, link: location.href })
        },
        () => setState({ kind: 'failed' }),
      ),
    [processId, token],
  )
  useEffect(() => {
    void load()
  }, [load])

  if (deleted) return <Notice headingKey="process.delete.done" />
  if (state.kind === 'failed') return <Notice headingKey="process.page.needsLink" />
  if (state.kind === 'loading')
    return (
      <p className="loading" role="status">
        {t('process.page.loading')}
      </p>
    )
  const { process, timeline, crossings, publishedLink } = state.overview

  const publish = async () => {
    await publishProcess(processId, token)
    await load()
  }
  const unpublish = async () => {
    await unpublishProcess(processId, token)
    await load()
  }
  const remove = async () => {
    if (!window.confirm(t('process.delete.confirm'))) return
    await deleteProcess(processId, token)
    forgetProcess(processId)
    forgetLinks(processId)
    setDeleted(true)
  }

  return (
    <main className="page page--wide stack process-page">
      <PageHeader />
      <div>
        <p className="small">{t('process.page.title')}</p>
        <h1>{process.name}</h1>
        {process.description && <p className="lead">{process.description}</p>}
        {process.organisers && (
          <p>{t('process.page.organisers', { organisers: process.organisers })}</p>
        )}
        <p className="small">{t('process.page.linkHint')}</p>
      </div>
      <div className="process-columns">
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('process.timeline.heading')}</h2>
          <Timeline timeline={timeline} token={token} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="add-heading">
            <h2 id="add-heading">{t('process.add.heading')}</h2>
            <AddMeetingForm processId={processId} token={token} onAdded={load} />
          </section>
          <section className="card" aria-labelledby="adopt-heading">
            <h2 id="adopt-heading">{t('process.adopt.heading')}</h2>
            <AdoptMeetingForm processId={processId} token={token} onAdopted={load} />
          </section>
        </div>
      </div>
      <section className="card" aria-labelledby="ideas-heading">
        <h2 id="ideas-heading">{t('idea.ledger.heading')}</h2>
        <IdeaLedger processId={processId} token={token} />
      </section>
      <BlueListSection processId={processId} token={token} timeline={timeline} />
      <section className="card" aria-labelledby="handslag-heading">
        <h2 id="handslag-heading">{t('handslag.section.heading')}</h2>
        <HandslagSection processId={processId} token={token} timeline={timeline} />
      </section>
      <section className="card" aria-labelledby="crossings-heading">
        <h2 id="crossings-heading">{t('process.crossings.heading')}</h2>
        <Crossings crossings={crossings} timeline={timeline} />
      </section>
      <section className="card" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{t('process.publish.heading')}</h2>
        <p>{t('process.publish.intro')}</p>
        {publishedLink ? (
          <>
            <p>
              {t('process.publish.link')}{' '}
              <a className="link" href={publishedLink} data-testid="process-published-link">
                {publishedLink}
              </a>
            </p>
            <button type="button" className="button button--secondary" onClick={unpublish}>
              {t('process.publish.undo')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={publish}>
            {t('process.publish.do')}
          </button>
        )}
      </section>
      <p>
        <button type="button" className="button button--danger" onClick={remove}>
          {t('process.delete.do')}
        </button>
      </p>
    </main>
  )
}
