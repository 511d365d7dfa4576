import { ideaLabel, type RecordBlueListItem } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'

/** Where a need came from: an idea, a note or a meeting ("från en raderad samling" once erased). */
export function SourceLine({ source }: { source: RecordBlueListItem['source'] }) {
  const { t } = useI18n()
  switch (source.kind) {
    case 'idea':
      return (
        <>
          {t('blue.source.idea', { label: ideaLabel(source.ideaNumber), title: source.ideaTitle })}
        </>
      )
    case 'note':
    case 'meeting':
      if (source.meetingTitle === null) return <>{t('blue.source.erased')}</>
      return (
        <>
          {t(source.kind === 'note' ? 'blue.source.note' : 'blue.source.meeting', {
            meeting: source.meetingTitle,
          })}
        </>
      )
    default:
      return <>{t('blue.source.none')}</>
  }
}

/** The need, or what is left of it once it went with its meeting. */
export function NeedText({ need }: { need: string }) {
  const { t } = useI18n()
  return need ? (
    <p className="blue-item__need">{need}</p>
  ) : (
    <p className="blue-item__need blue-item__need--erased">{t('blue.need.erased')}</p>
  )
}

/** "lyft · 3 mars 2027": the status an event moved to, and when. */
export function LastChange({
  event,
  date,
}: {
  event: RecordBlueListItem['history'][number] | undefined
  date: (iso: string) => string
}) {
  const { t } = useI18n()
  if (!event) return null
  return (
    <>
      {t(`blue.status.${event.status}`)} · {date(event.at)}
      {event.comment && <span className="blue-item__comment">{event.comment}</span>}
    </>
  )
}
