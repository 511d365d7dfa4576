import { MAX_ANSWER_CHARS } from '@samla/shared'
import { createContext, type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { answerCrossing } from './api.ts'

/** Writing the answer to a received note; the server decides whether this link may. */
export function AnswerDialog({
  meetingId,
  token,
  crossingId,
  noteText,
  initial,
  onClose,
}: {
  meetingId: string
  token: string
  crossingId: string
  noteText: string
  initial: string
  onClose: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState(initial)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    try {
      await answerCrossing(meetingId, token, crossingId, text.trim())
      onClose()
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="answer-dialog"
      aria-labelledby={`${id}-heading`}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit}>
        <h2 id={`${id}-heading`}>{t('process.answer.heading')}</h2>
        <blockquote className="process-crossing__text">{noteText}</blockquote>
        <label htmlFor={`${id}-text`}>{t('process.answer.label')}</label>
        <textarea
          id={`${id}-text`}
          required
          rows={5}
          maxLength={MAX_ANSWER_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {failed && (
          <p role="alert" className="error">
            {t('process.answer.error')}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            {t('process.answer.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('process.answer.cancel')}
          </button>
        </p>
      </form>
    </dialog>
  )
}

export interface AnswerRequest {
  crossingId: string
  noteText: string
  initial: string
}

/**
 * Opens the answer dialog. The dialog is drawn by the board page beside tldraw, not inside
 * its canvas: events inside tldraw's React tree reach its canvas handlers, which would take a
 * click on the dialog for one on the shape under it.
 */
export const AnswerContext = createContext<((request: AnswerRequest) => void) | null>(null)
