import type { UpdateMeetingRequest } from '@samla/shared'
import { type FormEvent, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { rotateLink, setJoinCode, updateMeeting } from '../meeting/api.ts'
import { MeetingFields } from './MeetingFields.tsx'
import { type SavedMeeting, saveMeeting } from './savedMeetings.ts'

/** Editing a saved meeting: its details, the phone code on or off, new links for a role. */
export function MeetingSettings({
  meeting,
  onChange,
}: {
  meeting: SavedMeeting
  onChange: (list: SavedMeeting[]) => void
}) {
  const { t } = useI18n()
  const token = new URL(meeting.links.facilitator).hash.replace('#k=', '')
  const [form, setForm] = useState<Required<UpdateMeetingRequest>>({
    title: meeting.title,
    group: meeting.group,
    date: meeting.date,
    format: meeting.format,
  })
  const [status, setStatus] = useState('')

  const attempt = async (action: () => Promise<SavedMeeting>, done: string) => {
    try {
      onChange(saveMeeting(await action()))
      setStatus(done)
    } catch {
      setStatus(t('start.edit.failed'))
    }
  }
  const save = (event: FormEvent) => {
    event.preventDefault()
    void attempt(async () => {
      const updated = await updateMeeting(meeting.id, token, { ...form, title: form.title.trim() })
      return {
        ...meeting,
        title: updated.title,
        group: updated.group,
        date: updated.date,
        format: updated.format,
      }
    }, t('start.edit.saved'))
  }
  const toggleCode = () =>
    attempt(async () => {
      const updated = await setJoinCode(meeting.id, token, meeting.joinCode === null)
      return { ...meeting, joinCode: updated.joinCode }
    }, t('start.edit.saved'))
  // The facilitator's own link too (say it was shared by mistake): the new one is saved here
  // at once, so this browser keeps the meeting while every other copy of the old one stops.
  const rotate = (role: 'facilitator' | 'participant' | 'projector') => {
    const own = role === 'facilitator'
    if (!window.confirm(t(own ? 'start.rotate.own.confirm' : 'start.rotate.confirm'))) return
    void attempt(
      async () => ({
        ...meeting,
        links: { ...meeting.links, [role]: await rotateLink(meeting.id, token, role) },
      }),
      t(own ? 'start.rotate.own.done' : 'start.rotate.done'),
    )
  }

  return (
    <div className="start-meeting__settings">
      <h3>{t('start.edit.heading')}</h3>
      <form className="form" onSubmit={save}>
        <MeetingFields value={form} onChange={setForm} />
        <button type="submit" className="button">
          {t('start.edit.save')}
        </button>
      </form>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={toggleCode}>
          {meeting.joinCode ? t('start.code.off') : t('start.code.on')}
        </button>
        {(['participant', 'projector'] as const).map((role) => (
          <button
            key={role}
            type="button"
            className="button button--secondary"
            onClick={() => rotate(role)}
          >
            {t('start.rotate', { role: t(`start.role.${role}`) })}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => rotate('facilitator')}
        >
          {t('start.rotate.own')}
        </button>
      </p>
      <p role="status" className="small">
        {status}
      </p>
    </div>
  )
}
