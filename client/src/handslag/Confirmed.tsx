import type { Confirmation } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { dateTime } from './format.ts'

/** "Bekräftat av Anna Berg, förvaltningschef, Region Blekinge · 20 mars 2027 14:05", or not yet. */
export function Confirmed({ confirmation }: { confirmation: Confirmation | null }) {
  const { t, language } = useI18n()
  if (!confirmation)
    return <p className="handslag-state handslag-state--open">{t('handslag.org.notConfirmed')}</p>
  return (
    <p className="handslag-state handslag-state--done" data-testid="confirmed-by">
      {t('handslag.org.confirmedBy', {
        name: confirmation.name,
        role: confirmation.role,
        organisation: confirmation.organisation,
        time: dateTime(confirmation.at, language),
      })}
    </p>
  )
}

/** Undertecknat / Ej undertecknat, as a badge. */
export function SignedBadge({ signed }: { signed: boolean }) {
  const { t } = useI18n()
  return (
    <span className={`handslag-badge${signed ? ' handslag-badge--signed' : ''}`}>
      {t(signed ? 'handslag.state.signed' : 'handslag.state.unsigned')}
    </span>
  )
}
