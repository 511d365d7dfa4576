import { type BoardContent, type Controls, RECORDS_MAP, readBoardContent } from '@samla/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * The board's phases, questions and notes as the documentation reads them, from this page's
 * own Y.Doc: read again (once per frame at most) whenever a record changes.
 */
export function useBoardContent(doc: Y.Doc | null, controls: Controls): BoardContent {
  const [content, setContent] = useState<BoardContent>({ phases: [] })
  useEffect(() => {
    if (!doc) return
    const records = doc.getMap<unknown>(RECORDS_MAP)
    let frame = 0
    const read = () => {
      frame = 0
      setContent(readBoardContent(records, controls))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    records.observe(schedule)
    return () => {
      records.unobserve(schedule)
      cancelAnimationFrame(frame)
    }
  }, [doc, controls])
  return content
}
