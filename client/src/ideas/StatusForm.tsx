import { IDEA_ENDINGS, IDEA_PATH, type IdeaStatus, isIdeaTransition } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { changeIdeaStatus, type IdeaWithCriteria } from './api.ts'

/** Moves an idea along the seed's path; only the moves the server allows are offered. */
export function StatusForm({
  processId,
  token,
  idea,
  onChanged,
}: {
  processId: string
  token: string
  idea: IdeaWithCriteria
  onChanged: (idea: IdeaWithCriteria) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const next = [...IDEA_PATH, ...IDEA_ENDINGS].filter((s) => isIdeaTransition(idea.status, s))
  const [to, setTo] = useState<IdeaStatus>(next[0] ?? 'ide')
  const [reason, setReason] = useState('')
  const [failed, setFailed] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailed(false)
    try {
      const changed = await changeIdeaStatus(processId, token, idea.id, to, reason.trim())
      setReason('')
      const after = [...IDEA_PATH, ...IDEA_ENDINGS].filter((s) =>
        isIdeaTransition(changed.status, s),
      )
      setTo(after[0] ?? 'ide')
      onChanged(changed)
    } catch {
      setFailed(true)
    }
  }
  return (
    <form className="form" onSubmit={submit}>
      <p>{t('idea.status.now', { status: t(`idea.status.${idea.status}`) })}</p>
      <label htmlFor={`${id}-to`}>{t('idea.status.to')}</label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as IdeaStatus)}>
        {next.map((s) => (
          <option key={s} value={s}>
            {t(`idea.status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('idea.status.reason')}</label>
      <textarea
        id={`${id}-reason`}
        required
        rows={2}
        maxLength={600}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={!reason.trim()}>
        {t('idea.status.change')}
      </button>
      {failed && (
        <p role="alert" className="error">
          {t('idea.status.failed')}
        </p>
      )}
    </form>
  )
}
