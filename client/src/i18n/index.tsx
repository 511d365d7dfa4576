import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import { en } from './en.ts'
import { formatMessage } from './format.ts'
import { type MessageKey, type Messages, sv } from './sv.ts'

export type Language = 'sv' | 'en'
export const LANGUAGES: readonly Language[] = ['sv', 'en']
const dictionaries: Record<Language, Messages> = { sv, en }
const STORAGE_KEY = 'samla.language'

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY)
  // Swedish first: English only when chosen, never guessed from the browser.
  return stored === 'en' ? 'en' : 'sv'
}

interface I18n {
  language: Language
  setLanguage(language: Language): void
  /** The text for `key`, its placeholders (`{name}`, plurals) filled from `values` (format.ts). */
  t(key: MessageKey, values?: Record<string, string | number>): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLanguageState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => formatMessage(dictionaries[language][key], values, language),
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
