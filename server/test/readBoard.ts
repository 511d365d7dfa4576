import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

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
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  })
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
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
