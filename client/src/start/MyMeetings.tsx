import { useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { DeleteMeetingDialog, WarningIcon } from './DeleteMeetingDialog.tsx'
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
  const [deleting, setDeleting] = useState<SavedMeeting | null>(null)
  if (meetings.length === 0) return null
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(`${iso}T12:00:00`),
    )
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
              <MeetingActions
                meeting={meeting}
                ended={ended.has(meeting.id)}
                onReopened={() => mark(meeting.id, false)}
                onForget={() => onChange(forgetMeeting(meeting.id))}
                onDelete={() => setDeleting(meeting)}
              />
            </details>
          </li>
        ))}
      </ul>
      {deleting && (
        <DeleteMeetingDialog
          meeting={deleting}
          onDeleted={() => {
            setDeleting(null)
            onChange(forgetMeeting(deleting.id))
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  )
}

/**
 * What can be done to a meeting as a whole. Forgetting it here is quiet and says the meeting
 * stays; erasing it on the server is red and asks first (DeleteMeetingDialog).
 */
function MeetingActions({
  meeting,
  ended,
  onReopened,
  onForget,
  onDelete,
}: {
  meeting: SavedMeeting
  ended: boolean
  onReopened: () => void
  onForget: () => void
  onDelete: () => void
}) {
  const { t } = useI18n()
  const hintId = useId()
  return (
    <div className="start-meeting__actions">
      {ended && <ReopenButton meeting={meeting} onReopened={onReopened} />}
      <span>
        <button
          type="button"
          className="start-meeting__forget"
          aria-describedby={hintId}
          onClick={onForget}
        >
          {t('start.meeting.forget')}
        </button>
        <span id={hintId} className="small start-meeting__forget-hint">
          {t('start.meeting.forgetHint')}
        </span>
      </span>
      <button type="button" className="button start-meeting__delete" onClick={onDelete}>
        <WarningIcon />
        {t('start.meeting.delete')}
      </button>
    </div>
  )
}
