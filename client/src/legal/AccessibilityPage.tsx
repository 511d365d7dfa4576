import { useI18n } from '../i18n/index.tsx'
import { LegalPage } from './LegalPage.tsx'

/**
 * The accessibility statement a Swedish public body must publish (lagen om tillgänglighet till
 * digital offentlig service), in the sections of DIGG's model, with the deploying
 * organisation's name and contact from the configuration. It says plainly what is not
 * accessible (the canvas) and what can be done instead today.
 */
export function AccessibilityPage() {
  const { t } = useI18n()
  return (
    <LegalPage titleKey="legal.a11y.title">
      {(organisation, contact) => (
        <>
          <p className="lead">{t('legal.a11y.intro', { organisation })}</p>
          <section aria-labelledby="a11y-how">
            <h2 id="a11y-how">{t('legal.a11y.how.heading')}</h2>
            <p>{t('legal.a11y.how.body')}</p>
          </section>
          <section aria-labelledby="a11y-help">
            <h2 id="a11y-help">{t('legal.a11y.help.heading')}</h2>
            <p>{t('legal.a11y.help.body')}</p>
            {contact}
          </section>
          <section aria-labelledby="a11y-report">
            <h2 id="a11y-report">{t('legal.a11y.report.heading')}</h2>
            <p>{t('legal.a11y.report.body')}</p>
            {contact}
          </section>
          <section aria-labelledby="a11y-supervision">
            <h2 id="a11y-supervision">{t('legal.a11y.supervision.heading')}</h2>
            <p>{t('legal.a11y.supervision.body')}</p>
            <p>
              <a className="link" href="https://www.digg.se/tdosanmalan" rel="noopener noreferrer">
                {t('legal.a11y.supervision.link')}
              </a>
            </p>
          </section>
          <section aria-labelledby="a11y-technical">
            <h2 id="a11y-technical">{t('legal.a11y.technical.heading')}</h2>
            <p>{t('legal.a11y.technical.body')}</p>
            <h3>{t('legal.a11y.gaps.heading')}</h3>
            <p>{t('legal.a11y.gaps.canvas')}</p>
            <p>{t('legal.a11y.gaps.alternatives')}</p>
          </section>
          <section aria-labelledby="a11y-tested">
            <h2 id="a11y-tested">{t('legal.a11y.tested.heading')}</h2>
            <p>{t('legal.a11y.tested.body')}</p>
            <p className="small">{t('legal.a11y.updated')}</p>
          </section>
        </>
      )}
    </LegalPage>
  )
}
