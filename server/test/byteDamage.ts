/** The ways a broken or hostile client damages a valid frame, for the fuzz tests. */
export const BYTE_DAMAGE = ['flip', 'truncate', 'insert', 'varint', 'garbage-tail'] as const
export type ByteDamage = (typeof BYTE_DAMAGE)[number]

/** `frame` damaged `how`, at position `at` (modulo its length), with `byte` where one is needed. */
export function damageBytes(
  frame: Uint8Array,
  how: ByteDamage,
  at: number,
  byte: number,
): Uint8Array {
  const i = frame.length > 0 ? at % frame.length : 0
  switch (how) {
    case 'flip': {
      const f = frame.slice()
      f[i] = (f[i] ?? 0) ^ (1 << (byte % 8))
      return f
    }
    case 'truncate':
      return frame.slice(0, i)
    case 'insert':
      return new Uint8Array([...frame.slice(0, i), byte, ...frame.slice(i)])
    case 'varint':
      // A run of continuation bits: an enormous length or clock.
      return new Uint8Array([...frame.slice(0, i), 0xff, 0xff, 0xff, 0xff, 0x7f, ...frame.slice(i)])
    default:
      return new Uint8Array([...frame, byte, byte])
  }
}
