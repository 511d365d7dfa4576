import { AUTHOR_KEY_PARAM, newAuthorKey } from '@samla/shared'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * A stock provider on a running server's board, as a client in Node connects: with the
 * meeting link's token, if any, and an author key for its document, as Samla's pages send.
 */
export function connectBoard(
  serverUrl: string,
  boardId: string,
  token: string | null,
  doc = new Y.Doc(),
) {
  const params: Record<string, string> = { [AUTHOR_KEY_PARAM]: newAuthorKey() }
  if (token) params.token = token
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  })
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { doc, provider, synced }
}

/**
 * Writes a prepared board (a Yjs update) into a running server's board through the stock
 * provider, as a client would, and resolves once a second, fresh client reads it back from
 * the server: the content is then stored and relayed.
 */
export async function writeBoard(
  serverUrl: string,
  boardId: string,
  token: string | null,
  update: Uint8Array,
) {
  const connect = () => connectBoard(serverUrl, boardId, token)
  const writer = connect()
  const reader = connect()
  try {
    await writer.synced
    Y.applyUpdate(writer.doc, update)
    await reader.synced
    const expected = Y.encodeStateVector(writer.doc)
    await new Promise<void>((resolve) => {
      const check = () => {
        if (Y.encodeStateVector(reader.doc).toString() === expected.toString()) {
          reader.doc.off('update', check)
          resolve()
        }
      }
      reader.doc.on('update', check)
      check()
    })
  } finally {
    for (const { provider, doc } of [writer, reader]) {
      provider.destroy()
      doc.destroy()
    }
  }
}
