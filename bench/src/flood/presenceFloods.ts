import type { AttackSocket } from './attackSocket.ts'
import { awarenessMessage, deepArrayJson, manyIdsMessage, paddedState } from './hostileFrames.ts'
import type { FloodContext, FloodScenario } from './runScenario.ts'
import { floodWindow, repeatFor } from './timing.ts'

const MiB = 1024 * 1024
/** The server's frame cap (SAMLA_MAX_MESSAGE_BYTES) less room for the message's own header. */
const BIG_STATE_BYTES = 8 * MiB - 1024
const BIG_SOCKETS = 5
const BIG_STATES_PER_SECOND = 4
const MANY_IDS = 300_000
const DEEP_DEPTH = 200_000
/** Slower than the room's presence tick, so that every state is relayed, not coalesced. */
const DEEP_EVERY_MS = 500

const randomClientId = () => 1 + Math.floor(Math.random() * 2 ** 30)

/**
 * Each socket sends a new state (a higher clock, so the server takes it) on every tick; a
 * socket whose previous state is not yet written to the kernel skips the tick, so the bench
 * never buffers more than one frame per socket.
 */
async function sendStates(
  ctx: FloodContext,
  sockets: AttackSocket[],
  state: Uint8Array,
  everyMs: number,
): Promise<{ sent: number; skipped: number }> {
  const clients = sockets.map((socket) => ({ socket, id: randomClientId(), clock: 0, busy: false }))
  const counts = { sent: 0, skipped: 0 }
  await repeatFor(ctx.signal, ctx.floodMs, everyMs, () => {
    for (const c of clients) {
      if (c.busy) {
        counts.skipped++
        continue
      }
      c.busy = true
      const frame = awarenessMessage([{ clientId: c.id, clock: ++c.clock, state }])
      void c.socket.send(frame).then((ok) => {
        c.busy = false
        if (ok) counts.sent++
      })
    }
  })
  return counts
}

const presenceBig = (id: string, attackerRole?: 'projector'): FloodScenario => ({
  id,
  title: `${BIG_SOCKETS} sockets × ${BIG_STATES_PER_SECOND}/s awareness states just under 8 MiB${
    attackerRole ? ' (projector link)' : ''
  }`,
  attackerRole,
  async flood(ctx) {
    const sockets = await ctx.attackers.open(ctx.attackUrl, BIG_SOCKETS)
    const state = paddedState(BIG_STATE_BYTES)
    const { sent, skipped } = await sendStates(ctx, sockets, state, 1000 / BIG_STATES_PER_SECOND)
    ctx.note('states sent', sent)
    ctx.note('ticks skipped (socket busy)', skipped)
    ctx.note('state MiB', Math.round((state.length / MiB) * 100) / 100)
  },
})

export const presenceFloods: FloodScenario[] = [
  presenceBig('presence-big'),
  presenceBig('presence-big-projector', 'projector'),
  {
    id: 'presence-many-ids',
    title: `one frame announcing ${MANY_IDS.toLocaleString('en')} awareness client ids`,
    async flood(ctx) {
      const [socket] = await ctx.attackers.open(ctx.attackUrl, 1)
      const frame = manyIdsMessage(MANY_IDS, 1_000_000)
      ctx.note('frame bytes', frame.length)
      ctx.note('sent', (await socket?.send(frame)) ?? false)
      // The attacker stays connected (and silent): its ids stay in the room.
      await floodWindow(ctx.signal, ctx.floodMs)
    },
  },
  {
    id: 'presence-deep',
    title: `awareness state: a JSON array nested ${DEEP_DEPTH.toLocaleString('en')} deep, every ${DEEP_EVERY_MS} ms`,
    async flood(ctx) {
      const sockets = await ctx.attackers.open(ctx.attackUrl, 1)
      // The first state is only added by the receivers; each later one is compared with the
      // previous (y-protocols' equalityDeep, recursive) before it replaces it.
      const state = new TextEncoder().encode(deepArrayJson(DEEP_DEPTH))
      const { sent } = await sendStates(ctx, sockets, state, DEEP_EVERY_MS)
      ctx.note('states sent', sent)
      ctx.note('state bytes', state.length)
    },
  },
]
