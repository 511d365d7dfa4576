import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { adoptMeeting } from './api.ts'

/** Moves a meeting made on its own into the process, with that meeting's facilitator link. */
export function AdoptMeetingForm({
  processId,
  token,
  onAdopted,
}: {
  processId: string
  token: string
  onAdopted: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [link, setLink] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const meeting = await adoptMeeting(processId, token, link)
      setStatus({ ok: true, text: t('process.adopt.done', { title: meeting.title }) })
      setLink('')
      onAdopted()
    } catch (err) {
      const other = err instanceof ApiError && err.code === 'other_process'
      setStatus({ ok: false, text: t(other ? 'process.adopt.other' : 'process.adopt.invalid') })
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-link`}>{t('process.adopt.label')}</label>
      <input
        id={`${id}-link`}
        required
        type="url"
        autoComplete="off"
        value={link}
        onChange={(e) => setLink(e.target.value)}
      />
      <button type="submit" className="button button--secondary">
        {t('process.adopt.submit')}
      </button>
      <p role="status" className={status && !status.ok ? 'error' : 'small'}>
        {status?.text ?? ''}
      </p>
    </form>
  )
}
