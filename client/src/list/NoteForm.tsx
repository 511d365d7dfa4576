import { type FormEvent, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { NOTE_COLOURS } from '../phone/phoneNote.ts'

/**
 * A button that opens a small form for a note's text (and colour, for a new note), in place.
 * Focus goes into the text when it opens and back to the button when it closes, so that a
 * keyboard user is never left on nothing.
 */
export function NoteForm({
  openLabel,
  openDescription,
  submitLabel,
  initial = '',
  withColour = false,
  onSubmit,
}: {
  openLabel: string
  /** Said after the button's label to a screen reader: which note it edits. */
  openDescription?: string
  submitLabel: string
  initial?: string
  withColour?: boolean
  onSubmit: (text: string, color: string) => void
}) {
  const { t } = useI18n()
  const ids = { text: useId(), colour: useId() }
  const [open, setOpen] = useState(false)
  const [text, setText] = useState(initial)
  const [color, setColor] = useState<string>('yellow')
  const button = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    // After the form has gone: the button is back in its place.
    requestAnimationFrame(() => button.current?.focus())
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    onSubmit(text.trim(), color)
    setText(withColour ? '' : text.trim())
    close()
  }
  if (!open)
    return (
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        onClick={() => {
          setText(initial)
          setOpen(true)
        }}
      >
        {openLabel}
        {openDescription && <span className="visually-hidden"> ({openDescription})</span>}
      </button>
    )
  return (
    <form className="board-list__form" onSubmit={submit}>
      <label htmlFor={ids.text}>{t('list.text')}</label>
      <textarea
        id={ids.text}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request, its text is what comes next
        autoFocus
        required
        rows={3}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close()
        }}
      />
      {withColour && (
        <>
          <label htmlFor={ids.colour}>{t('phone.note.color')}</label>
          <select id={ids.colour} value={color} onChange={(e) => setColor(e.target.value)}>
            {NOTE_COLOURS.map((c) => (
              <option key={c} value={c}>
                {t(`phone.color.${c}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <span className="board-list__actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          {t('list.cancel')}
        </button>
      </span>
    </form>
  )
}
