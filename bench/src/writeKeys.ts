/**
 * When every write is kept (a document read back must show which writes it holds), each goes
 * under its own map key. The key is in the frame's bytes as written (Yjs writes a new map
 * entry's key as a plain string), so a receiver finds every write in any frame, live update or
 * catch-up, by a byte search instead of decoding Yjs.
 */
export const writeKey = (writer: number, seq: number) => `#${writer}:${seq}#`

const HASH = 0x23
const COLON = 0x3a

/** Calls `seen` for each write key in `bytes`. */
export function scanWriteKeys(bytes: Uint8Array, seen: (writer: number, seq: number) => void) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = buf.indexOf(HASH)
  while (at !== -1) {
    const writer = readDigits(buf, at + 1)
    if (writer && buf[writer.end] === COLON) {
      const seq = readDigits(buf, writer.end + 1)
      if (seq && buf[seq.end] === HASH) {
        seen(writer.value, seq.value)
        at = buf.indexOf(HASH, seq.end + 1)
        continue
      }
    }
    at = buf.indexOf(HASH, at + 1)
  }
}

/** Parses a write key back into its writer and sequence number. */
export function parseWriteKey(key: string): { writer: number; seq: number } | null {
  const match = /^#(\d+):(\d+)#$/.exec(key)
  return match ? { writer: Number(match[1]), seq: Number(match[2]) } : null
}

function readDigits(buf: Buffer, start: number): { value: number; end: number } | null {
  let end = start
  let value = 0
  while (end < buf.length && end - start < 10) {
    const c = buf[end] as number
    if (c < 0x30 || c > 0x39) break
    value = value * 10 + (c - 0x30)
    end++
  }
  return end > start ? { value, end } : null
}
