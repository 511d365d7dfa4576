import { type ConfirmationView, MAX_CONFIRMATION_FIELD_CHARS } from '@samla/shared'
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { confirmHandslag, getConfirmation } from './api.ts'
import { Confirmed, SignedBadge } from './Confirmed.tsx'
import { confirmationToken } from './links.ts'
import { Commitments, Initiatives } from './WorkPlan.tsx'
import './handslag.css'

type Outcome = { kind: 'done'; signed: boolean } | { kind: 'already' | 'changed' | 'failed' }

/**
 * An organisation's confirmation page, opened with its own link (`/h/<id>#c=…`), often on a
 * phone: the work plan, the organisation's commitments and who else takes part, and a form
 * with name, role and organisation, which it says are the only personal data kept.
 */
export function ConfirmPage({ handslagId }: { handslagId: string }) {
  const { t } = useI18n()
  const id = useId()
  const token = confirmationToken() ?? ''
  const [view, setView] = useState<ConfirmationView | null | 'failed'>(null)
  const [name, setName] = useState('')
  const [role, setRole] = useState('')
  const [organisation, setOrganisation] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)
  useDocumentTitle(view && view !== 'failed' ? view.title : t('handslag.confirm.kind'))

  const load = useCallback(
    () =>
      getConfirmation(handslagId, token).then(
        (next) => {
          setView(next)
          setOrganisation((current) => current ?? next.organisation.name)
        },
        () => setView('failed'),
      ),
    [handslagId, token],
  )
  useEffect(() => {
    void load()
  }, [load])

  if (view === 'failed')
    return (
      <Notice
        headingKey="handslag.confirm.needsLink.heading"
        bodyKey="handslag.confirm.needsLink.body"
      />
    )
  if (!view)
    return (
      <p className="loading" role="status">
        {t('handslag.confirm.loading')}
      </p>
    )
  const own = view.organisation
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const result = await confirmHandslag(handslagId, token, {
        name: name.trim(),
        role: role.trim(),
        organisation: (organisation ?? '').trim(),
        revision: own.revision,
      })
      setOutcome({ kind: 'done', signed: result.signed })
    } catch (err) {
      const code = err instanceof ApiError ? err.code : null
      setOutcome({
        kind:
          code === 'already_confirmed'
            ? 'already'
            : code === 'commitments_changed'
              ? 'changed'
              : 'failed',
      })
    } finally {
      setBusy(false)
      await load()
    }
  }
  const message =
    outcome &&
    {
      done: t('handslag.confirm.done', { organisation: own.name }),
      already: t('handslag.confirm.already'),
      changed: t('handslag.confirm.changed'),
      failed: t('handslag.confirm.error'),
    }[outcome.kind]

  return (
    <main className="page stack handslag-confirm">
      <PageHeader />
      <article className="card" aria-labelledby={`${id}-title`}>
        <p className="small">
          {t('handslag.confirm.kind')} · {view.processName}
        </p>
        <h1 id={`${id}-title`}>{view.title}</h1>
        <p>
          <SignedBadge signed={view.signedAt !== null} />
          {view.meetingTitle && (
            <span className="small">
              {' '}
              {t('handslag.page.madeAt', { meeting: view.meetingTitle })}
            </span>
          )}
        </p>
        <p>{t('handslag.confirm.intro', { organisation: own.name, process: view.processName })}</p>
        <h2>{t('handslag.plan.initiatives')}</h2>
        <Initiatives initiatives={view.initiatives} />
        <h2>{t('handslag.view.yours')}</h2>
        <p className="handslag-org-name">{own.name}</p>
        <Commitments commitments={own.commitments} />
        <h2>{t('handslag.view.organisations')}</h2>
        <ul className="handslag-list">
          {view.organisations.map((o) => (
            <li key={o.name}>
              {o.name}:{' '}
              <span className={o.confirmed ? 'handslag-yes' : 'handslag-no'}>
                {t(o.confirmed ? 'handslag.view.hasConfirmed' : 'handslag.view.notYet')}
              </span>
            </li>
          ))}
        </ul>
      </article>
      <section className="card" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>
          {own.confirmation
            ? t('handslag.confirm.yours')
            : t('handslag.confirm.form', { organisation: own.name })}
        </h2>
        <p role="status" className={outcome && outcome.kind !== 'done' ? 'error' : 'handslag-done'}>
          {message}
          {outcome?.kind === 'done' && outcome.signed && ` ${t('handslag.confirm.signedNow')}`}
        </p>
        {own.confirmation ? (
          <Confirmed confirmation={own.confirmation} />
        ) : (
          <form className="form" onSubmit={submit}>
            <label htmlFor={`${id}-name`}>{t('handslag.confirm.name')}</label>
            <input
              id={`${id}-name`}
              required
              autoComplete="name"
              maxLength={MAX_CONFIRMATION_FIELD_CHARS}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <label htmlFor={`${id}-role`}>{t('handslag.confirm.role')}</label>
            <input
              id={`${id}-role`}
              required
              autoComplete="organization-title"
              maxLength={MAX_CONFIRMATION_FIELD_CHARS}
              value={role}
              onChange={(e) => setRole(e.target.value)}
            />
            <label htmlFor={`${id}-org`}>{t('handslag.confirm.organisation')}</label>
            <input
              id={`${id}-org`}
              required
              autoComplete="organization"
              maxLength={MAX_CONFIRMATION_FIELD_CHARS}
              value={organisation ?? ''}
              onChange={(e) => setOrganisation(e.target.value)}
            />
            <button
              type="submit"
              className="button"
              disabled={busy}
              aria-describedby={`${id}-privacy`}
            >
              {t('handslag.confirm.submit')}
            </button>
          </form>
        )}
        <p className="small" id={`${id}-privacy`}>
          {t('handslag.confirm.privacy')}
        </p>
      </section>
    </main>
  )
}
