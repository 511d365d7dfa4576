import type { AddProcessMeetingRequest } from '@samla/shared'
import { type FormEvent, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { MeetingFields } from '../start/MeetingFields.tsx'
import { addProcessMeeting } from './api.ts'

const today = () => new Date().toISOString().slice(0, 10)

/**
 * One step per meeting: a Samling (the adults) or a Träff (the youth lab), with date and
 * format, the same fields as a meeting made on its own; and whether it carries the last one's
 * open threads.
 */
export function AddMeetingForm({
  processId,
  token,
  onAdded,
}: {
  processId: string
  token: string
  onAdded: () => void
}) {
  const { t } = useI18n()
  const [form, setForm] = useState<AddProcessMeetingRequest>({
    title: '',
    group: 'kraftsamling',
    date: today(),
    format: 'physical',
    carryForward: false,
  })
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const created = await addProcessMeeting(processId, token, {
        ...form,
        title: form.title.trim(),
      })
      setStatus({ ok: true, text: t('process.add.added', { title: created.meeting.title }) })
      setForm({ ...form, title: '', carryForward: false })
      onAdded()
    } catch {
      setStatus({ ok: false, text: t('process.add.error') })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <MeetingFields
        value={form}
        onChange={(fields) => setForm({ ...fields, carryForward: form.carryForward })}
      />
      <label className="process-check">
        <input
          type="checkbox"
          checked={form.carryForward}
          onChange={(e) => setForm({ ...form, carryForward: e.target.checked })}
        />{' '}
        {t('process.add.carry')}
      </label>
      <button type="submit" className="button" disabled={busy}>
        {t('process.add.submit')}
      </button>
      <p role="status" className={status && !status.ok ? 'error' : 'small'}>
        {status?.text ?? ''}
      </p>
    </form>
  )
}
