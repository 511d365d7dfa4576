import {
  confirmedCount,
  type Handslag,
  MAX_HANDSLAG_TITLE_CHARS,
  type TimelineEntry,
} from '@samla/shared'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { createHandslag, listHandslag } from './api.ts'
import { SignedBadge } from './Confirmed.tsx'
import { handslagLink } from './links.ts'
import './handslag.css'

/**
 * The process page's Handslag: each one with how many organisations have confirmed and
 * whether it is signed, and a new one in a step (its page takes it from there).
 */
export function HandslagSection({
  processId,
  token,
  timeline,
}: {
  processId: string
  token: string
  timeline: readonly TimelineEntry[]
}) {
  const { t } = useI18n()
  const id = useId()
  const [list, setList] = useState<Handslag[] | null>(null)
  const [title, setTitle] = useState('')
  const [meetingId, setMeetingId] = useState('')
  const [error, setError] = useState(false)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    listHandslag(processId, token).then(setList, () => setList([]))
  }, [processId, token])
  const titleOf = (meetingId: string | null) =>
    timeline.find((e) => e.meeting.id === meetingId)?.meeting.title

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const made = await createHandslag(processId, token, {
        title: title.trim(),
        meetingId: meetingId || null,
      })
      location.assign(handslagLink(processId, made.id, token))
    } catch {
      setError(true)
      setBusy(false)
    }
  }

  return (
    <>
      <p>{t('handslag.section.intro')}</p>
      {list && list.length === 0 && <p>{t('handslag.section.empty')}</p>}
      {list && list.length > 0 && (
        <ul className="handslag-overview">
          {list.map((h) => (
            <li key={h.id} data-testid="handslag-entry">
              <a className="link" href={handslagLink(processId, h.id, token)}>
                {h.title}
              </a>{' '}
              <SignedBadge signed={h.signedAt !== null} />
              <p className="small">
                {h.organisations.length === 0
                  ? t('handslag.section.noOrganisations')
                  : t('handslag.section.progress', {
                      confirmed: confirmedCount(h),
                      count: h.organisations.length,
                    })}
                {titleOf(h.meetingId) &&
                  ` · ${t('handslag.page.madeAt', { meeting: titleOf(h.meetingId) ?? '' })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{t('handslag.create.heading')}</h3>
        <label htmlFor={`${id}-title`}>{t('handslag.create.title')}</label>
        <input
          id={`${id}-title`}
          required
          maxLength={MAX_HANDSLAG_TITLE_CHARS}
          placeholder={t('handslag.create.placeholder')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={`${id}-meeting`}>{t('handslag.create.meeting')}</label>
        <select
          id={`${id}-meeting`}
          value={meetingId}
          onChange={(e) => setMeetingId(e.target.value)}
        >
          <option value="">{t('handslag.create.noMeeting')}</option>
          {timeline.map((e) => (
            <option key={e.meeting.id} value={e.meeting.id}>
              {e.meeting.title}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={busy}>
          {t('handslag.create.submit')}
        </button>
        <p role="status" className={error ? 'error' : 'small'}>
          {error ? t('handslag.create.error') : ''}
        </p>
      </form>
    </>
  )
}
