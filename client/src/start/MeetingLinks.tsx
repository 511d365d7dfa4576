import { BOARD_PATH_PREFIX, DOCS_PATH_PREFIX, JOIN_PATH, PHONE_PATH_PREFIX } from '@samla/shared'
import { type ReactNode, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import type { MessageKey } from '../i18n/sv.ts'
import { QrCode } from '../QrCode.tsx'
import type { SavedMeeting } from './savedMeetings.ts'

type Role = keyof SavedMeeting['links']

/**
 * The links of a meeting, one block per audience, as share dialogs do it (Miro's, Mural's):
 * who it is for and what it does first, then the link and its copy button, then what only
 * that audience needs (the QR code and phone code; the projector view). The facilitator's own
 * link comes last and looks like a key, not like something to hand out.
 */
export function MeetingLinks({ meeting }: { meeting: SavedMeeting }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState<Role | null>(null)
  const token = new URL(meeting.links.facilitator).hash.slice(1)
  const copy = (role: Role) =>
    navigator.clipboard.writeText(meeting.links[role]).then(
      () => setCopied(role),
      () => {},
    )
  return (
    <div className="start-meeting__links">
      <LinkBlock
        audience="participant"
        link={meeting.links.participant}
        onCopy={copy}
        aside={
          <QrCode
            className="start-link__qr"
            value={phoneLinkOf(meeting.links.participant)}
            alt={t('start.links.qrAlt')}
            size={168}
          />
        }
      >
        {meeting.joinCode && (
          <p className="start-meeting__code">
            {t('start.meeting.joinCode', {
              code: meeting.joinCode,
              url: `${location.origin}${JOIN_PATH}`,
            })}
          </p>
        )}
      </LinkBlock>
      <LinkBlock
        audience="projector"
        link={meeting.links.projector}
        onCopy={copy}
        action={
          <a
            className="button start-link__open"
            href={meeting.links.projector}
            target="_blank"
            rel="noopener"
          >
            {t('start.links.openProjector')}
            <span className="visually-hidden"> {t('start.links.newTab')}</span>
          </a>
        }
      />
      <LinkBlock audience="facilitator" link={meeting.links.facilitator} onCopy={copy} />
      <p role="status" className="small">
        {copied ? t('start.meeting.copied') : ''}
      </p>
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

const TEXTS: Record<Role, { heading: MessageKey; what: MessageKey }> = {
  participant: { heading: 'start.links.participant', what: 'start.links.participant.what' },
  projector: { heading: 'start.links.projector', what: 'start.links.projector.what' },
  facilitator: { heading: 'start.links.facilitator', what: 'start.links.facilitator.what' },
}

function LinkBlock({
  audience: role,
  link,
  onCopy,
  action,
  aside,
  children,
}: {
  audience: Role
  link: string
  onCopy: (role: Role) => void
  /** Beside the copy button. */
  action?: ReactNode
  /** Beside the whole block (below it on a phone). */
  aside?: ReactNode
  children?: ReactNode
}) {
  const { t } = useI18n()
  const id = useId()
  const heading = t(TEXTS[role].heading)
  // A group, not a region: a list of meetings would otherwise fill the page with landmarks;
  // nor a fieldset, which is a form's.
  return (
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      role="group"
      aria-labelledby={`${id}-heading`}
      className={`start-meeting__link start-link start-link--${role}`}
      data-role={role}
    >
      <div className="start-link__body">
        <h3 id={`${id}-heading`} className="start-link__heading">
          <RoleIcon role={role} />
          {heading}
        </h3>
        <p className="start-link__what">{t(TEXTS[role].what)}</p>
        <p className="start-link__row">
          <code>{link}</code>
          <button
            type="button"
            className="button button--secondary"
            aria-label={`${t('start.meeting.copy')}: ${heading}`}
            onClick={() => onCopy(role)}
          >
            {t('start.meeting.copy')}
          </button>
          {action}
        </p>
        {children}
      </div>
      {aside}
    </div>
  )
}

/** People, a screen, a padlock: drawn inline, so nothing is fetched for them. */
function RoleIcon({ role }: { role: Role }) {
  const paths: Record<Role, string> = {
    participant:
      'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10v-1a6 6 0 0 1 12 0v1M16 3.1a4 4 0 0 1 0 7.8M22 21v-1a6 6 0 0 0-4-5.7',
    projector: 'M3 4h18v12H3zM12 16v4M8 20h8',
    facilitator: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  }
  return (
    <svg
      className="start-link__icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[role]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** `/b/<board>#k=…` → `/p/<board>#k=…`: the participant's capability, on the phone page. */
function phoneLinkOf(boardLink: string): string {
  const url = new URL(boardLink)
  if (url.pathname.startsWith(BOARD_PATH_PREFIX))
    url.pathname = PHONE_PATH_PREFIX + url.pathname.slice(BOARD_PATH_PREFIX.length)
  return url.toString()
}
