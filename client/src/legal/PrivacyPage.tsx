import { useI18n } from '../i18n/index.tsx'
import { LegalPage } from './LegalPage.tsx'

/**
 * What Samla stores about people, for how long (the deployment's retention), how it is erased,
 * and who is responsible (the configuration); the log claim is checked by
 * server/test/logPrivacy.test.ts.
 */
export function PrivacyPage() {
  const { t } = useI18n()
  return (
    <LegalPage titleKey="legal.privacy.title">
      {(organisation, contact, retentionDays) => (
        <>
          <p className="lead">{t('legal.privacy.intro')}</p>
          <section aria-labelledby="privacy-controller">
            <h2 id="privacy-controller">{t('legal.privacy.controller.heading')}</h2>
            <p>{t('legal.privacy.controller.body', { organisation })}</p>
            {contact}
          </section>
          <section aria-labelledby="privacy-stored">
            <h2 id="privacy-stored">{t('legal.privacy.stored.heading')}</h2>
            <ul>
              <li>{t('legal.privacy.stored.names')}</li>
              <li>{t('legal.privacy.stored.notes')}</li>
              <li>{t('legal.privacy.stored.voter')}</li>
              <li>{t('legal.privacy.stored.handslag')}</li>
              <li>{t('legal.privacy.stored.organisation')}</li>
              <li>{t('legal.privacy.stored.private')}</li>
              <li>{t('legal.privacy.stored.browser')}</li>
            </ul>
          </section>
          <section aria-labelledby="privacy-retention">
            <h2 id="privacy-retention">{t('legal.privacy.retention.heading')}</h2>
            <p>
              {retentionDays
                ? t('legal.privacy.retention.days', { days: retentionDays })
                : t('legal.privacy.retention.none')}
            </p>
          </section>
          <section aria-labelledby="privacy-erasure">
            <h2 id="privacy-erasure">{t('legal.privacy.erasure.heading')}</h2>
            <p>{t('legal.privacy.erasure.body')}</p>
          </section>
          <section aria-labelledby="privacy-logs">
            <h2 id="privacy-logs">{t('legal.privacy.logs.heading')}</h2>
            <p>{t('legal.privacy.logs.body')}</p>
          </section>
        </>
      )}
    </LegalPage>
  )
}
