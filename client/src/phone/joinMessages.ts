/**
 * The texts of the join page (/j), which is plain DOM without React and must stay small on a
 * phone (#14: ≤ 60 KB of script): only what it shows, Swedish and English. Every page's
 * dictionary includes these (i18n/sv.ts, en.ts); join.ts uses them alone.
 */
export const sv = {
  'app.name': 'Samla',
  'language.label': 'Språk',
  'language.sv': 'Svenska',
  'language.en': 'English',
  'phone.join.heading': 'Gå med i en samling',
  'phone.join.label': 'Koden på skärmen (sex tecken)',
  'phone.join.submit': 'Gå med',
  'phone.join.notFound': 'Koden finns inte. Kontrollera den och försök igen.',
  'phone.join.tooMany': 'För många försök. Vänta en minut och försök igen.',
  'phone.join.failed': 'Det gick inte att nå servern. Försök igen.',
  'legal.footer.label': 'Om tjänsten',
  'legal.footer.accessibility': 'Tillgänglighet',
  'legal.footer.privacy': 'Personuppgifter',
} as const

export const en: { [K in keyof typeof sv]: string } = {
  'app.name': 'Samla',
  'language.label': 'Language',
  'language.sv': 'Svenska',
  'language.en': 'English',
  'phone.join.heading': 'Join a meeting',
  'phone.join.label': 'The code on the screen (six characters)',
  'phone.join.submit': 'Join',
  'phone.join.notFound': 'No meeting has that code. Check it and try again.',
  'phone.join.tooMany': 'Too many tries. Wait a minute and try again.',
  'phone.join.failed': 'The server could not be reached. Try again.',
  'legal.footer.label': 'About the service',
  'legal.footer.accessibility': 'Accessibility',
  'legal.footer.privacy': 'Personal data',
}
