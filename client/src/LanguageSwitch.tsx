import { LANGUAGES, useI18n } from './i18n/index.tsx'

/** Two buttons rather than a select: one tap on a phone, and the current one is announced. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n()
  return (
    <nav className="language" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language__option"
          aria-pressed={language === lang}
          onClick={() => setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </nav>
  )
}
