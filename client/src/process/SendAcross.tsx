import type { Controls, MeetingGroup, Partners } from '@samla/shared'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import type { ControlActions } from '../meeting/controls.ts'
import { getPartners, sendNotes } from './api.ts'

/**
 * "Skicka till Kraftsamlingen" / "Skicka till Demokratilabbet": the selected notes (or the
 * notes in selected frames) go to a meeting of the other group, which the server chooses by
 * default (the running one, else the next). Also the switch that lets participants answer.
 */
export function SendAcross({
  editor,
  meetingId,
  group,
  token,
  controls,
  actions,
}: {
  editor: Editor
  meetingId: string
  group: MeetingGroup
  token: string
  controls: Controls
  actions: ControlActions
}) {
  const { t } = useI18n()
  const id = useId()
  const [partners, setPartners] = useState<Partners | null>(null)
  const [to, setTo] = useState('')
  const [message, setMessage] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const selected = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const other: MeetingGroup = group === 'kraftsamling' ? 'demokratilabb' : 'kraftsamling'

  useEffect(() => {
    let cancelled = false
    getPartners(meetingId, token).then(
      (found) => {
        if (cancelled) return
        setPartners(found)
        setTo((current) => current || found.suggested || '')
      },
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, token])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const result = await sendNotes(meetingId, token, {
        to,
        shapeIds: selected,
        ...(message.trim() ? { message: message.trim() } : {}),
      })
      const title = partners?.meetings.find((m) => m.id === to)?.title ?? ''
      const parts = [t('process.send.done', { count: result.sent, title })]
      if (result.alreadySent) parts.push(t('process.send.already', { count: result.alreadySent }))
      if (result.waiting) parts.push(t('process.send.waiting'))
      setStatus({ ok: true, text: parts.join(' ') })
      setMessage('')
    } catch (err) {
      const empty = err instanceof ApiError && err.code === 'empty_selection'
      setStatus({
        ok: false,
        text: empty ? t('process.send.empty') : t('process.send.error', { reason: '' }).trim(),
      })
    } finally {
      setBusy(false)
    }
  }

  const headingId = `${id}-heading`
  return (
    <section className="facilitation-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`process.send.heading.${other}`)}</h3>
      {partners && partners.meetings.length === 0 ? (
        <p className="facilitation-help">{t('process.send.noPartners')}</p>
      ) : (
        <form onSubmit={submit} className="facilitation-form">
          <p className="facilitation-help">
            {selected.length > 0
              ? t('process.send.selected', { count: selected.length })
              : t('process.send.selectHint')}
          </p>
          <label htmlFor={`${id}-to`}>{t('process.send.to')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {partners?.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} · {m.date}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-message`}>{t('process.send.message')}</label>
          <textarea
            id={`${id}-message`}
            rows={2}
            maxLength={500}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <button
            type="submit"
            className="facilitation-button facilitation-button--primary facilitation-wide"
            disabled={busy || selected.length === 0 || !to}
          >
            {t('process.send.submit')}
          </button>
          <p
            className={status && !status.ok ? 'facilitation-help error' : 'facilitation-help'}
            role="status"
          >
            {status?.text ?? ''}
          </p>
        </form>
      )}
      <p className="facilitation-choice">
        <input
          id={`${id}-answers`}
          type="checkbox"
          checked={controls.answersOpen}
          onChange={(e) => actions.setAnswersOpen(e.target.checked)}
        />
        <label htmlFor={`${id}-answers`}>{t('process.answersOpen')}</label>
      </p>
    </section>
  )
}
