import type { RecordHandslag } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { Confirmed, SignedBadge } from './Confirmed.tsx'
import { dateTime } from './format.ts'
import { Commitments, Initiatives } from './WorkPlan.tsx'
import './handslag.css'

/**
 * The Handslag in the process record page (and its print): each with its state, the work
 * plan, and every organisation's commitments and confirmation. The published record holds
 * signed ones only; an unsigned one (the process link's record) is marked "Ej undertecknat".
 */
export function RecordHandslagSection({ handslag }: { handslag: readonly RecordHandslag[] }) {
  const { t, language } = useI18n()
  return (
    <section className="docs__phase" aria-labelledby="record-handslag">
      <h2 id="record-handslag">{t('handslag.section.heading')}</h2>
      {handslag.length === 0 && <p>{t('handslag.record.empty')}</p>}
      {handslag.map((h) => (
        <article
          key={`${h.title}-${h.signedAt}`}
          className="handslag-record"
          data-testid="record-handslag"
          aria-label={h.title}
        >
          <h3>{h.title}</h3>
          <p className="docs__meta">
            <SignedBadge signed={h.signedAt !== null} />
            {h.signedAt && ` ${dateTime(h.signedAt, language)}`}
            {h.meetingTitle && ` · ${t('handslag.page.madeAt', { meeting: h.meetingTitle })}`}
          </p>
          <h4>{t('handslag.plan.initiatives')}</h4>
          <Initiatives initiatives={h.initiatives} />
          {h.organisations.map((o) => (
            <section key={o.name} aria-label={o.name}>
              <h4>{o.name}</h4>
              <Commitments commitments={o.commitments} />
              <Confirmed confirmation={o.confirmation} />
            </section>
          ))}
        </article>
      ))}
    </section>
  )
}
