import { ACTOR_SECTORS, DESCRIPTION_TEXT_FIELDS, type IdeaDescription } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { type IdeaWithCriteria, updateIdea } from './api.ts'

/**
 * The idébeskrivning in the template's fields (seed 003), with the idea's name, owner and the
 * actors taking part (organisation and sector). Saved as a whole; the criteria follow.
 */
export function DescriptionForm({
  processId,
  token,
  idea,
  onSaved,
}: {
  processId: string
  token: string
  idea: IdeaWithCriteria
  onSaved: (idea: IdeaWithCriteria) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [title, setTitle] = useState(idea.title)
  const [owner, setOwner] = useState(idea.ownerOrganisation)
  const [description, setDescription] = useState<IdeaDescription>(idea.description)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const set = (changes: Partial<IdeaDescription>) => setDescription({ ...description, ...changes })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const saved = await updateIdea(processId, token, idea.id, {
        title: title.trim(),
        ownerOrganisation: owner.trim(),
        description: {
          ...description,
          aktorer: description.aktorer.filter((a) => a.organisation.trim()),
        },
      })
      setStatus({ ok: true, text: t('idea.page.saved') })
      onSaved(saved)
    } catch {
      setStatus({ ok: false, text: t('idea.page.saveFailed') })
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-title`}>{t('idea.page.title')}</label>
      <input
        id={`${id}-title`}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-owner`}>{t('idea.page.owner')}</label>
      <input
        id={`${id}-owner`}
        maxLength={200}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
      />
      {DESCRIPTION_TEXT_FIELDS.map((field) => (
        <div key={field} className="idea-field">
          <label htmlFor={`${id}-${field}`}>{t(`idea.field.${field}`)}</label>
          <textarea
            id={`${id}-${field}`}
            rows={3}
            maxLength={5000}
            value={description[field]}
            onChange={(e) => set({ [field]: e.target.value })}
          />
        </div>
      ))}
      <fieldset className="idea-actors">
        <legend>{t('idea.field.aktorer')}</legend>
        {description.aktorer.map((actor, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; they are edited in place
          <div key={index} className="idea-actor">
            <label htmlFor={`${id}-org-${index}`}>{t('idea.page.organisation')}</label>
            <input
              id={`${id}-org-${index}`}
              maxLength={200}
              value={actor.organisation}
              onChange={(e) =>
                set({
                  aktorer: description.aktorer.map((a, i) =>
                    i === index ? { ...a, organisation: e.target.value } : a,
                  ),
                })
              }
            />
            <label htmlFor={`${id}-sector-${index}`}>{t('idea.page.sector')}</label>
            <select
              id={`${id}-sector-${index}`}
              value={actor.sector}
              onChange={(e) =>
                set({
                  aktorer: description.aktorer.map((a, i) =>
                    i === index
                      ? { ...a, sector: e.target.value as (typeof ACTOR_SECTORS)[number] }
                      : a,
                  ),
                })
              }
            >
              {ACTOR_SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`idea.sector.${sector}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set({ aktorer: description.aktorer.filter((_, i) => i !== index) })}
            >
              {t('idea.page.removeActor', { organisation: actor.organisation || '–' })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            set({ aktorer: [...description.aktorer, { organisation: '', sector: 'kommun' }] })
          }
        >
          {t('idea.page.addActor')}
        </button>
      </fieldset>
      <button type="submit" className="button">
        {t('idea.page.save')}
      </button>
      <p role="status" className={status && !status.ok ? 'error' : 'small'}>
        {status?.text ?? ''}
      </p>
    </form>
  )
}
