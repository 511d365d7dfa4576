import { useI18n } from './i18n/index.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** The top of Samla's own pages: the name and the language choice. */
export function PageHeader() {
  const { t } = useI18n()
  return (
    <header className="page__header">
      <p className="brand">{t('app.name')}</p>
      <LanguageSwitch />
    </header>
  )
}
