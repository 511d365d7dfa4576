import { AUTHOR_KEY_PARAM, CloseCode, newAuthorKey, RECORDS_MAP } from '@samla/shared'
import { useEffect, useRef, useState } from 'react'
import {
  atom,
  computed,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  defaultUserStore,
  type Signal,
  type TLRecord,
  type TLStore,
  type TLStoreWithStatus,
} from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { relayUrl } from '../api.ts'
import { controlsMap, readControls } from '../meeting/controls.ts'
import { StoreDocBinding } from './binding.ts'
import { PrivateNotes } from './privateNotes.ts'

export type ConnectionState = 'connecting' | 'online' | 'offline'

/** Why the relay closed this board for good: the link was revoked, or the board deleted. */
export type ClosedReason = 'revoked' | 'gone'

export interface SyncedBoard {
  storeWithStatus: TLStoreWithStatus
  connection: ConnectionState
  /** Set when the board was written by a newer Samla than this page. */
  incompatible: boolean
  provider: WebsocketProvider | null
  doc: Y.Doc | null
  /** Set when the relay will not take this link any more; the page stops reconnecting. */
  closed: ClosedReason | null
  /** Counts edits the relay refused (4409): each time, the local copy was dropped and synced afresh. */
  refusals: number
  /** Why the relay refused the last one (the 4409's reason), or null. */
  lastRefusal: string | null
  /** Records on the board this page cannot read, left out of the canvas (ids). */
  skipped: readonly string[]
  /** Whether the meeting is anonymous now (always false on a plain board). */
  anonymous: Signal<boolean>
}

export interface SyncOptions {
  /** A link that never writes (the projector); changing it rebuilds the connection. */
  readonly: boolean
  /** Read-only for now (a participant on a locked phase); applied live, without a rebuild. */
  paused?: boolean
  /** A meeting's anonymity until its controls say otherwise; null on a plain board. */
  anonymousDefault?: boolean | null
  /**
   * A participant's meeting, whose notes are written privately while the facilitator has
   * "skriv enskilt" on (sync/privateNotes.ts); null for a page that writes as it is.
   */
  privateWriter?: { meetingId: string; token: string } | null
}

const notAnonymous = atom('not anonymous', false)

/**
 * One Y.Doc and one stock y-websocket provider per board, bound to a tldraw store. The same
 * doc and provider live as long as the page, so edits made offline merge when it reconnects,
 * with one exception: when the relay refuses an edit (4409) the local copy holds a change the
 * server will never take, and would send it again on every reconnect; so it is thrown away
 * and the board synced afresh.
 */
export function useSyncedStore(
  boardId: string,
  token: string | null,
  { readonly, paused = false, anonymousDefault = null, privateWriter = null }: SyncOptions,
): SyncedBoard {
  const [state, setState] = useState<SyncedBoard>({
    storeWithStatus: { status: 'loading' },
    connection: 'connecting',
    incompatible: false,
    provider: null,
    doc: null,
    closed: null,
    refusals: 0,
    lastRefusal: null,
    skipped: [],
    anonymous: notAnonymous,
  })
  const privateMeetingId = privateWriter?.meetingId ?? null
  // Bumped to start over with a fresh document after a refused edit.
  const [generation, setGeneration] = useState(0)
  const $mode = useRef(atom<'readonly' | 'readwrite'>('mode', 'readwrite'))
  const refusedAt = useRef<number[]>([])

  useEffect(() => {
    $mode.current.set(readonly || paused ? 'readonly' : 'readwrite')
  }, [readonly, paused])

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the point: a new one rebuilds everything
  useEffect(() => {
    const doc = new Y.Doc()
    // The relay checks the token at the upgrade and the role on every message. The author
    // key, one per document, tells the relay that this document's client id is ours when it
    // reconnects (even to a restarted server), so that our offline edits are taken.
    const params: Record<string, string> = { [AUTHOR_KEY_PARAM]: newAuthorKey() }
    if (token) params.token = token
    const provider = new WebsocketProvider(relayUrl(), boardId, doc, { params })
    // A collaboration status turns on tldraw's people menu (names, colours, follow) and cursor chat.
    const $status = atom<'online' | 'offline'>('connection status', 'offline')
    const $anonymous = atom('anonymous', anonymousDefault === true)
    // An ended meeting takes no writes from participants: not even tldraw's user record, which
    // a fresh page writes on every start (refused, restarted, refused… in a loop).
    const $ended = atom('ended', false)
    let started = false
    let failed = false
    let rebuild: ReturnType<typeof setTimeout> | undefined
    const onControls = () => {
      if (anonymousDefault === null) return
      const controls = readControls(doc, anonymousDefault)
      const anonymous = controls.anonymous
      $anonymous.set(anonymous)
      $ended.set(controls.ended)
      if (anonymous && started && !readonly) forgetUsers(doc)
    }
    controlsMap(doc).observe(onControls)
    const store: TLStore = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: $status, mode: $mode.current },
      // tldraw keeps a `user` record (with the name) of whoever edits a note, for its
      // attribution line; in an anonymous meeting there is no current user, so none is made.
      users: {
        currentUser: computed('samla current user', () =>
          $anonymous.get() || $ended.get() ? null : defaultUserStore.currentUser.get(),
        ),
      },
    })
    const privateNotes =
      privateWriter && !readonly
        ? new PrivateNotes(doc, privateWriter.meetingId, privateWriter.token, (id) =>
            store.get(id as TLRecord['id']),
          )
        : null
    // Once synced, and whenever the facilitator turns private writing on: this browser's own
    // words, from the server, into its own cards (after a reload they are only there).
    let privatePhase: string | null = null
    const loadPrivate = () => {
      const phase = privateNotes?.phase() ?? null
      if (!privateNotes || !started || phase === privatePhase) return
      privatePhase = phase
      if (phase)
        privateNotes
          .load()
          .then((ids) => binding.reproject(ids))
          .catch(() => {})
    }
    controlsMap(doc).observe(loadPrivate)
    const binding = new StoreDocBinding(
      store,
      doc,
      (reason) =>
        setState((s) =>
          reason === 'newer-schema'
            ? { ...s, incompatible: true }
            : { ...s, storeWithStatus: { status: 'error', error: new Error(reason) } },
        ),
      (record: TLRecord) => record.typeName === 'user' && $anonymous.get(),
      (ids) => setState((s) => ({ ...s, skipped: [...new Set([...s.skipped, ...ids])] })),
      privateNotes ?? undefined,
    )

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
      onControls()
      loadPrivate()
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
    // y-websocket stops reconnecting on any 44xx close; each gets what it means here.
    const onClosed = ({ code, reason }: { code: number; reason: string }) => {
      if (code === CloseCode.EditRefused || code === CloseCode.MalformedMessage) {
        setState((s) => ({ ...s, refusals: s.refusals + 1, lastRefusal: reason || null }))
        // Should a fresh copy be refused again (this page writing something on every start
        // that the relay never takes), back off rather than hammer the relay in a loop.
        const now = Date.now()
        refusedAt.current = [...refusedAt.current.filter((t) => now - t < 60_000), now]
        const delay = Math.min(10_000, 100 * 2 ** (refusedAt.current.length - 1))
        rebuild = setTimeout(() => setGeneration((g) => g + 1), delay)
      } else if (code === CloseCode.CapabilityRevoked || code === CloseCode.BoardGone) {
        setState((s) => ({ ...s, closed: code === CloseCode.BoardGone ? 'gone' : 'revoked' }))
      } else {
        // A backlog the page has since read (4429), or a code of a later server: try again.
        provider.connect()
      }
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    provider.on('closed', onClosed)
    setState((s) => ({
      ...s,
      provider,
      doc,
      anonymous: $anonymous,
      connection: 'connecting',
      storeWithStatus: { status: 'loading' },
      // A fresh document: what the last one could not read is not this one's to report.
      skipped: [],
    }))

    return () => {
      clearTimeout(rebuild)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      provider.off('closed', onClosed)
      controlsMap(doc).unobserve(onControls)
      controlsMap(doc).unobserve(loadPrivate)
      privateNotes?.dispose()
      binding.dispose()
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, token, readonly, anonymousDefault, privateMeetingId, generation])

  return state
}

/** Takes every `user` record (names) out of the document when a meeting turns anonymous. */
function forgetUsers(doc: Y.Doc) {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const users = [...records.keys()].filter((id) => id.startsWith('user:'))
  if (users.length === 0) return
  doc.transact(() => {
    for (const id of users) records.delete(id)
  })
}
