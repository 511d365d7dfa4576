import type { Idea } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'

/** Where an idea was born: group, meeting and phase; "från en raderad samling" once erased. */
export function OriginLine({ origin }: { origin: Idea['origin'] }) {
  const { t } = useI18n()
  if (!origin.meetingId) return <>{t('idea.origin.deleted')}</>
  return (
    <>
      {t('idea.origin.line', {
        group: t(`meeting.group.${origin.group}`),
        meeting: origin.meetingTitle ?? '',
        phase: origin.phase ?? '',
      })}
    </>
  )
}
