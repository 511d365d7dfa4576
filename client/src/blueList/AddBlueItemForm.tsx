import {
  blueListLabel,
  type Idea,
  ideaLabel,
  MAX_NEED_CHARS,
  MAX_RAISED_TO_CHARS,
  type TimelineEntry,
} from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { addToBlueList } from './api.ts'

/** A need in the process link's words, from one of the process's ideas or meetings, or neither. */
export function AddBlueItemForm({
  processId,
  token,
  ideas,
  timeline,
  onAdded,
}: {
  processId: string
  token: string
  ideas: Idea[]
  timeline: TimelineEntry[]
  onAdded: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [need, setNeed] = useState('')
  const [raisedTo, setRaisedTo] = useState('')
  const [source, setSource] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const [kind, sourceId] = source.split(':')
    try {
      const item = await addToBlueList(processId, token, {
        need: need.trim(),
        raisedTo: raisedTo.trim(),
        ...(kind === 'idea' ? { ideaId: sourceId } : {}),
        ...(kind === 'meeting' ? { meetingId: sourceId } : {}),
      })
      setStatus({ ok: true, text: t('blue.add.done', { label: blueListLabel(item.number) }) })
      setNeed('')
      setRaisedTo('')
      setSource('')
      onAdded()
    } catch {
      setStatus({ ok: false, text: t('blue.add.error') })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form blue-add" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('blue.add.heading')}</h3>
      <label htmlFor={`${id}-need`}>{t('blue.need')}</label>
      <textarea
        id={`${id}-need`}
        required
        rows={3}
        maxLength={MAX_NEED_CHARS}
        value={need}
        onChange={(e) => setNeed(e.target.value)}
      />
      <label htmlFor={`${id}-source`}>{t('blue.source')}</label>
      <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="">{t('blue.source.none')}</option>
        {ideas.length > 0 && (
          <optgroup label={t('blue.source.ideas')}>
            {[...ideas]
              .sort((a, b) => a.number - b.number)
              .map((idea) => (
                <option key={idea.id} value={`idea:${idea.id}`}>
                  {ideaLabel(idea.number)} {idea.title}
                </option>
              ))}
          </optgroup>
        )}
        {timeline.length > 0 && (
          <optgroup label={t('blue.source.meetings')}>
            {timeline.map(({ meeting }) => (
              <option key={meeting.id} value={`meeting:${meeting.id}`}>
                {meeting.title} ({meeting.date})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <label htmlFor={`${id}-raised`}>{t('blue.raisedTo')}</label>
      <input
        id={`${id}-raised`}
        maxLength={MAX_RAISED_TO_CHARS}
        value={raisedTo}
        onChange={(e) => setRaisedTo(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || !need.trim()}>
        {t('blue.add.submit')}
      </button>
      <p role="status" className={status && !status.ok ? 'error' : 'small'}>
        {status?.text ?? ''}
      </p>
    </form>
  )
}
