import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import type { OwnPhoneNote } from './phoneNote.ts'

/** The notes this phone wrote in the current phase: changed or taken back while it is open. */
export function OwnNotes({
  notes,
  editable,
  onEdit,
  onRemove,
}: {
  notes: OwnPhoneNote[]
  editable: boolean
  onEdit: ((id: string, text: string) => void) | null
  onRemove: ((id: string) => void) | null
}) {
  const { t } = useI18n()
  const heading = useId()
  return (
    <section className="card phone__mine" aria-labelledby={heading}>
      <h2 id={heading}>{t('phone.mine.heading')}</h2>
      <ul className="phone__mine-list">
        {notes.map((note) => (
          <OwnNote
            key={note.id}
            note={note}
            editable={editable && !!onEdit && !!onRemove}
            onEdit={(text) => onEdit?.(note.id, text)}
            onRemove={() => onRemove?.(note.id)}
          />
        ))}
      </ul>
    </section>
  )
}

function OwnNote({
  note,
  editable,
  onEdit,
  onRemove,
}: {
  note: OwnPhoneNote
  editable: boolean
  onEdit: (text: string) => void
  onRemove: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(note.text)
  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    onEdit(text.trim())
    setEditing(false)
  }
  if (editing)
    return (
      <li>
        <form className="form phone__edit" onSubmit={save}>
          <label htmlFor={id}>{t('phone.mine.text')}</label>
          <textarea
            id={id}
            className="phone__text"
            rows={3}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="phone__mine-actions">
            <button type="submit" className="button">
              {t('phone.mine.save')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing(false)}
            >
              {t('phone.mine.cancel')}
            </button>
          </span>
        </form>
      </li>
    )
  return (
    <li>
      <p className="phone__mine-text">{note.text}</p>
      {editable && (
        <span className="phone__mine-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setText(note.text)
              setEditing(true)
            }}
          >
            {t('phone.mine.edit')}
            <span className="visually-hidden"> ({note.text})</span>
          </button>
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t('phone.mine.delete')}
            <span className="visually-hidden"> ({note.text})</span>
          </button>
        </span>
      )}
    </li>
  )
}
