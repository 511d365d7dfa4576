import type { ClientConfig } from '@samla/shared'
import { Hono } from 'hono'
import type { Config } from '../config.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { SamlaStore } from '../storage/store.ts'

const HEALTH_TIMEOUT_MS = 2000

/** 'up' when `check` answers within the timeout; a load balancer asks often and must not hang. */
async function stateOf(check: () => Promise<void>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS)
  })
  try {
    await Promise.race([check(), timeout])
    return 'up'
  } catch {
    return 'down'
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Health for load balancers and tests (503 when the database, or Redis where there is one,
 * does not answer: send no one here); run-time client config (the tldraw license key).
 */
export function metaRoutes(
  config: Config,
  rooms: RoomManager,
  store: SamlaStore,
  bus?: { ping(): Promise<void> },
) {
  return (
    new Hono()
      .get('/health', async (c) => {
        const { rss, heapUsed } = process.memoryUsage()
        const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
        const [database, redis] = await Promise.all([
          stateOf(() => store.ping()),
          bus ? stateOf(() => bus.ping()) : Promise.resolve(null),
        ])
        const ok = database === 'up' && redis !== 'down'
        c.header('Cache-Control', 'no-store')
        return c.json(
          {
            status: ok ? 'ok' : 'unavailable',
            database: { kind: store.kind, state: database },
            redis,
            rooms: rooms.loadedCount,
            memory: { rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) },
          },
          ok ? 200 : 503,
        )
      })
      // Timers count down in the server's clock; each device measures its offset from this.
      .get('/time', (c) => {
        c.header('Cache-Control', 'no-store')
        return c.json({ now: Date.now() })
      })
      .get('/config', (c) => {
        const body: ClientConfig = {
          tldrawLicenseKey: config.tldrawLicenseKey ?? null,
          maxMessageBytes: config.maxMessageBytes,
          maxNoteChars: config.limits.maxNoteChars,
          organisation: config.organisation,
          retentionDays: config.retentionDays ?? null,
        }
        c.header('Cache-Control', 'no-store')
        return c.json(body)
      })
  )
}
