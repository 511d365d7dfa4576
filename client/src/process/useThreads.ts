import { type NoteThread, noteThreadSchema, PROCESS_MAP } from '@samla/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * The board's `process` map (written only by the server): per shape id, where a received
 * note came from and its answer, or where a sent note went. Malformed entries are skipped.
 */
export function useThreads(doc: Y.Doc | null): ReadonlyMap<string, NoteThread> {
  const [threads, setThreads] = useState<ReadonlyMap<string, NoteThread>>(new Map())
  useEffect(() => {
    if (!doc) return
    const map = doc.getMap<unknown>(PROCESS_MAP)
    const read = () => {
      const next = new Map<string, NoteThread>()
      for (const [key, value] of map) {
        const parsed = noteThreadSchema.safeParse(value)
        if (parsed.success) next.set(key, parsed.data)
      }
      setThreads(next)
    }
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [doc])
  return threads
}
