import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { CloseCodes } from './honestMessages.ts'

/** A stock y-websocket provider in Node, as an honest client connects (ws as its WebSocket). */
export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closeCodes: CloseCodes
  /** Resolves on the first sync. */
  synced: Promise<void>
  destroy(): void
}

export function connectStock(
  wsBase: string,
  board: string,
  token: string | null,
  webSocket: new (address: string, protocols?: string | string[]) => WebSocket = WebSocket,
): StockClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase, board, doc, {
    WebSocketPolyfill: webSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  })
  const closeCodes: CloseCodes = {}
  provider.on('connection-close', (event) => {
    if (event) closeCodes[event.code] = (closeCodes[event.code] ?? 0) + 1
  })
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return {
    doc,
    provider,
    closeCodes,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function mergeCloseCodes(all: readonly CloseCodes[]): CloseCodes {
  const merged: CloseCodes = {}
  for (const codes of all)
    for (const [code, n] of Object.entries(codes)) merged[code] = (merged[code] ?? 0) + n
  return merged
}
