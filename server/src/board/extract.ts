import { type BoardContent, type Controls, RECORDS_MAP, readBoardContent } from '@samla/shared'
import type * as Y from 'yjs'

export { plainText } from '@samla/shared'

/** The board's text, read from its Y.Doc (shared/src/boardContent.ts, as the list view reads it). */
export function extractContent(doc: Y.Doc, controls: Controls): BoardContent {
  return readBoardContent(doc.getMap<unknown>(RECORDS_MAP), controls)
}
