import type { CreateMeetingRequest } from '@samla/shared'
import { useId } from 'react'
import { useI18n } from '../i18n/index.tsx'

const GROUPS = ['kraftsamling', 'demokratilabb'] as const
const FORMATS = ['physical', 'digital', 'hybrid'] as const

/** A meeting's name, group, date and format: the fields of creating and of editing one. */
export function MeetingFields({
  value,
  onChange,
}: {
  value: CreateMeetingRequest
  onChange: (value: CreateMeetingRequest) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <>
      <label htmlFor={`${id}-title`}>{t('start.meeting.title')}</label>
      <input
        id={`${id}-title`}
        required
        maxLength={200}
        autoComplete="off"
        placeholder={t('start.meeting.titlePlaceholder')}
        value={value.title}
        onChange={(e) => onChange({ ...value, title: e.target.value })}
      />
      <fieldset className="start-meeting__choice" aria-describedby={`${id}-hint`}>
        <legend>{t('start.meeting.group')}</legend>
        {GROUPS.map((group) => (
          <label key={group}>
            <input
              type="radio"
              name={`${id}-group`}
              checked={value.group === group}
              onChange={() => onChange({ ...value, group })}
            />{' '}
            {t(`meeting.group.${group}`)}
          </label>
        ))}
        <p id={`${id}-hint`} className="small">
          {t('start.meeting.groupHint')}
        </p>
      </fieldset>
      <label htmlFor={`${id}-date`}>{t('start.meeting.date')}</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        value={value.date}
        onChange={(e) => onChange({ ...value, date: e.target.value })}
      />
      <fieldset className="start-meeting__choice">
        <legend>{t('start.meeting.format')}</legend>
        {FORMATS.map((format) => (
          <label key={format}>
            <input
              type="radio"
              name={`${id}-format`}
              checked={value.format === format}
              onChange={() => onChange({ ...value, format })}
            />{' '}
            {t(`meeting.format.${format}`)}
          </label>
        ))}
      </fieldset>
    </>
  )
}
