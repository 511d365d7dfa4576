/**
 * Which client has seen which write. Writers are clients 0 … writers − 1 (writer w is client
 * w), and each makes at most `perWriter` writes; a write is expected at every client but its
 * writer. A write is acknowledged once any other client has seen it: then someone has acted
 * on it, and losing it afterwards is a loss a person would notice.
 */
export class DeliveryLedger {
  private readonly seen: Uint8Array[]
  /** When each write was first seen by a client other than its writer (Date.now()), or 0. */
  private readonly acknowledgedAt: Float64Array
  readonly sent: number[]

  constructor(
    readonly clients: number,
    readonly writers: number,
    readonly perWriter: number,
  ) {
    this.seen = Array.from({ length: clients }, () => new Uint8Array(writers * perWriter))
    this.acknowledgedAt = new Float64Array(writers * perWriter)
    this.sent = Array.from({ length: writers }, () => 0)
  }

  private index(writer: number, seq: number): number {
    return writer < this.writers && seq < this.perWriter ? writer * this.perWriter + seq : -1
  }

  markSeen(client: number, writer: number, seq: number): void {
    const i = this.index(writer, seq)
    if (i < 0 || client === writer) return
    const row = this.seen[client]
    if (row) row[i] = 1
    if (!this.acknowledgedAt[i]) this.acknowledgedAt[i] = Date.now()
  }

  /** Deliveries expected: every write sent, at every client but its writer. */
  expected(): number {
    return this.sent.reduce((a, b) => a + b, 0) * (this.clients - 1)
  }

  delivered(): number {
    let n = 0
    for (let c = 0; c < this.clients; c++) {
      const row = this.seen[c] as Uint8Array
      for (let w = 0; w < this.writers; w++) {
        const sent = this.sent[w] ?? 0
        for (let s = 0; s < sent; s++) n += row[w * this.perWriter + s] as number
      }
    }
    return n
  }

  /** Whether the write had been acknowledged by the given time. */
  acknowledgedBy(writer: number, seq: number, time: number): boolean {
    const at = this.acknowledgedAt[this.index(writer, seq)] ?? 0
    return at > 0 && at <= time
  }

  /** The acknowledged writes, as [writer, seq]. */
  acknowledgedWrites(): Array<[number, number]> {
    const out: Array<[number, number]> = []
    for (let w = 0; w < this.writers; w++)
      for (let s = 0; s < this.perWriter; s++)
        if (this.acknowledgedAt[w * this.perWriter + s]) out.push([w, s])
    return out
  }
}
