/**
 * Asks /api/health every 100 ms, as a load balancer would, and times each answer; forked by
 * healthSampler.ts. A process of its own, so that the attacker's work in the bench's process
 * never shows up as the server's latency.
 */
import { getHealth } from './api.ts'

const EVERY_MS = 100
/** Requests still waiting when the next is due are not abandoned: a stall shows in all of them. */
const MAX_IN_FLIGHT = 10
const TIMEOUT_MS = 10_000

export type HealthReport =
  | { type: 'answer'; ms: number; rssMiB: number; rooms: number }
  /** Unanswered after `ms`: counted as that long. */
  | { type: 'timeout'; ms: number }
  | { type: 'error'; cause: string }
  | { type: 'ready' }
  | { type: 'done' }

const url = process.argv[2] ?? ''
const report = (message: HealthReport): void => {
  process.send?.(message)
}
const inFlight = new Set<Promise<void>>()

function ask(): void {
  if (inFlight.size >= MAX_IN_FLIGHT) return
  const request = getHealth(url, TIMEOUT_MS).then(
    ({ ms, rssMiB, rooms }) => report({ type: 'answer', ms, rssMiB, rooms }),
    (err: unknown) => {
      if ((err as Error).name === 'TimeoutError') return report({ type: 'timeout', ms: TIMEOUT_MS })
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
      report({ type: 'error', cause })
    },
  )
  const tracked: Promise<void> = request.finally(() => inFlight.delete(tracked))
  inFlight.add(tracked)
}

process.on('disconnect', () => process.exit(0))
let timer: NodeJS.Timeout | undefined
process.on('message', async (message: { type: 'start' | 'stop' }) => {
  if (message.type === 'start') {
    timer = setInterval(ask, EVERY_MS)
    return ask()
  }
  clearInterval(timer)
  await Promise.all(inFlight)
  report({ type: 'done' })
  process.disconnect()
})
report({ type: 'ready' })
