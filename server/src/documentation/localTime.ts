/**
 * A stored ISO time as people in the deployment's time zone read it: "2026-10-20 12:00", or
 * "2026-10-20 12:00:00" with seconds (a spreadsheet's column, where notes written within one
 * minute keep their order). Year first, in both languages: a spreadsheet reads it as a time.
 */
export function localTime(iso: string, timeZone: string, { seconds = false } = {}): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`
  return `${part('year')}-${part('month')}-${part('day')} ${time}`
}

/** Whether `timeZone` is one this runtime knows (an IANA name such as Europe/Stockholm). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone })
    return true
  } catch {
    return false
  }
}
