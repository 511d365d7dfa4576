import {
  BOARD_PATH_PREFIX,
  DOCS_PATH_PREFIX,
  type JoinInfo,
  PHONE_PATH_PREFIX,
} from '@samla/shared'
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { getJoinInfo } from '../meeting/api.ts'
import { feedbackLink } from '../process/links.ts'

/**
 * What the facilitator hands out: the join code for phones, and the full-canvas link for
 * remote participants (the phone link with the board's path: the same participant token).
 */
export function ShareSection({
  meetingId,
  token,
  youthFeedback = false,
}: {
  meetingId: string
  token: string
  /** A Demokratilabb meeting of a process: its answers page, for the young people. */
  youthFeedback?: boolean
}) {
  const { t } = useI18n()
  const [info, setInfo] = useState<JoinInfo | null>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    let cancelled = false
    getJoinInfo(meetingId, token).then(
      (found) => !cancelled && setInfo(found),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, token])
  if (!info) return null

  const participantLink = boardLinkOf(info.phoneLink)
  const copy = () =>
    navigator.clipboard.writeText(participantLink).then(
      () => setCopied(true),
      () => {},
    )

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-share">
      <h3 id="facilitation-share">{t('facilitation.share.heading')}</h3>
      <p className="facilitation-share__label">{t('facilitation.share.code')}</p>
      {info.joinCode ? (
        <>
          <p className="facilitation-code" data-testid="join-code">
            {info.joinCode}
          </p>
          <p className="facilitation-help">
            {t('facilitation.share.codeWhere', { url: info.joinUrl })}
          </p>
        </>
      ) : (
        <p className="facilitation-help">{t('facilitation.share.codeOff')}</p>
      )}
      <p className="facilitation-share__label">{t('facilitation.share.participant')}</p>
      <p className="facilitation-link">
        <a href={participantLink} target="_blank" rel="noreferrer">
          {participantLink}
        </a>
      </p>
      <button type="button" className="facilitation-button" onClick={copy}>
        {t('facilitation.share.copy')}
      </button>
      <p className="facilitation-help" role="status">
        {copied ? t('facilitation.share.copied') : ''}
      </p>
      {youthFeedback && (
        <>
          <p className="facilitation-share__label">{t('process.timeline.feedback')}</p>
          <p className="facilitation-link">
            <a
              href={feedbackLink(meetingId, tokenOf(info.phoneLink))}
              target="_blank"
              rel="noreferrer"
            >
              {new URL(
                feedbackLink(meetingId, tokenOf(info.phoneLink)),
                location.origin,
              ).toString()}
            </a>
          </p>
        </>
      )}
      <p>
        <a
          className="link"
          href={`${DOCS_PATH_PREFIX}${encodeURIComponent(meetingId)}#k=${encodeURIComponent(token)}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('facilitation.share.docs')}
        </a>
      </p>
    </section>
  )
}

const tokenOf = (link: string) => new URL(link, location.origin).hash.replace('#k=', '')

/** `/p/<board>#k=…` → `/b/<board>#k=…`: the same participant capability, on the full canvas. */
function boardLinkOf(phoneLink: string): string {
  const url = new URL(phoneLink, location.origin)
  if (url.pathname.startsWith(PHONE_PATH_PREFIX))
    url.pathname = BOARD_PATH_PREFIX + url.pathname.slice(PHONE_PATH_PREFIX.length)
  return url.toString()
}
