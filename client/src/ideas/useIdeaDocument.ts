import { AUTHOR_KEY_PARAM, CloseCode, type IdeaDocumentInfo, newAuthorKey } from '@samla/shared'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { relayUrl } from '../api.ts'

export type IdeaDocumentStatus = 'connecting' | 'online' | 'offline' | 'revoked' | 'gone'

export interface IdeaDocumentState {
  doc: Y.Doc | null
  provider: WebsocketProvider | null
  status: IdeaDocumentStatus
  /** Whether the first sync is done: before it the fields show nothing and are read-only. */
  synced: boolean
  /** How many times the relay refused an edit of this page (4409), so the page says so. */
  refusals: number
}

/**
 * The idébeskrivning's Yjs document, through the stock y-websocket provider with the link
 * the page was opened with. A refused edit (4409) throws this copy away and syncs a fresh one
 * (backing off if it happens again), as the board does (sync/useSyncedStore.ts).
 */
export function useIdeaDocument(info: IdeaDocumentInfo | null, token: string): IdeaDocumentState {
  const [generation, setGeneration] = useState(0)
  const [state, setState] = useState<IdeaDocumentState>({
    doc: null,
    provider: null,
    status: 'connecting',
    synced: false,
    refusals: 0,
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation is a fresh copy after a refusal
  useEffect(() => {
    if (!info) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(relayUrl(), info.documentId, doc, {
      params: { [AUTHOR_KEY_PARAM]: newAuthorKey(), token },
    })
    let rebuild: ReturnType<typeof setTimeout> | undefined
    setState((s) => ({ ...s, doc, provider, status: 'connecting', synced: false }))
    const onStatus = ({ status }: { status: string }) =>
      setState((s) =>
        s.status === 'revoked' || s.status === 'gone'
          ? s
          : { ...s, status: status === 'connected' ? 'online' : 'offline' },
      )
    const onSync = (synced: boolean) => {
      if (synced) setState((s) => ({ ...s, synced: true }))
    }
    const onClosed = ({ code }: { code: number }) => {
      if (code === CloseCode.EditRefused || code === CloseCode.MalformedMessage) {
        let delay = 100
        setState((s) => {
          delay = Math.min(10_000, 100 * 2 ** s.refusals)
          return { ...s, refusals: s.refusals + 1 }
        })
        rebuild = setTimeout(() => setGeneration((g) => g + 1), delay)
      } else if (code === CloseCode.CapabilityRevoked || code === CloseCode.BoardGone) {
        setState((s) => ({ ...s, status: code === CloseCode.BoardGone ? 'gone' : 'revoked' }))
      } else provider.connect()
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    return () => {
      clearTimeout(rebuild)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.destroy()
      doc.destroy()
    }
  }, [info, token, generation])
  return state
}
