import * as Y from 'yjs'
import type { DecodedUpdate } from './integration.ts'
import { nestsDeeperThan } from './jsonDepth.ts'

export type ContentProblem = 'too-deep' | 'subdocument'

/**
 * Limits on every value an update carries, whichever map or type it goes to: JSON values
 * (ContentAny, ContentJSON, embeds and formatting attributes of Y.Text) nested no deeper
 * than `maxDepth`, checked before anything is applied, because a value nested thousands deep
 * cannot be re-encoded later (JSON.stringify and structuredClone recurse) and a room that
 * holds one fails every joiner. Subdocuments are refused: no Samla client makes them, and
 * each would be a Y.Doc in the server's memory.
 */
export function contentProblem(update: DecodedUpdate, maxDepth: number): ContentProblem | null {
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    const content = struct.content
    if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
      for (const value of content.arr) if (nestsDeeperThan(value, maxDepth)) return 'too-deep'
    } else if (content instanceof Y.ContentEmbed) {
      if (nestsDeeperThan(content.embed, maxDepth)) return 'too-deep'
    } else if (content instanceof Y.ContentFormat) {
      if (nestsDeeperThan(content.value, maxDepth)) return 'too-deep'
    } else if (content instanceof Y.ContentDoc) {
      return 'subdocument'
    }
  }
  return null
}
