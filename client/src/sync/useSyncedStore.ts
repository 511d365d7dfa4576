import { useEffect, useState } from 'react'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLStore,
  type TLStoreWithStatus,
} from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { relayUrl } from '../api.ts'
import { StoreDocBinding } from './binding.ts'

export type ConnectionState = 'connecting' | 'online' | 'offline'

export interface SyncedBoard {
  storeWithStatus: TLStoreWithStatus
  connection: ConnectionState
  /** Set when the board was written by a newer Samla than this page. */
  incompatible: boolean
  provider: WebsocketProvider | null
  doc: Y.Doc | null
}

/**
 * One Y.Doc and one stock y-websocket provider per board, bound to a tldraw store. The same
 * doc and provider live as long as the page, so edits made offline merge when it reconnects.
 */
export function useSyncedStore(
  boardId: string,
  token: string | null,
  readonly: boolean,
): SyncedBoard {
  const [state, setState] = useState<SyncedBoard>({
    storeWithStatus: { status: 'loading' },
    connection: 'connecting',
    incompatible: false,
    provider: null,
    doc: null,
  })

  useEffect(() => {
    const doc = new Y.Doc()
    // The relay checks the token at the upgrade and the role on every message.
    const provider = new WebsocketProvider(relayUrl(), boardId, doc, {
      params: token ? { token } : {},
    })
    // A collaboration status turns on tldraw's people menu (names, colours, follow) and cursor chat.
    const $status = atom<'online' | 'offline'>('connection status', 'offline')
    const store: TLStore = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: $status, mode: atom('mode', readonly ? 'readonly' : 'readwrite') },
    })
    const binding = new StoreDocBinding(store, doc, (reason) =>
      setState((s) =>
        reason === 'newer-schema'
          ? { ...s, incompatible: true }
          : { ...s, storeWithStatus: { status: 'error', error: new Error(reason) } },
      ),
    )
    let started = false
    let failed = false

    const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
      if (status === 'disconnected') failed = true
      // "Connecting" only on the way in; a retry after a failure or a drop is still offline,
      // so the badge does not flicker with every reconnection attempt.
      const connection: ConnectionState =
        status === 'connected' ? 'online' : started || failed ? 'offline' : 'connecting'
      $status.set(connection === 'online' ? 'online' : 'offline')
      setState((s) => ({
        ...s,
        connection,
        storeWithStatus:
          s.storeWithStatus.status === 'synced-remote'
            ? {
                status: 'synced-remote',
                store,
                connectionStatus: connection === 'online' ? 'online' : 'offline',
              }
            : s.storeWithStatus,
      }))
    }
    const onSync = (synced: boolean) => {
      if (!synced || started) return
      started = true
      const result = binding.start()
      setState((s) =>
        result.ok
          ? {
              ...s,
              storeWithStatus: { status: 'synced-remote', store, connectionStatus: 'online' },
            }
          : {
              ...s,
              incompatible: result.reason === 'newer-schema',
              storeWithStatus: { status: 'error', error: new Error(result.reason) },
            },
      )
    }
    // y-websocket reports 'disconnected' only after a connection was up; a socket that never
    // opened just closes. That is a failure too: the page must not say "connecting" forever.
    const onClose = () => {
      if (!provider.wsconnected) onStatus({ status: 'disconnected' })
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    setState((s) => ({ ...s, provider, doc }))

    return () => {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      binding.dispose()
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, token, readonly])

  return state
}
