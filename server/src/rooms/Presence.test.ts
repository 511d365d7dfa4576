import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { Connection, type RoomSocket } from './Connection.ts'
import { Presence } from './Presence.ts'
import { MAX_TICK_MS, MIN_TICK_MS, presenceTickMs } from './presenceTick.ts'
import { SharedFrame } from './SharedFrame.ts'

const socket = (): RoomSocket & { sent: Uint8Array[]; bufferedAmount: number } => {
  const s = {
    sent: [] as Uint8Array[],
    bufferedAmount: 0,
    send: (d: Uint8Array) => s.sent.push(d),
    close: () => {},
  }
  return s
}
const conn = () => new Connection(socket(), 1 << 20, () => {})

/** client id → [clock, state text] of an awareness frame. */
function read(frame: Uint8Array | null): Map<number, [number, string]> {
  const out = new Map<number, [number, string]>()
  if (!frame) return out
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  const p = decoding.createDecoder(decoding.readVarUint8Array(d))
  const n = decoding.readVarUint(p)
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(p)
    const clock = decoding.readVarUint(p)
    out.set(id, [clock, decoding.readVarString(p)])
  }
  return out
}

describe('Presence', () => {
  it('sends only the latest state of each changed client in one frame', () => {
    const p = new Presence()
    const c = conn()
    p.apply([{ clientId: 1, clock: 1, state: '{"x":1}' }], c, 0)
    p.apply([{ clientId: 1, clock: 2, state: '{"x":2}' }], c, 0)
    p.apply([{ clientId: 2, clock: 1, state: '{"x":9}' }], c, 0)
    expect(read(p.takeChanges())).toEqual(
      new Map([
        [1, [2, '{"x":2}']],
        [2, [1, '{"x":9}']],
      ]),
    )
    expect(p.takeChanges()).toBeNull()
    expect(c.awarenessClients).toEqual(new Set([1, 2]))
  })

  it('ignores stale clocks, accepts a removal at the same clock', () => {
    const p = new Presence()
    const c = conn()
    p.apply([{ clientId: 1, clock: 5, state: '{"a":1}' }], c, 0)
    p.takeChanges()
    p.apply([{ clientId: 1, clock: 4, state: '{"a":0}' }], c, 0)
    expect(p.takeChanges()).toBeNull()
    p.apply([{ clientId: 1, clock: 5, state: 'null' }], c, 0)
    expect(read(p.takeChanges()).get(1)).toEqual([5, 'null'])
    expect(p.size).toBe(0)
    expect(c.awarenessClients.size).toBe(0)
  })

  it('removes a closed connection’s clients with a higher clock, and expires silent ones', () => {
    const p = new Presence()
    const a = conn()
    p.apply([{ clientId: 7, clock: 3, state: '{}' }], a, 0)
    p.apply([{ clientId: 8, clock: 1, state: '{}' }], conn(), 0)
    p.takeChanges()
    p.removeClients(a.awarenessClients, 1)
    expect(read(p.takeChanges()).get(7)).toEqual([4, 'null'])
    p.expire(40_000, 30_000)
    expect(read(p.takeChanges()).get(8)).toEqual([2, 'null'])
    expect(p.snapshot()).toBeNull()
  })

  it('snapshots every present client for newcomers', () => {
    const p = new Presence()
    p.apply(
      [
        { clientId: 1, clock: 1, state: '{"n":"Astrid"}' },
        { clientId: 2, clock: 1, state: 'null' },
      ],
      conn(),
      0,
    )
    expect([...read(p.snapshot()).keys()]).toEqual([1])
  })
})

describe('presence for slow readers', () => {
  it('skips presence while a reader is behind and sends one snapshot when it has caught up', () => {
    const s = socket()
    const c = new Connection(s, 1000, () => {})
    const snapshot = new Uint8Array([1, 0])
    c.sendPresence(new SharedFrame(new Uint8Array([1])), () => snapshot)
    expect(s.sent).toHaveLength(1)
    s.bufferedAmount = 300 // past a quarter of the cap
    c.sendPresence(new SharedFrame(new Uint8Array([1])), () => snapshot)
    expect(s.sent).toHaveLength(1)
    // Document updates still go out while presence is being skipped.
    c.send(new Uint8Array([0, 2]))
    expect(s.sent).toHaveLength(2)
    s.bufferedAmount = 0
    c.sendPresence(new SharedFrame(new Uint8Array([1, 9])), () => snapshot)
    expect(s.sent.at(-1)).toBe(snapshot)
  })
})

describe('presenceTickMs', () => {
  it('keeps small rooms smooth and bounds what each receiver gets in large ones', () => {
    expect(presenceTickMs(2, 450)).toBe(MIN_TICK_MS)
    expect(presenceTickMs(30, 450)).toBe(67)
    expect(presenceTickMs(300, 450)).toBe(667)
    expect(presenceTickMs(100_000, 450)).toBe(MAX_TICK_MS)
    // Each receiver: connections states per tick × ticks per second ≈ budget.
    const tick = presenceTickMs(300, 450)
    expect(Math.round((300 * 1000) / tick)).toBeLessThanOrEqual(450)
  })
})
