import { ACCESSIBILITY_PATH, PRIVACY_PATH } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import './legal.css'

/** Every page outside the canvas ends with the accessibility statement and the personal data. */
export function PageFooter() {
  const { t } = useI18n()
  return (
    <footer className="page-footer">
      <nav aria-label={t('legal.footer.label')}>
        <a className="link" href={ACCESSIBILITY_PATH}>
          {t('legal.footer.accessibility')}
        </a>
        <a className="link" href={PRIVACY_PATH}>
          {t('legal.footer.privacy')}
        </a>
      </nav>
    </footer>
  )
}
