/**
 * The organisations' confirmation links, kept in the browser that made them, as a meeting's
 * links are (start/savedMeetings.ts): the server keeps only their hashes, so this is the
 * only place they can be copied from again. Keyed by process, Handslag, organisation.
 */
type Saved = Record<string, Record<string, Record<string, string>>>

const KEY = 'samla.handslag-links'

function load(storage: Storage): Saved {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}')
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Saved) : {}
  } catch {
    return {}
  }
}

export function savedLinks(
  processId: string,
  handslagId: string,
  storage: Storage = localStorage,
): Record<string, string> {
  return load(storage)[processId]?.[handslagId] ?? {}
}

export function saveLink(
  processId: string,
  handslagId: string,
  organisationId: string,
  link: string,
  storage: Storage = localStorage,
): Record<string, string> {
  const all = load(storage)
  const ofProcess = all[processId] ?? {}
  ofProcess[handslagId] = { ...ofProcess[handslagId], [organisationId]: link }
  all[processId] = ofProcess
  storage.setItem(KEY, JSON.stringify(all))
  return ofProcess[handslagId]
}

/** After a Handslag (or, with none given, the whole process) is deleted. */
export function forgetLinks(processId: string, handslagId?: string, storage = localStorage) {
  const all = load(storage)
  if (handslagId) delete all[processId]?.[handslagId]
  else delete all[processId]
  storage.setItem(KEY, JSON.stringify(all))
}
