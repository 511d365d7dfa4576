import { MAX_IDEA_FIELD_CHARS } from '@samla/shared'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/index.tsx'
import { useYText } from './useYText.ts'

/** One field of the idébeskrivning, written together: a textarea bound to its Y.Text. */
export function CollaborativeField({
  id,
  doc,
  field,
  label,
  othersHere,
  readOnly,
  onFocus,
}: {
  id: string
  doc: Y.Doc | null
  field: string
  label: string
  /** How many others are writing in this field now. */
  othersHere: number
  readOnly: boolean
  onFocus: (field: string | null) => void
}) {
  const { t } = useI18n()
  const { ref, onInput } = useYText(doc, field)
  return (
    <div className="idea-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={3}
        maxLength={MAX_IDEA_FIELD_CHARS}
        readOnly={readOnly}
        aria-describedby={othersHere > 0 ? `${id}-others` : undefined}
        onInput={onInput}
        onFocus={() => onFocus(field)}
        onBlur={() => onFocus(null)}
      />
      {othersHere > 0 && (
        <p id={`${id}-others`} className="idea-field__others">
          {t('idea.live.othersHere', { count: othersHere })}
        </p>
      )}
    </div>
  )
}
