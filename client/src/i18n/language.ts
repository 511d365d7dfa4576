import { en } from './en.ts'
import { formatMessage } from './format.ts'
import { type MessageKey, type Messages, sv } from './sv.ts'

// Without React: the join page (phone/join.ts) is plain DOM and uses these as they are.

export type Language = 'sv' | 'en'
export const LANGUAGES: readonly Language[] = ['sv', 'en']
const dictionaries: Record<Language, Messages> = { sv, en }
const STORAGE_KEY = 'samla.language'

/** The language chosen on this device: Swedish first, English only when chosen, never guessed. */
export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv'
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language)
}

/** The text for `key`, its placeholders (`{name}`, plurals) filled from `values` (format.ts). */
export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  return formatMessage(dictionaries[language][key], values, language)
}
