import crypto from 'node:crypto'
import { redisAttemptCounters } from '../../src/cluster/redisAttempts.ts'
import { RedisBus } from '../../src/cluster/redisBus.ts'
import { createLogger } from '../../src/logger.ts'
import { startTestServer, type TestServer } from '../helpers.ts'
import { freshPostgresDatabase } from '../postgres.ts'
import { LossyBus } from './lossyBus.ts'

/** The i-th element, which the test knows is there (an instance, a bus). */
export function at<T>(list: readonly T[], i: number): T {
  const found = list[i]
  if (found === undefined) throw new Error(`no element ${i}`)
  return found
}

export const REDIS_URL = process.env.SAMLA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface Cluster {
  servers: TestServer[]
  /** Each instance's bus, through which faults can be put in. */
  buses: LossyBus[]
  databaseUrl: string
  dispose(): Promise<void>
}

/**
 * `n` Samla instances in this process on random ports, sharing a fresh PostgreSQL database and
 * the machine's Redis, as several processes behind a load balancer would.
 */
export async function startCluster(
  n: number,
  env: Record<string, string> = {},
  redisUrl = REDIS_URL,
): Promise<Cluster> {
  const database = await freshPostgresDatabase()
  const servers: TestServer[] = []
  const buses: LossyBus[] = []
  // Counts of this cluster alone: a run a minute ago left its own in the shared Redis.
  const prefix = `samla-test:${crypto.randomUUID()}`
  try {
    for (let i = 0; i < n; i++) {
      const redis = await RedisBus.connect(redisUrl, createLogger('silent'))
      const bus = new LossyBus(redis)
      buses.push(bus)
      servers.push(
        await startTestServer(
          { SAMLA_DATABASE_URL: database.url, SAMLA_REDIS_URL: redisUrl, ...env },
          undefined,
          // Limits count in Redis as a server with its own Redis bus counts them.
          { bus, counters: redisAttemptCounters(redis.commands, createLogger('silent'), prefix) },
        ),
      )
    }
  } catch (err) {
    for (const server of servers) await server.dispose()
    await database.drop()
    throw err
  }
  return {
    servers,
    buses,
    databaseUrl: database.url,
    async dispose() {
      for (const server of servers) await server.dispose()
      await database.drop()
    },
  }
}
