import type { CreateMeetingRequest } from '@samla/shared'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { createMeeting } from '../meeting/api.ts'
import { MeetingLinks } from './MeetingLinks.tsx'
import { type SavedMeeting, saveMeeting, toSaved } from './savedMeetings.ts'

const today = () => new Date().toISOString().slice(0, 10)

/** Creating a Samling: name, group, date, format; then its links and join code. */
export function MeetingForm({ onCreated }: { onCreated: (list: SavedMeeting[]) => void }) {
  const { t } = useI18n()
  const ids = { title: useId(), date: useId(), hint: useId(), error: useId() }
  const [form, setForm] = useState<CreateMeetingRequest>({
    title: '',
    group: 'kraftsamling',
    date: today(),
    format: 'hybrid',
  })
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [created, setCreated] = useState<SavedMeeting | null>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    try {
      const saved = toSaved(await createMeeting({ ...form, title: form.title.trim() }))
      onCreated(saveMeeting(saved))
      setCreated(saved)
      // Screen readers hear the result; keyboard users continue from it.
      requestAnimationFrame(() => resultHeading.current?.focus())
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <div>
        <h2 ref={resultHeading} tabIndex={-1}>
          {t('start.meeting.created', { title: created.title })}
        </h2>
        <MeetingLinks meeting={created} />
      </div>
    )
  }

  return (
    <form className="form" onSubmit={submit} aria-describedby={failed ? ids.error : undefined}>
      <label htmlFor={ids.title}>{t('start.meeting.title')}</label>
      <input
        id={ids.title}
        required
        maxLength={200}
        autoComplete="off"
        placeholder={t('start.meeting.titlePlaceholder')}
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <fieldset className="start-meeting__choice" aria-describedby={ids.hint}>
        <legend>{t('start.meeting.group')}</legend>
        {(['kraftsamling', 'demokratilabb'] as const).map((group) => (
          <label key={group}>
            <input
              type="radio"
              name="group"
              checked={form.group === group}
              onChange={() => setForm({ ...form, group })}
            />{' '}
            {t(`meeting.group.${group}`)}
          </label>
        ))}
        <p id={ids.hint} className="small">
          {t('start.meeting.groupHint')}
        </p>
      </fieldset>
      <label htmlFor={ids.date}>{t('start.meeting.date')}</label>
      <input
        id={ids.date}
        type="date"
        required
        value={form.date}
        onChange={(e) => setForm({ ...form, date: e.target.value })}
      />
      <fieldset className="start-meeting__choice">
        <legend>{t('start.meeting.format')}</legend>
        {(['physical', 'digital', 'hybrid'] as const).map((format) => (
          <label key={format}>
            <input
              type="radio"
              name="format"
              checked={form.format === format}
              onChange={() => setForm({ ...form, format })}
            />{' '}
            {t(`meeting.format.${format}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('start.meeting.create')}
      </button>
      {failed && (
        <p id={ids.error} role="alert" className="error">
          {t('start.meeting.error')}
        </p>
      )}
    </form>
  )
}
