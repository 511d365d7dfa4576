import type { Language } from '../i18n/index.tsx'

/** "13 februari 2027" from an ISO date, in the page's language. */
export function longDate(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Stockholm',
  }).format(date)
}
