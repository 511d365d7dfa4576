import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { authFrame, awarenessFrame, syncStep1Frame, updateFrame } from './frames.ts'
import { noteRecord } from './noteRecord.ts'
import { roomUrl, type Target } from './targets.ts'

const SYNC = 0
const SYNC_REPLY = 4 // Hocuspocus answers sync step 1 with this type
const STEP2 = 1
const UPDATE = 2
const PAD = 'x'.repeat(160)

/**
 * Writers and probes share the load generator's process, so one clock with sub-millisecond
 * resolution serves both (Date.now() would round every latency to whole milliseconds).
 */
const preciseNow = () => performance.timeOrigin + performance.now()

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
   * receivers the generator, not the server, would be what the latency measures.
   */
  lean?: boolean
}

/** One simulated participant speaking the raw protocol. */
export class LoadClient {
  readonly clientId = 1 + Math.floor(Math.random() * 2 ** 31)
  bytesReceived = 0
  messagesReceived = 0
  /** Milliseconds from starting to connect until sync step 2 arrived. */
  readonly synced: Promise<number>
  private readonly ws: WebSocket
  private readonly doc = new Y.Doc()
  private writerDoc: Y.Doc | null = null
  private awarenessClock = 0
  private seq = 0
  closed = false

  constructor(
    private readonly target: Target,
    private readonly room: string,
    options: ClientOptions = {},
  ) {
    const started = performance.now()
    this.ws = new WebSocket(roomUrl(target, room), {
      perMessageDeflate: false,
      maxPayload: 512 * 1024 * 1024,
    })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('close', () => {
      this.closed = true
    })
    this.ws.on('error', () => {})
    this.synced = new Promise((resolve, reject) => {
      this.ws.once('error', reject)
      this.ws.on('open', () => {
        if (target.dialect === 'hocuspocus') this.ws.send(authFrame(room))
        this.ws.send(syncStep1Frame(target.dialect, room, this.doc))
      })
      this.ws.on('message', (data: Buffer) => {
        this.bytesReceived += data.length
        this.messagesReceived++
        const decoder = decoding.createDecoder(data)
        if (target.dialect === 'hocuspocus') decoding.readVarString(decoder)
        const type = decoding.readVarUint(decoder)
        if (type !== SYNC && type !== SYNC_REPLY) return
        const syncType = decoding.readVarUint(decoder)
        if (syncType === STEP2) {
          resolve(performance.now() - started)
          if (options.neverRead) this.freeze()
          else if (options.lean) this.readLean()
        }
        if ((options.probe || options.decode) && (syncType === STEP2 || syncType === UPDATE)) {
          Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder))
        }
      })
    })
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
    doc.getMap('bench').set(`w${writer}`, [writer, seq, preciseNow(), PAD])
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

  moveCursor(): void {
    const state = `{"user":{"name":"Deltagare ${this.clientId % 1000}","color":"#e03131"},"cursor":{"x":${Math.round(Math.random() * 2000)},"y":${Math.round(Math.random() * 1000)}}}`
    this.send(
      awarenessFrame(this.target.dialect, this.room, this.clientId, ++this.awarenessClock, state),
    )
  }

  private send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame)
  }

  private get rawSocket(): import('node:net').Socket {
    return (this.ws as unknown as { _socket: import('node:net').Socket })._socket
  }

  private freeze(): void {
    this.rawSocket.pause()
  }

  private readLean(): void {
    const socket = this.rawSocket
    socket.removeAllListeners('data')
    socket.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length
    })
  }

  close(): void {
    this.ws.terminate()
    this.doc.destroy()
    this.writerDoc?.destroy()
  }
}
