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
          <span className="language__name">{t(`language.${lang}`)}</span>
          {/* Where space is short (the board on a phone) only the ISO code shows; the full
              name stays the accessible name, and it begins with the code (WCAG 2.5.3). */}
          <span className="language__code" aria-hidden="true">
            {lang.toUpperCase()}
          </span>
        </button>
      ))}
    </nav>
  )
}
