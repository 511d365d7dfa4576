import type { Language } from '../i18n/index.tsx'

/** "20 mars 2027 14:05", a confirmation's time, in Stockholm time as every date of Samla. */
export function dateTime(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date)
}
