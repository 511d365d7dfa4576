import type { AddProcessMeetingRequest } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { addProcessMeeting } from './api.ts'

const today = () => new Date().toISOString().slice(0, 10)
const FORMATS = ['physical', 'digital', 'hybrid'] as const

/** One step per meeting: a Samling (the adults) or a Träff (the youth lab), with date and format. */
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
  const id = useId()
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
      <fieldset className="start-meeting__choice">
        <legend>{t('start.meeting.group')}</legend>
        {(['kraftsamling', 'demokratilabb'] as const).map((group) => (
          <label key={group}>
            <input
              type="radio"
              name={`${id}-group`}
              checked={form.group === group}
              onChange={() => setForm({ ...form, group })}
            />{' '}
            {t(group === 'kraftsamling' ? 'process.add.samling' : 'process.add.traff')}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-title`}>{t('process.add.title')}</label>
      <input
        id={`${id}-title`}
        required
        maxLength={200}
        autoComplete="off"
        placeholder={form.group === 'kraftsamling' ? 'Samling 2' : 'Träff 2'}
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <label htmlFor={`${id}-date`}>{t('start.meeting.date')}</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        value={form.date}
        onChange={(e) => setForm({ ...form, date: e.target.value })}
      />
      <fieldset className="start-meeting__choice">
        <legend>{t('start.meeting.format')}</legend>
        {FORMATS.map((format) => (
          <label key={format}>
            <input
              type="radio"
              name={`${id}-format`}
              checked={form.format === format}
              onChange={() => setForm({ ...form, format })}
            />{' '}
            {t(`meeting.format.${format}`)}
          </label>
        ))}
      </fieldset>
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
