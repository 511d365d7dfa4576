import { AUTHOR_KEY_PARAM, newAuthorKey } from '@samla/shared'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { authFrame, awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from './frames.ts'
import { noteRecord } from './noteRecord.ts'
import { ServerFrameReader } from './serverFrames.ts'
import { roomUrl, type Target } from './targets.ts'
import { scanWriteKeys, writeKey } from './writeKeys.ts'

const SYNC = 0
const SYNC_REPLY = 4 // Hocuspocus answers sync step 1 with this type
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const PAD = 'x'.repeat(160)

/**
 * Writers and probes share the load generator's process, so one clock with sub-millisecond
 * resolution serves both (Date.now() would round every latency to whole milliseconds).
 */
const preciseNow = () => performance.timeOrigin + performance.now()

/** The stock y-websocket provider's backoff: 200 ms after a close, doubling, at most 2.5 s. */
const reconnectDelayMs = (failures: number) => Math.min(2 ** failures * 100, 2500)

export interface ClientOptions {
  /** Decode document updates and report each writer's update latency. */
  probe?: (latencyMs: number, writer: number, seq: number) => void
  /** Stop reading from the socket once synced (a frozen phone, a stuck tab). */
  neverRead?: boolean
  /** Apply the document to a local Y.Doc (to check what arrived). */
  decode?: boolean
  /**
   * Once synced, count the socket's bytes without parsing frames. ws's parser costs the load
   * generator more per message than a server spends sending it, so with hundreds of plain
   * receivers the generator, not the server, would be what the latency measures. With
   * `onWriteSeen`, frames are read by the cheaper ServerFrameReader from the start instead.
   */
  lean?: boolean
  /**
   * Connect with an author key, as Samla's pages do: a client that reconnects (to another
   * instance) is then the same author, whose client ids and cursor stay its own.
   */
  authorKey?: boolean
  /** Put every write under a key of its own (writeKeys.ts) instead of one key per writer. */
  keepEveryWrite?: boolean
  /** Every write found in what arrives, live or in a catch-up, by its key (writeKeys.ts). */
  onWriteSeen?: (writer: number, seq: number) => void
}

/** A time the client was without a synced connection; `to` is null until it is back. */
export interface Outage {
  from: number
  to: number | null
}

/**
 * One simulated participant speaking the raw protocol. Given a list of targets (the instances
 * of a cluster), it moves to the next one whenever its connection closes, with the stock
 * provider's backoff, and syncs again as the provider does: its state vector out, and the
 * instance's answered with whatever of its own writes the instance lacks.
 */
export class LoadClient {
  readonly clientId = 1 + Math.floor(Math.random() * 2 ** 31)
  bytesReceived = 0
  messagesReceived = 0
  /** Milliseconds from starting to connect until the first sync step 2 arrived. */
  readonly synced: Promise<number>
  readonly outages: Outage[] = []
  /**
   * Own writes (by clock, which is the write's sequence number: each write is one struct) an
   * instance lacked when it asked this writer for its state, and when; they were sent again.
   */
  readonly lacked: Array<{ at: number; from: number; to: number }> = []
  closed = false
  private ws!: WebSocket
  private readonly targets: readonly Target[]
  private readonly failover: boolean
  private at = 0
  private failures = 0
  private everSynced = false
  private retry: NodeJS.Timeout | null = null
  private readonly authorKey: string | null
  private resolveSynced!: (ms: number) => void
  private rejectSynced!: (err: unknown) => void
  private readonly doc = new Y.Doc()
  private writerDoc: Y.Doc | null = null
  private awarenessClock = 0
  private seq = 0

  constructor(
    target: Target | readonly Target[],
    private readonly room: string,
    private readonly options: ClientOptions = {},
  ) {
    this.failover = !('dialect' in target)
    this.targets = 'dialect' in target ? [target] : target
    this.authorKey = options.authorKey ? newAuthorKey() : null
    this.synced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve
      this.rejectSynced = reject
    })
    // A failover client may be waited on before its first sync; keep a refusal from going unhandled.
    if (this.failover) this.synced.catch(() => {})
    if (options.probe) {
      const probe = options.probe
      this.doc.getMap('bench').observe((event) => {
        const now = preciseNow()
        for (const key of event.keysChanged) {
          const value = this.doc.getMap('bench').get(key) as
            | [number, number, number, string]
            | undefined
          if (value) probe(now - value[2], value[0], value[1])
        }
      })
    }
    this.connect()
  }

  /** The target the client is connected, or connecting, to. */
  get target(): Target {
    return this.targets[this.at] as Target
  }

  private connect(): void {
    const target = this.target
    const started = performance.now()
    const url = new URL(roomUrl(target, this.room))
    if (this.authorKey && target.name === 'samla')
      url.searchParams.set(AUTHOR_KEY_PARAM, this.authorKey)
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 })
    this.ws = ws
    ws.binaryType = 'nodebuffer'
    ws.on('error', (err) => {
      if (!this.everSynced && !this.failover) this.rejectSynced(err)
    })
    ws.on('close', () => this.onClose(ws))
    ws.on('open', () => {
      if (target.dialect === 'hocuspocus') ws.send(authFrame(this.room))
      ws.send(syncStep1Frame(target.dialect, this.room, this.doc))
      if (this.options.lean && this.options.onWriteSeen) this.readFrames(ws, started)
    })
    ws.on('message', (data: Buffer) => {
      this.bytesReceived += data.length
      this.onMessage(ws, data, started)
    })
  }

  private onMessage(ws: WebSocket, data: Buffer, started: number): void {
    this.messagesReceived++
    const decoder = decoding.createDecoder(data)
    if (this.target.dialect === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== SYNC && type !== SYNC_REPLY) return
    const syncType = decoding.readVarUint(decoder)
    if (syncType === STEP1) {
      this.answerStep1(decoding.readVarUint8Array(decoder))
      return
    }
    if (syncType !== STEP2 && syncType !== UPDATE) return
    if (this.options.onWriteSeen) scanWriteKeys(data, this.options.onWriteSeen)
    if (syncType === STEP2) this.onSynced(ws, performance.now() - started)
    if (this.options.probe || this.options.decode) {
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder))
    }
  }

  private onSynced(ws: WebSocket, ms: number): void {
    this.failures = 0
    const outage = this.outages.at(-1)
    if (outage && outage.to === null) outage.to = Date.now()
    const first = !this.everSynced
    this.everSynced = true
    if (first) this.resolveSynced(ms)
    if (first && this.options.neverRead) this.freeze(ws)
    else if (this.options.lean && !this.options.onWriteSeen) this.readLean(ws)
  }

  /** The instance asks for what it lacks: a writer sends its own writes the instance has not got. */
  private answerStep1(stateVector: Uint8Array): void {
    const doc = this.writerDoc
    if (!doc) return
    const has = Y.decodeStateVector(stateVector).get(doc.clientID) ?? 0
    const own = Y.getState(doc.store, doc.clientID)
    if (own <= has) return
    this.lacked.push({ at: Date.now(), from: has, to: own })
    this.send(syncStep2Frame(this.target.dialect, this.room, doc, stateVector))
  }

  private onClose(ws: WebSocket): void {
    if (ws !== this.ws || this.closed) return
    if (!this.failover) {
      this.closed = true
      return
    }
    const outage = this.outages.at(-1)
    if (!outage || outage.to !== null) this.outages.push({ from: Date.now(), to: null })
    this.failures++
    this.at = (this.at + 1) % this.targets.length
    this.retry = setTimeout(() => this.connect(), reconnectDelayMs(this.failures))
  }

  /** Writes one ~200-byte map entry carrying the writer's id, a sequence number and the time. */
  write(writer: number): number {
    this.writerDoc ??= new Y.Doc()
    const doc = this.writerDoc
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => {
      update = u
    }
    doc.on('update', capture)
    const seq = this.seq++
    const key = this.options.keepEveryWrite ? writeKey(writer, seq) : `w${writer}`
    doc.getMap('bench').set(key, [writer, seq, preciseNow(), PAD])
    doc.off('update', capture)
    if (update) this.send(updateFrame(this.target.dialect, this.room, update))
    return seq
  }

  /** Loads a document of `count` shapes (for join and cold-load scenarios). */
  fill(count: number, shapeBytes = 400): void {
    const doc = new Y.Doc()
    const records = doc.getMap('records')
    const pad = 'p'.repeat(shapeBytes)
    for (let start = 0; start < count; start += 500) {
      let update: Uint8Array | null = null
      const capture = (u: Uint8Array) => {
        update = u
      }
      doc.on('update', capture)
      doc.transact(() => {
        for (let i = start; i < Math.min(count, start + 500); i++)
          records.set(`shape:${i}`, noteRecord(`shape:${i}`, pad))
      })
      doc.off('update', capture)
      if (update) this.send(updateFrame(this.target.dialect, this.room, update))
    }
  }

  /** Shapes in the decoded document (with `decode`). */
  shapeCount(): number {
    return this.doc.getMap('records').size
  }

  /** The decoded document (with `decode` or `probe`). */
  get document(): Y.Doc {
    return this.doc
  }

  moveCursor(): void {
    const state = `{"user":{"name":"Deltagare ${this.clientId % 1000}","color":"#e03131"},"cursor":{"x":${Math.round(Math.random() * 2000)},"y":${Math.round(Math.random() * 1000)}}}`
    this.send(
      awarenessFrame(this.target.dialect, this.room, this.clientId, ++this.awarenessClock, state),
    )
  }

  private send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame)
  }

  private rawSocket(ws: WebSocket): import('node:net').Socket {
    return (ws as unknown as { _socket: import('node:net').Socket })._socket
  }

  private freeze(ws: WebSocket): void {
    this.rawSocket(ws).pause()
  }

  private readLean(ws: WebSocket): void {
    const socket = this.rawSocket(ws)
    socket.removeAllListeners('data')
    socket.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length
    })
  }

  /**
   * Every frame read by ServerFrameReader from the start (ws has not buffered any yet when
   * 'open' fires), answering the server's pings so that a heartbeat does not cut it off.
   */
  private readFrames(ws: WebSocket, started: number): void {
    const socket = this.rawSocket(ws)
    socket.removeAllListeners('data')
    const reader = new ServerFrameReader(
      (payload) => this.onMessage(ws, payload, started),
      (payload) => ws.pong(payload),
      () => ws.terminate(),
    )
    socket.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length
      reader.push(chunk)
    })
  }

  close(): void {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    this.ws.terminate()
    this.doc.destroy()
    this.writerDoc?.destroy()
  }
}
