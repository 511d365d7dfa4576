import { useI18n } from '../i18n/index.tsx'
import { deleteMeeting } from '../meeting/api.ts'
import { EndedBadge, ReopenButton, useEndedMeetings } from './EndedMeetings.tsx'
import { MeetingLinks } from './MeetingLinks.tsx'
import { MeetingSettings } from './MeetingSettings.tsx'
import { forgetMeeting, type SavedMeeting } from './savedMeetings.ts'

/** "Mina samlingar": the meetings created in this browser, with their links. */
export function MyMeetings({
  meetings,
  onChange,
}: {
  meetings: SavedMeeting[]
  onChange: (list: SavedMeeting[]) => void
}) {
  const { t, language } = useI18n()
  const { ended, mark } = useEndedMeetings(meetings)
  if (meetings.length === 0) return null
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(`${iso}T12:00:00`),
    )
  const remove = async (meeting: SavedMeeting) => {
    if (!window.confirm(t('start.meeting.confirmDelete', { title: meeting.title }))) return
    const token = new URL(meeting.links.facilitator).hash.replace('#k=', '')
    // Already gone on the server (401) is fine: it leaves the list either way.
    await deleteMeeting(meeting.id, token).catch(() => {})
    onChange(forgetMeeting(meeting.id))
  }
  return (
    <section className="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('start.meeting.mine')}</h2>
      <p className="small">{t('start.meeting.mineHint')}</p>
      <ul className="start-meeting__list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <details>
              <summary>
                <strong>{meeting.title}</strong> · {date(meeting.date)} ·{' '}
                {t(`meeting.group.${meeting.group}`)} · {t(`meeting.format.${meeting.format}`)}
                {ended.has(meeting.id) && <EndedBadge />}
              </summary>
              <MeetingLinks meeting={meeting} />
              <MeetingSettings meeting={meeting} onChange={onChange} />
              <p className="actions">
                {ended.has(meeting.id) && (
                  <ReopenButton meeting={meeting} onReopened={() => mark(meeting.id, false)} />
                )}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onChange(forgetMeeting(meeting.id))}
                >
                  {t('start.meeting.forget')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => remove(meeting)}
                >
                  {t('start.meeting.delete')}
                </button>
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}
