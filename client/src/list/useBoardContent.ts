import {
  type BoardContent,
  type BoardRecords,
  type Controls,
  readBoardContent,
} from '@samla/shared'
import { useEffect, useState } from 'react'
import type { TLRecord, TLStore } from 'tldraw'

/**
 * The board's phases, questions and notes as the documentation reads them, from this page's
 * own store, read again (once per frame at most) whenever a record changes. The store rather
 * than the Y.Doc: a note this page writes privately has its words only here.
 */
export function useBoardContent(store: TLStore | null, controls: Controls): BoardContent {
  const [content, setContent] = useState<BoardContent>({ phases: [] })
  useEffect(() => {
    if (!store) return
    const records: BoardRecords = {
      get: (id) => store.get(id as TLRecord['id']),
      values: () => store.allRecords(),
    }
    let frame = 0
    const read = () => {
      frame = 0
      setContent(readBoardContent(records, controls))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    const stop = store.listen(schedule, { scope: 'document' })
    return () => {
      stop()
      cancelAnimationFrame(frame)
    }
  }, [store, controls])
  return content
}
