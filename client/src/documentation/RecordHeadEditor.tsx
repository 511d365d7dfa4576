import { correctedAttendance, type LiveAttendance, type RecordTexts } from '@samla/shared'
import { useId } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { AttendanceLine } from './RecordParts.tsx'

/**
 * The record's head as the facilitator writes it, in place: the introduction, who took part
 * (counted by Samla, correctable), and the "Spaning för dagen".
 */
export function RecordHeadEditor({
  draft,
  attendance,
  onChange,
}: {
  draft: RecordTexts
  attendance: LiveAttendance | null
  onChange: (next: RecordTexts) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const set = (changes: Partial<RecordTexts>) => onChange({ ...draft, ...changes })
  const spaning = (changes: Partial<RecordTexts['spaning']>) =>
    set({ spaning: { ...draft.spaning, ...changes } })
  const counted = attendance?.counted ?? { count: 0, organisations: [], sectors: [] }
  const shown = correctedAttendance(counted, draft)

  return (
    <div className="docs__editor">
      <p className="docs__meta">{t('docs.record.hint')}</p>
      <label className="docs__field" htmlFor={`${id}-intro`}>
        {t('docs.record.introduction')}
      </label>
      <textarea
        id={`${id}-intro`}
        className="docs__input docs__input--long"
        value={draft.introduction}
        maxLength={5000}
        onChange={(e) => set({ introduction: e.target.value })}
      />
      <div className="docs__attendance-box">
        <h2 className="docs__field-heading">{t('docs.record.attendance')}</h2>
        {shown.count > 0 ? (
          <AttendanceLine attendance={shown} />
        ) : (
          <p className="docs__meta">{t('docs.record.noAttendance')}</p>
        )}
        <details>
          <summary>{t('docs.record.correct')}</summary>
          <p className="docs__meta">{t('docs.record.counted', { n: counted.count })}</p>
          <label className="docs__field" htmlFor={`${id}-count`}>
            {t('docs.record.correctCount')}
          </label>
          <input
            id={`${id}-count`}
            className="docs__input docs__input--short"
            type="number"
            min={0}
            inputMode="numeric"
            value={draft.attendance.count ?? ''}
            onChange={(e) => {
              const value = e.target.value === '' ? null : Math.max(0, Math.floor(+e.target.value))
              set({
                attendance: { ...draft.attendance, count: Number.isFinite(value) ? value : null },
              })
            }}
          />
          <label className="docs__field" htmlFor={`${id}-orgs`}>
            {t('docs.record.correctOrganisations')}
          </label>
          <textarea
            id={`${id}-orgs`}
            className="docs__input"
            value={(draft.attendance.organisations ?? []).join('\n')}
            placeholder={counted.organisations.map((o) => o.name).join('\n')}
            onChange={(e) => {
              const names = e.target.value
                .split('\n')
                .map((line) => line.replace(/\s+/g, ' ').trim())
                .filter(Boolean)
                .slice(0, 50)
              set({
                attendance: { ...draft.attendance, organisations: names.length ? names : null },
              })
            }}
          />
        </details>
      </div>
      <fieldset className="docs__spaning-editor">
        <legend>{t('docs.record.spaning')}</legend>
        <label className="docs__field" htmlFor={`${id}-speaker`}>
          {t('docs.record.speaker')}
        </label>
        <input
          id={`${id}-speaker`}
          className="docs__input"
          value={draft.spaning.speaker}
          maxLength={300}
          onChange={(e) => spaning({ speaker: e.target.value })}
        />
        <label className="docs__field" htmlFor={`${id}-talk`}>
          {t('docs.record.talkTitle')}
        </label>
        <input
          id={`${id}-talk`}
          className="docs__input"
          value={draft.spaning.title}
          maxLength={300}
          onChange={(e) => spaning({ title: e.target.value })}
        />
        <label className="docs__field" htmlFor={`${id}-text`}>
          {t('docs.record.talkText')}
        </label>
        <textarea
          id={`${id}-text`}
          className="docs__input docs__input--long"
          value={draft.spaning.text}
          maxLength={10_000}
          onChange={(e) => spaning({ text: e.target.value })}
        />
      </fieldset>
    </div>
  )
}
