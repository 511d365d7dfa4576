/**
 * A message with its placeholders filled: `{name}` with a value, and the plural of ICU
 * MessageFormat, `{n, plural, one {# röst} other {# röster}}`, with the form the language's
 * own rules pick for n (`#` stands for n; `=0 {…}` matches exactly). A form or value that is
 * missing leaves the placeholder as written, which shows in the page rather than hiding.
 */
export function formatMessage(
  text: string,
  values: Record<string, string | number> | undefined,
  locale: string,
): string {
  if (!values) return text
  const withPlurals = text.replace(PLURAL, (whole, name: string, body: string) => {
    const n = values[name]
    if (typeof n !== 'number') return whole
    const forms = new Map<string, string>()
    for (const [, key = '', form = ''] of body.matchAll(FORM)) forms.set(key, form)
    const form =
      forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(locale).select(n)) ?? forms.get('other')
    return form === undefined ? whole : form.replaceAll('#', String(n))
  })
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
}

/** `{n, plural, one {…} other {…}}`: forms hold plain text, no nested braces. */
const PLURAL = /\{(\w+),\s*plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g
const FORM = /(=?\w+)\s*\{([^{}]*)\}/g
