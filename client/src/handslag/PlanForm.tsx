import {
  type Handslag,
  ideaLabel,
  MAX_HANDSLAG_TITLE_CHARS,
  MAX_INITIATIVE_CHARS,
  MAX_INITIATIVES,
  type TimelineEntry,
} from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import type { IdeaWithCriteria } from '../ideas/api.ts'
import { updateHandslag } from './api.ts'

interface Row {
  /** A key of its own, so that removing one row leaves the others' fields as they are. */
  key: number
  ideaId: string | null
  text: string
}

let lastKey = 0
const row = (ideaId: string | null, text: string): Row => ({ key: ++lastKey, ideaId, text })

/**
 * The work plan: the Handslag's name, the meeting it was made at, and its initiatives, each
 * one of the process's ideas or free text. Saved as a whole; it keeps the confirmations.
 */
export function PlanForm({
  processId,
  token,
  handslag,
  ideas,
  timeline,
  onSaved,
  onError,
}: {
  processId: string
  token: string
  handslag: Handslag
  ideas: readonly IdeaWithCriteria[]
  timeline: readonly TimelineEntry[]
  onSaved: (handslag: Handslag) => void
  onError: (error: unknown) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [title, setTitle] = useState(handslag.title)
  const [meetingId, setMeetingId] = useState(handslag.meetingId ?? '')
  const [rows, setRows] = useState<Row[]>(handslag.initiatives.map((i) => row(i.ideaId, i.text)))
  const [saved, setSaved] = useState(false)
  const set = (index: number, changes: Partial<Omit<Row, 'key'>>) => {
    setSaved(false)
    setRows(rows.map((r, i) => (i === index ? { ...r, ...changes } : r)))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const next = await updateHandslag(processId, token, handslag.id, {
        title: title.trim(),
        meetingId: meetingId || null,
        initiatives: rows
          .filter((r) => r.text.trim())
          .map((r) => ({ ideaId: r.ideaId, text: r.text.trim() })),
      })
      setSaved(true)
      onSaved(next)
    } catch (err) {
      onError(err)
    }
  }

  return (
    <form className="form handslag-form" onSubmit={submit}>
      <label htmlFor={`${id}-title`}>{t('handslag.plan.title')}</label>
      <input
        id={`${id}-title`}
        required
        maxLength={MAX_HANDSLAG_TITLE_CHARS}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-meeting`}>{t('handslag.create.meeting')}</label>
      <select id={`${id}-meeting`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
        <option value="">{t('handslag.create.noMeeting')}</option>
        {timeline.map((e) => (
          <option key={e.meeting.id} value={e.meeting.id}>
            {e.meeting.title}
          </option>
        ))}
      </select>
      <fieldset className="handslag-rows">
        <legend>{t('handslag.plan.initiatives')}</legend>
        {rows.length === 0 && <p>{t('handslag.plan.none')}</p>}
        {rows.map((r, index) => {
          const n = index + 1
          return (
            <div key={r.key} className="handslag-row">
              {ideas.length > 0 && (
                <>
                  <label htmlFor={`${id}-idea-${index}`}>
                    {t('handslag.plan.initiative', { n })}: {t('handslag.plan.idea')}
                  </label>
                  <select
                    id={`${id}-idea-${index}`}
                    value={r.ideaId ?? ''}
                    onChange={(e) => {
                      const idea = ideas.find((i) => i.id === e.target.value)
                      set(index, {
                        ideaId: idea?.id ?? null,
                        text: idea && !r.text.trim() ? idea.title : r.text,
                      })
                    }}
                  >
                    <option value="">{t('handslag.plan.noIdea')}</option>
                    {ideas.map((idea) => (
                      <option key={idea.id} value={idea.id}>
                        {ideaLabel(idea.number)} {idea.title}
                      </option>
                    ))}
                  </select>
                </>
              )}
              <label htmlFor={`${id}-text-${index}`}>
                {t('handslag.plan.initiative', { n })}: {t('handslag.plan.text')}
              </label>
              <textarea
                id={`${id}-text-${index}`}
                rows={2}
                maxLength={MAX_INITIATIVE_CHARS}
                value={r.text}
                onChange={(e) => set(index, { text: e.target.value })}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t('handslag.plan.remove', { n })}
              </button>
            </div>
          )
        })}
        {rows.length < MAX_INITIATIVES && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRows([...rows, row(null, '')])}
          >
            {t('handslag.plan.add')}
          </button>
        )}
      </fieldset>
      <p className="small">{t('handslag.plan.note')}</p>
      <button type="submit" className="button">
        {t('handslag.plan.save')}
      </button>
      <p role="status" className="small">
        {saved ? t('handslag.plan.saved') : ''}
      </p>
    </form>
  )
}
