import { en } from './en.ts'
import { formatMessage } from './format.ts'
import type { Language } from './storedLanguage.ts'
import { type MessageKey, type Messages, sv } from './sv.ts'

export { LANGUAGES, type Language, storedLanguage, storeLanguage } from './storedLanguage.ts'

const dictionaries: Record<Language, Messages> = { sv, en }

/** The text for `key`, its placeholders (`{name}`, plurals) filled from `values` (format.ts). */
export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  return formatMessage(dictionaries[language][key], values, language)
}
