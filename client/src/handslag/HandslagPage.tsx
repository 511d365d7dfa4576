import {
  confirmedCount,
  type Handslag,
  PROCESS_PATH_PREFIX,
  type TimelineEntry,
} from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { ApiError, linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { type IdeaWithCriteria, listIdeas } from '../ideas/api.ts'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { getProcess } from '../process/api.ts'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { AddOrganisationForm } from './AddOrganisationForm.tsx'
import { deleteHandslag, getHandslag } from './api.ts'
import { Confirmed, SignedBadge } from './Confirmed.tsx'
import { dateTime } from './format.ts'
import { OrganisationCard } from './OrganisationCard.tsx'
import { PlanForm } from './PlanForm.tsx'
import { forgetLinks, savedLinks, saveLink } from './savedLinks.ts'
import { Commitments, Initiatives } from './WorkPlan.tsx'
import '../start/start.css'
import '../process/process.css'
import './handslag.css'

interface Loaded {
  handslag: Handslag
  timeline: TimelineEntry[]
  processName: string
  ideas: IdeaWithCriteria[]
}

/**
 * A Handslag's page, with the process link: the work plan, each organisation with its
 * commitments, confirmation link and who confirmed, and how far it is from signed. Once
 * signed it only reads: the work plan and every confirmation, as the record keeps them.
 */
export function HandslagPage({ processId, handslagId }: { processId: string; handslagId: string }) {
  const { t, language } = useI18n()
  const token = linkToken() ?? ''
  const [state, setState] = useState<Loaded | null | 'failed' | 'deleted'>(null)
  const [links, setLinks] = useState(() => savedLinks(processId, handslagId))
  const [error, setError] = useState('')
  useDocumentTitle(
    state && typeof state === 'object' ? state.handslag.title : t('handslag.page.loading'),
  )

  const load = useCallback(async () => {
    try {
      const [handslag, overview, ideas] = await Promise.all([
        getHandslag(processId, token, handslagId),
        getProcess(processId, token),
        listIdeas(processId, token).catch(() => []),
      ])
      setState({ handslag, timeline: overview.timeline, processName: overview.process.name, ideas })
    } catch {
      setState('failed')
    }
  }, [processId, token, handslagId])
  useEffect(() => {
    void load()
  }, [load])

  if (state === 'deleted') return <Notice headingKey="handslag.delete.done" />
  if (state === 'failed') return <Notice headingKey="process.page.needsLink" />
  if (!state)
    return (
      <p className="loading" role="status">
        {t('handslag.page.loading')}
      </p>
    )
  const { handslag, timeline, ideas } = state
  const signed = handslag.signedAt !== null
  const meeting = timeline.find((e) => e.meeting.id === handslag.meetingId)?.meeting.title
  const changed = (next: Handslag) => {
    setError('')
    setState({ ...state, handslag: next })
  }
  const failed = (err: unknown) => {
    // Signed meanwhile (the last organisation confirmed): show it as it is now.
    if (err instanceof ApiError && err.code === 'signed') {
      setError(t('handslag.error.signed'))
      void load()
    } else setError(t('handslag.error.save'))
  }
  const linkMade = (organisationId: string, link: string) =>
    setLinks(saveLink(processId, handslag.id, organisationId, link))
  const remove = async () => {
    if (!window.confirm(t('handslag.delete.confirm'))) return
    try {
      await deleteHandslag(processId, token, handslag.id)
      forgetLinks(processId, handslag.id)
      setState('deleted')
    } catch (err) {
      failed(err)
    }
  }

  return (
    <main className="page page--wide stack process-page handslag-page">
      <PageHeader />
      <p>
        <a className="link" href={`${PROCESS_PATH_PREFIX}${processId}#k=${token}`}>
          {t('handslag.page.back')}
        </a>
      </p>
      <div>
        <p className="small">
          {t('handslag.page.kind')} · {state.processName}
        </p>
        <h1>{handslag.title}</h1>
        <p>
          <SignedBadge signed={signed} />
          {meeting && <span className="small"> {t('handslag.page.madeAt', { meeting })}</span>}
        </p>
        <p role="status" data-testid="handslag-progress">
          {signed
            ? t('handslag.page.signed', { date: dateTime(handslag.signedAt ?? '', language) })
            : t('handslag.page.progress', {
                confirmed: confirmedCount(handslag),
                count: handslag.organisations.length,
              })}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      {signed ? (
        <SignedView handslag={handslag} />
      ) : (
        <>
          <section className="card" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{t('handslag.plan.heading')}</h2>
            <PlanForm
              key={handslag.id}
              processId={processId}
              token={token}
              handslag={handslag}
              ideas={ideas}
              timeline={timeline}
              onSaved={changed}
              onError={failed}
            />
          </section>
          <section aria-labelledby="orgs-heading" className="stack">
            <h2 id="orgs-heading">{t('handslag.orgs.heading')}</h2>
            {handslag.organisations.length === 0 && <p>{t('handslag.orgs.none')}</p>}
            <div className="handslag-orgs">
              {handslag.organisations.map((o) => (
                <OrganisationCard
                  key={o.id}
                  processId={processId}
                  token={token}
                  handslag={handslag}
                  organisation={o}
                  link={links[o.id]}
                  onChanged={changed}
                  onLink={linkMade}
                  onError={failed}
                />
              ))}
            </div>
            <section className="card" aria-labelledby="add-org-heading">
              <h3 id="add-org-heading">{t('handslag.add.heading')}</h3>
              <AddOrganisationForm
                processId={processId}
                token={token}
                handslag={handslag}
                onAdded={(added) => {
                  linkMade(added.confirmationLink.organisationId, added.confirmationLink.link)
                  changed(added.handslag)
                }}
                onError={failed}
              />
            </section>
          </section>
          <p>
            <button type="button" className="button button--danger" onClick={remove}>
              {t('handslag.delete.do')}
            </button>
          </p>
        </>
      )}
    </main>
  )
}

/** A signed Handslag: the work plan and every organisation's commitments and confirmation. */
function SignedView({ handslag }: { handslag: Handslag }) {
  const { t } = useI18n()
  return (
    <>
      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('handslag.plan.heading')}</h2>
        <h3>{t('handslag.plan.initiatives')}</h3>
        <Initiatives initiatives={handslag.initiatives} />
      </section>
      <section className="card" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t('handslag.orgs.heading')}</h2>
        {handslag.organisations.map((o) => (
          <article key={o.id} aria-label={o.name} data-testid="handslag-organisation">
            <h3>{o.name}</h3>
            <Commitments commitments={o.commitments} />
            <Confirmed confirmation={o.confirmation} />
          </article>
        ))}
      </section>
    </>
  )
}
