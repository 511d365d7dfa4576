import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import { LANGUAGES, type Language, storedLanguage, storeLanguage, translate } from './language.ts'
import type { MessageKey } from './sv.ts'

export { LANGUAGES, type Language }

interface I18n {
  language: Language
  setLanguage(language: Language): void
  /** The text for `key`, its placeholders (`{name}`, plurals) filled from `values` (format.ts). */
  t(key: MessageKey, values?: Record<string, string | number>): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next)
    setLanguageState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
    }),
    [language, setLanguage],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
