/**
 * Kraftsamlingar created in this browser, with their process link: as with meetings, there
 * are no accounts, and the link kept here is the only key to the process.
 */
export interface SavedProcess {
  id: string
  name: string
  link: string
}

const KEY = 'samla.processes'

export function loadProcesses(storage: Storage = localStorage): SavedProcess[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as SavedProcess[]).filter((p) => p?.id && p.link) : []
  } catch {
    return []
  }
}

export function saveProcess(
  process: SavedProcess,
  storage: Storage = localStorage,
): SavedProcess[] {
  const list = [process, ...loadProcesses(storage).filter((p) => p.id !== process.id)]
  storage.setItem(KEY, JSON.stringify(list))
  return list
}

export function forgetProcess(id: string, storage: Storage = localStorage): SavedProcess[] {
  const list = loadProcesses(storage).filter((p) => p.id !== id)
  storage.setItem(KEY, JSON.stringify(list))
  return list
}
