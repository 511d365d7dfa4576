const OPCODE_CLOSE = 0x8
const OPCODE_PING = 0x9

/**
 * A server's WebSocket frames read straight off the TCP socket, for receivers that must see
 * every message but cannot afford ws's parser (see `lean` in client.ts). Server frames are
 * never masked, so a frame is a 2-, 4- or 10-byte header and its payload.
 */
export class ServerFrameReader {
  private rest: Buffer | null = null
  private fragments: Buffer[] = []

  constructor(
    private readonly onMessage: (payload: Buffer) => void,
    private readonly onPing: (payload: Buffer) => void,
    private readonly onClose: () => void,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk
    let pos = 0
    for (;;) {
      const available = buf.length - pos
      if (available < 2) break
      const b0 = buf[pos] as number
      let length = (buf[pos + 1] as number) & 0x7f
      let header = 2
      if (length === 126) {
        if (available < 4) break
        length = buf.readUInt16BE(pos + 2)
        header = 4
      } else if (length === 127) {
        if (available < 10) break
        length = Number(buf.readBigUInt64BE(pos + 2))
        header = 10
      }
      if (available < header + length) break
      const payload = buf.subarray(pos + header, pos + header + length)
      pos += header + length
      const opcode = b0 & 0x0f
      if (opcode === OPCODE_PING) this.onPing(payload)
      else if (opcode === OPCODE_CLOSE) this.onClose()
      else if (opcode < 0x8) this.dataFrame(payload, (b0 & 0x80) !== 0)
    }
    this.rest = pos < buf.length ? buf.subarray(pos) : null
  }

  private dataFrame(payload: Buffer, fin: boolean): void {
    this.fragments.push(payload)
    if (!fin) return
    const message = this.fragments.length === 1 ? payload : Buffer.concat(this.fragments)
    this.fragments = []
    this.onMessage(message)
  }
}
