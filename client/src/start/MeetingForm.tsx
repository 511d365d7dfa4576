import type { CreateMeetingRequest } from '@samla/shared'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { createMeeting } from '../meeting/api.ts'
import { MeetingFields } from './MeetingFields.tsx'
import { MeetingLinks } from './MeetingLinks.tsx'
import { type SavedMeeting, saveMeeting, toSaved } from './savedMeetings.ts'

const today = () => new Date().toISOString().slice(0, 10)

/** Creating a Samling: name, group, date, format; then its links and join code. */
export function MeetingForm({ onCreated }: { onCreated: (list: SavedMeeting[]) => void }) {
  const { t } = useI18n()
  const errorId = useId()
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
  // Screen readers hear the result; keyboard users continue from it. Once it is rendered:
  // a frame callback could run before React had put the heading in the page.
  useEffect(() => {
    if (created) resultHeading.current?.focus()
  }, [created])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    try {
      const saved = toSaved(await createMeeting({ ...form, title: form.title.trim() }))
      onCreated(saveMeeting(saved))
      setCreated(saved)
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
    <form className="form" onSubmit={submit} aria-describedby={failed ? errorId : undefined}>
      <MeetingFields value={form} onChange={setForm} />
      <button type="submit" className="button" disabled={busy}>
        {t('start.meeting.create')}
      </button>
      {failed && (
        <p id={errorId} role="alert" className="error">
          {t('start.meeting.error')}
        </p>
      )}
    </form>
  )
}
