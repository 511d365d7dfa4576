import {
  bigUpdates,
  deepAnyUpdate,
  deepContentJsonUpdate,
  pendingUpdate,
  updateMessage,
} from './hostileFrames.ts'
import type { FloodContext, FloodScenario } from './runScenario.ts'
import { floodWindow } from './timing.ts'

const KiB = 1024
const MiB = 1024 * KiB
/** Room for the update's and the message's headers within the stated size. */
const HEADROOM = 64
const PENDING_UPDATES = 40
const PENDING_BYTES = 6 * MiB
const BIG_UPDATES = 200
const BIG_BYTES = 512 * KiB
const DEEP_ANY_DEPTH = 5000
const DEEP_JSON_DEPTH = 100_000
const UNLOAD_TIMEOUT_MS = 60_000

/**
 * Sends `count` frames from one socket, one after the other (each once written to the
 * kernel), building each just before it goes so that the bench holds one at a time.
 * Stops early at the flood's cap or if the server drops the socket.
 */
async function sendInTurn(
  ctx: FloodContext,
  count: number,
  build: (i: number) => Uint8Array,
): Promise<{ sent: number; mib: number; seconds: number }> {
  const started = performance.now()
  const [socket] = await ctx.attackers.open(ctx.attackUrl, 1)
  // A server that stopped reading must not hold the bench past the window.
  const aborted = new Promise<boolean>((resolve) =>
    ctx.signal.addEventListener('abort', () => resolve(false), { once: true }),
  )
  let sent = 0
  let bytes = 0
  while (socket && sent < count && !ctx.signal.aborted) {
    const frame = build(sent)
    if (!(await Promise.race([socket.send(frame), aborted]))) break
    sent++
    bytes += frame.length
  }
  return {
    sent,
    mib: Math.round(bytes / MiB),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }
}

/**
 * All `count` frames, however long the server takes to read them (up to the flood's cap),
 * and at least for the window: a flood bounded by its count, not cut short by the clock.
 */
async function sendAll(ctx: FloodContext, count: number, build: (i: number) => Uint8Array) {
  const windowEnded = floodWindow(ctx.signal, ctx.floodMs)
  const sent = await sendInTurn(ctx, count, build)
  await windowEnded
  ctx.note('frames sent', `${sent.sent}/${count}`)
  ctx.note('MiB sent', sent.mib)
  ctx.note('sending took s', sent.seconds)
}

const pendingBomb = (id: string, attackerRole?: 'participant'): FloodScenario => ({
  id,
  title: `${PENDING_UPDATES} updates of 6 MiB missing their clock 0${attackerRole ? ' (participant link)' : ''}`,
  attackerRole,
  flood: (ctx) =>
    sendAll(ctx, PENDING_UPDATES, (i) =>
      updateMessage(pendingUpdate(ctx.map, `bomb-${i}`, PENDING_BYTES - HEADROOM)),
    ),
})

/** One update, then the window runs out with the attacker connected and silent. */
const oneUpdate = (
  id: string,
  title: string,
  build: (ctx: FloodContext) => Uint8Array,
): FloodScenario => ({
  id,
  title,
  async flood(ctx) {
    const frame = updateMessage(build(ctx))
    const [socket] = await ctx.attackers.open(ctx.attackUrl, 1)
    ctx.note('frame bytes', frame.length)
    ctx.note('sent', (await socket?.send(frame)) ?? false)
    await floodWindow(ctx.signal, ctx.floodMs)
  },
})

export const documentFloods: FloodScenario[] = [
  pendingBomb('pending-bomb'),
  pendingBomb('pending-bomb-participant', 'participant'),
  oneUpdate(
    'deep-json',
    `a map value nested ${DEEP_ANY_DEPTH.toLocaleString('en')} deep (ContentAny, as Y.Map#set writes)`,
    (ctx) => deepAnyUpdate(ctx.map, 'deep', DEEP_ANY_DEPTH),
  ),
  oneUpdate(
    'deep-json-content',
    `a map value nested ${DEEP_JSON_DEPTH.toLocaleString('en')} deep (ContentJSON, Yjs's legacy JSON content)`,
    (ctx) => deepContentJsonUpdate(ctx.map, 'deep', DEEP_JSON_DEPTH),
  ),
  {
    id: 'big-updates',
    title: `${BIG_UPDATES} updates of 512 KiB, then everyone leaves (unload and compaction)`,
    // On a plain board, into a map of its own: records are tldraw's, and no tldraw record
    // is 512 KiB of text. What is measured is the log this leaves, and its compaction.
    flood: (ctx) => {
      const next = bigUpdates('bench')
      return sendAll(ctx, BIG_UPDATES, (i) => updateMessage(next(`big-${i}`, BIG_BYTES - HEADROOM)))
    },
    async afterProbes(ctx) {
      ctx.attackers.terminateAll()
      await ctx.probes.leave()
      const left = performance.now()
      const unloaded = await ctx.health.until((a) => a.rooms === 0, UNLOAD_TIMEOUT_MS)
      ctx.note(
        'unloaded after s',
        unloaded ? Math.round((performance.now() - left) / 100) / 10 : 'not within 60',
      )
    },
  },
]
