import {
  type Commitment,
  type Handslag,
  type HandslagOrganisation,
  MAX_COMMITMENT_CHARS,
  MAX_COMMITMENTS,
  MAX_ORGANISATION_NAME_CHARS,
} from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { newConfirmationLink, removeOrganisation, updateOrganisation } from './api.ts'
import { Confirmed } from './Confirmed.tsx'

const sameCommitments = (a: readonly Commitment[], b: readonly Commitment[]) =>
  a.length === b.length && a.every((c, i) => c.text === b[i]?.text && c.due === b[i]?.due)

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)

/** A commitment being edited, with a key of its own for its row. */
type Row = Commitment & { key: number }
let lastKey = 0
const keyed = (c: Commitment): Row => ({ ...c, key: ++lastKey })

/**
 * One organisation of an unsigned Handslag: its name and commitments with due dates, who
 * confirmed for it (new commitments take that away, and the card says so before saving),
 * and its confirmation link to copy or make anew.
 */
export function OrganisationCard({
  processId,
  token,
  handslag,
  organisation,
  link,
  onChanged,
  onLink,
  onError,
}: {
  processId: string
  token: string
  handslag: Handslag
  organisation: HandslagOrganisation
  link: string | undefined
  onChanged: (handslag: Handslag) => void
  onLink: (organisationId: string, link: string) => void
  onError: (error: unknown) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [name, setName] = useState(organisation.name)
  const [rows, setRows] = useState<Row[]>(() => organisation.commitments.map(keyed))
  const [status, setStatus] = useState('')
  const commitments = rows
    .filter((r) => r.text.trim())
    .map((r) => ({ text: r.text.trim(), due: r.due }))
  const willClear =
    organisation.confirmation !== null && !sameCommitments(commitments, organisation.commitments)
  const set = (index: number, changes: Partial<Commitment>) => {
    setStatus('')
    setRows(rows.map((r, i) => (i === index ? { ...r, ...changes } : r)))
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const next = await updateOrganisation(processId, token, handslag.id, organisation.id, {
        name: name.trim(),
        commitments,
      })
      const cleared =
        organisation.confirmation !== null &&
        !next.organisations.find((o) => o.id === organisation.id)?.confirmation
      setStatus(
        cleared ? t('handslag.org.cleared', { name: name.trim() }) : t('handslag.org.saved'),
      )
      onChanged(next)
    } catch (err) {
      onError(err)
    }
  }
  const remove = async () => {
    if (!window.confirm(t('handslag.org.removeConfirm', { name: organisation.name }))) return
    try {
      onChanged(await removeOrganisation(processId, token, handslag.id, organisation.id))
    } catch (err) {
      onError(err)
    }
  }
  const renew = async () => {
    if (link && !window.confirm(t('handslag.org.newLinkConfirm', { name: organisation.name })))
      return
    try {
      const made = await newConfirmationLink(processId, token, handslag.id, organisation.id)
      onLink(organisation.id, made.link)
    } catch (err) {
      onError(err)
    }
  }
  const copy = () =>
    link &&
    navigator.clipboard
      .writeText(link)
      .then(() => setStatus(t('handslag.org.copied', { name: organisation.name })))

  return (
    <article
      className="card handslag-org"
      aria-labelledby={`${id}-name`}
      data-testid="handslag-organisation"
    >
      <h3 id={`${id}-name`}>{organisation.name}</h3>
      <Confirmed confirmation={organisation.confirmation} />
      <div className="handslag-link">
        <p className="handslag-link__label">{t('handslag.org.link')}</p>
        {link ? (
          <>
            <code data-testid="confirmation-link">{link}</code>
            <p className="small">{t('handslag.org.linkHint')}</p>
          </>
        ) : (
          <p className="small">{t('handslag.org.linkMissing')}</p>
        )}
        <p className="actions">
          {link && (
            <button
              type="button"
              className="button"
              aria-label={t('handslag.org.copyFor', { name: organisation.name })}
              onClick={copy}
            >
              {t('handslag.org.copy')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('handslag.org.newLinkFor', { name: organisation.name })}
            onClick={renew}
          >
            {t('handslag.org.newLink')}
          </button>
        </p>
      </div>
      <form className="form handslag-form" onSubmit={save}>
        <label htmlFor={`${id}-org`}>{t('handslag.org.name')}</label>
        <input
          id={`${id}-org`}
          required
          maxLength={MAX_ORGANISATION_NAME_CHARS}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="handslag-rows">
          <legend>{t('handslag.org.commitments')}</legend>
          {rows.length === 0 && <p>{t('handslag.org.noCommitments')}</p>}
          {rows.map((row, index) => {
            const n = index + 1
            return (
              <div key={row.key} className="handslag-row handslag-row--commitment">
                <div className="handslag-field">
                  <label htmlFor={`${id}-text-${index}`}>
                    {t('handslag.org.commitment', { n })}
                  </label>
                  <textarea
                    id={`${id}-text-${index}`}
                    rows={2}
                    required
                    maxLength={MAX_COMMITMENT_CHARS}
                    value={row.text}
                    onChange={(e) => set(index, { text: e.target.value })}
                  />
                </div>
                <div className="handslag-field">
                  <label htmlFor={`${id}-due-${index}`}>
                    {t('handslag.org.due')}
                    <span className="visually-hidden">
                      {' '}
                      ({t('handslag.org.commitment', { n })})
                    </span>
                  </label>
                  <input
                    id={`${id}-due-${index}`}
                    type="date"
                    required
                    value={row.due}
                    onChange={(e) => set(index, { due: e.target.value })}
                  />
                </div>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setRows(rows.filter((_, i) => i !== index))}
                >
                  {t('handslag.org.removeCommitment', { n })}
                </button>
              </div>
            )
          })}
          {rows.length < MAX_COMMITMENTS && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRows([...rows, keyed({ text: '', due: inAMonth() })])}
            >
              {t('handslag.org.addCommitment')}
            </button>
          )}
        </fieldset>
        {willClear && (
          <p className="handslag-warning" data-testid="will-clear">
            {t('handslag.org.willClear', { name: organisation.name })}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="button">
            {t('handslag.org.save', { name: organisation.name })}
          </button>
          <button type="button" className="button button--danger" onClick={remove}>
            {t('handslag.org.remove', { name: organisation.name })}
          </button>
        </p>
      </form>
      <p role="status" className="small">
        {status}
      </p>
    </article>
  )
}
