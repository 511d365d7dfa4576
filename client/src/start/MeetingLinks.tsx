import { DOCS_PATH_PREFIX, JOIN_PATH } from '@samla/shared'
import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import type { MessageKey } from '../i18n/sv.ts'
import type { SavedMeeting } from './savedMeetings.ts'

const ROLES: Array<{ role: keyof SavedMeeting['links']; label: MessageKey }> = [
  { role: 'facilitator', label: 'start.meeting.facilitatorLink' },
  { role: 'participant', label: 'start.meeting.participantLink' },
  { role: 'projector', label: 'start.meeting.projectorLink' },
]

/** The three links of a meeting with copy buttons, the join code, and the ways in. */
export function MeetingLinks({ meeting }: { meeting: SavedMeeting }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState<string | null>(null)
  const token = new URL(meeting.links.facilitator).hash.slice(1)
  return (
    <div className="start-meeting__links">
      <dl>
        {ROLES.map(({ role, label }) => (
          <div key={role} className="start-meeting__link">
            <dt>{t(label)}</dt>
            <dd>
              <code>{meeting.links[role]}</code>{' '}
              <button
                type="button"
                className="button button--secondary"
                aria-label={`${t('start.meeting.copy')}: ${t(label)}`}
                onClick={() =>
                  navigator.clipboard.writeText(meeting.links[role]).then(() => setCopied(role))
                }
              >
                {t('start.meeting.copy')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" className="small">
        {copied ? t('start.meeting.copied') : ''}
      </p>
      {meeting.joinCode && (
        <p className="start-meeting__code">
          {t('start.meeting.joinCode', {
            code: meeting.joinCode,
            url: `${location.origin}${JOIN_PATH}`,
          })}
        </p>
      )}
      <p className="actions">
        <a className="button" href={meeting.links.facilitator}>
          {t('start.meeting.open')}
        </a>
        <a className="link" href={`${DOCS_PATH_PREFIX}${meeting.id}#${token}`}>
          {t('start.meeting.docs')}
        </a>
      </p>
    </div>
  )
}
