import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { type IdeaWithCriteria, updateIdea } from './api.ts'

/** The idea's name and its owning organisation: the process link's to change, saved as one. */
export function IdeaDetailsForm({
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
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const saved = await updateIdea(processId, token, idea.id, {
        title: title.trim(),
        ownerOrganisation: owner.trim(),
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
      <button type="submit" className="button">
        {t('idea.page.saveDetails')}
      </button>
      <p role="status" className={status && !status.ok ? 'error' : 'small'}>
        {status?.text ?? ''}
      </p>
    </form>
  )
}
