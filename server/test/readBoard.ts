import * as Y from 'yjs'
import { connectBoard } from './writeBoard.ts'

/**
 * Connects to a running server's board with the stock provider, as a client would, and
 * resolves with a copy of the board once `until` holds for it (checked after the first sync
 * and after every update that arrives). The connection is closed before resolving.
 */
export async function readBoardUntil(
  serverUrl: string,
  boardId: string,
  token: string | null,
  until: (doc: Y.Doc) => boolean,
): Promise<Y.Doc> {
  const { doc, provider, synced } = connectBoard(serverUrl, boardId, token)
  try {
    await synced
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!until(doc)) return
        doc.off('update', check)
        resolve()
      }
      doc.on('update', check)
      check()
    })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    return copy
  } finally {
    provider.destroy()
    doc.destroy()
  }
}
