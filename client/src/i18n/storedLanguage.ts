// Apart from the dictionaries, so that the join page (phone/join.ts) can use it without them.

export type Language = 'sv' | 'en'
export const LANGUAGES: readonly Language[] = ['sv', 'en']
const STORAGE_KEY = 'samla.language'

/** The language chosen on this device: Swedish first, English only when chosen, never guessed. */
export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv'
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language)
}
