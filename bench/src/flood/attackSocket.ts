import WebSocket from 'ws'

/**
 * Where attackers connect from: another loopback address than the probes' (Linux answers on
 * all of 127/8), as an attacker is not the people in the room, so per-address limits fall on
 * the attacker and not on the honest clients measured beside it.
 */
export const ATTACKER_ADDRESS = '127.0.0.2'

export interface AttackSocketOptions {
  /**
   * Stop reading once open. With thousands of sockets, reading in this process would cost
   * the bench more than the server spends writing (the kernel's buffers take a few seconds
   * of a board's traffic); close codes and pings are then not seen.
   */
  paused?: boolean
}

/**
 * One raw WebSocket of an attacker: it speaks no protocol of its own, reads (and ignores)
 * whatever the server sends, so that it is not cut off merely for not reading (unless
 * `paused`), and sends the frames it is given.
 */
export class AttackSocket {
  /** True once open; false if the connection was refused or failed. */
  readonly opened: Promise<boolean>
  /** The server's close code (not set when the bench itself ended the socket). */
  closeCode: number | null = null
  private terminated = false
  private readonly ws: WebSocket

  constructor(url: string, options: AttackSocketOptions = {}) {
    this.ws = new WebSocket(url, {
      perMessageDeflate: false,
      maxPayload: 1024 * 1024 * 1024,
      localAddress: ATTACKER_ADDRESS,
    })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('close', (code) => {
      if (!this.terminated) this.closeCode = code
    })
    this.ws.on('error', () => {}) // a refused or reset connection shows as its close
    this.opened = new Promise((resolve) => {
      this.ws.once('open', () => {
        if (options.paused) this.ws.pause()
        resolve(true)
      })
      this.ws.once('error', () => resolve(false))
      this.ws.once('close', () => resolve(false))
    })
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Bytes handed to ws and not yet written to the kernel. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  /** Sends a frame; resolves once it is written to the kernel, or false if it was not sent. */
  send(frame: Uint8Array): Promise<boolean> {
    if (!this.isOpen) return Promise.resolve(false)
    return new Promise((resolve) => this.ws.send(frame, (err) => resolve(!err)))
  }

  terminate(): void {
    this.terminated = true
    this.ws.terminate()
  }
}

/** Every socket a scenario's attacker opened, for its close codes and for the cleanup. */
export class Attackers {
  readonly sockets: AttackSocket[] = []

  /** Opens `count` sockets, `batch` at a time, until `signal` aborts; resolves with the open ones. */
  async open(
    url: string,
    count: number,
    options: AttackSocketOptions & { batch?: number; signal?: AbortSignal } = {},
  ): Promise<AttackSocket[]> {
    const opened: AttackSocket[] = []
    const batch = options.batch ?? 100
    for (let i = 0; i < count && !options.signal?.aborted; i += batch) {
      const sockets = Array.from(
        { length: Math.min(batch, count - i) },
        () => new AttackSocket(url, options),
      )
      this.sockets.push(...sockets)
      const results = await Promise.all(sockets.map((s) => s.opened))
      sockets.forEach((s, j) => {
        if (results[j]) opened.push(s)
      })
    }
    return opened
  }

  /** How often each close code was seen, e.g. { "4429": 3 }. */
  closeCodes(): Record<string, number> {
    const codes: Record<string, number> = {}
    for (const s of this.sockets) {
      if (s.closeCode !== null) codes[s.closeCode] = (codes[s.closeCode] ?? 0) + 1
    }
    return codes
  }

  get stillOpen(): number {
    return this.sockets.filter((s) => s.isOpen).length
  }

  terminateAll(): void {
    for (const s of this.sockets) s.terminate()
  }
}
