/**
 * Samla's multi-instance mode against a Hocuspocus cluster (Redis and database extensions),
 * the same room, load and seed, side by side in one run.
 *
 *   pnpm bench:cluster                                   every scenario, 600 clients, 20 s
 *   pnpm bench:cluster --clients 60 --seconds 5          a smoke run
 *   pnpm bench:cluster --only steady,killed --clusters samla
 *   pnpm bench:cluster --samla-storage sqlite            Samla as one instance on SQLite
 *   pnpm bench:cluster --samla-entry ../other/server/dist/main.js   another build of Samla
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Cluster, type ClusterKind, type ClusterSpec, clusterLabel } from './cluster/instances.ts'
import { createDatabase, ensurePostgres } from './cluster/postgres.ts'
import { RedisServer } from './cluster/redis.ts'
import { type ClusterReport, type PerCluster, renderReport } from './cluster/report.ts'
import type { RoomLoadSpec } from './cluster/roomLoad.ts'
import {
  instanceKilled,
  redisRestarted,
  type ScenarioContext,
  steadyRoom,
  storageCompared,
} from './cluster/scenarios.ts'

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'steady,killed,redis,storage' },
    clusters: { type: 'string', default: 'samla,hocuspocus' },
    clients: { type: 'string', default: '600' },
    seconds: { type: 'string', default: '20' },
    instances: { type: 'string', default: '3' },
    writers: { type: 'string', default: '20' },
    'writes-per-second': { type: 'string', default: '5' },
    'cursor-hz': { type: 'string', default: '5' },
    /** `all`: every client moves a cursor, as `pnpm bench` does; `writers`: only the writers. */
    cursors: { type: 'string', default: 'all' },
    probes: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    /** `sqlite`: Samla as one instance on SQLite, until its multi-instance mode exists. */
    'samla-storage': { type: 'string', default: 'postgres' },
    /** Samla's bundle to run instead of this checkout's server/dist/main.js (another build). */
    'samla-entry': { type: 'string' },
    'redis-port': { type: 'string' },
    'redis-down-ms': { type: 'string', default: '2000' },
    'drain-ms': { type: 'string', default: '3000' },
    'catch-up-ms': { type: 'string', default: '10000' },
    out: { type: 'string' },
  },
})

const scenarios = new Set((values.only ?? '').split(','))
const kinds = (values.clusters ?? '').split(',') as ClusterKind[]
const samlaStorage = values['samla-storage'] === 'sqlite' ? 'sqlite' : 'postgres'
const load: RoomLoadSpec = {
  clients: Number(values.clients),
  writers: Number(values.writers),
  writesPerSecond: Number(values['writes-per-second']),
  cursorHz: Number(values['cursor-hz']),
  cursors: values.cursors === 'writers' ? 'writers' : 'all',
  seconds: Number(values.seconds),
  probes: Number(values.probes),
  seed: Number(values.seed),
}
const instances = Number(values.instances)
const samlaEntry = values['samla-entry'] ? path.resolve(values['samla-entry']) : undefined
if (!(load.clients > load.writers && load.seconds > 0 && instances >= 1))
  throw new Error('--clients must exceed --writers; --seconds and --instances must be positive')

await ensurePostgres()
const database = await createDatabase()
const redis = await RedisServer.start(
  values['redis-port'] ? Number(values['redis-port']) : undefined,
)
const ctx: ScenarioContext = {
  load,
  redis,
  drainMs: Number(values['drain-ms']),
  catchUpMs: Number(values['catch-up-ms']),
  redisDownMs: Number(values['redis-down-ms']),
}
const report: ClusterReport = {
  command: `pnpm bench:cluster ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  load,
  instances,
  notes: [
    `Each instance its own process on its own port; client i starts on instance i mod ${instances} and moves to the next in its list when its connection closes. Probes: ${load.probes}, spread over the join order; latency counts only writes a probe got from a writer on another instance.`,
    `One fresh PostgreSQL database for the run, dropped at the end; a Redis of the benchmark's own on port ${redis.port} (restarting it cuts off nothing else on the machine); Redis down ${ctx.redisDownMs} ms in scenario 3. Seed ${load.seed} for both clusters.`,
    samlaStorage === 'sqlite'
      ? "Samla runs as ONE instance on SQLite (no SAMLA_DATABASE_URL, no SAMLA_REDIS_URL: Samla refuses Redis without PostgreSQL): its column checks the harness, not Samla's multi-instance mode. In scenario 2 its only instance is started again at once on the same port and data."
      : 'Samla instances: SAMLA_DATABASE_URL and SAMLA_REDIS_URL set, one after another on the fresh database.',
    `Samla's bundle: ${samlaEntry ?? 'server/dist/main.js of this checkout (pnpm build:server)'}.`,
  ],
}

/** The cluster running now, for an interrupted run to stop along with its database and Redis. */
let running: Cluster | undefined
let cleaned = false
async function cleanUp(): Promise<void> {
  if (cleaned) return
  cleaned = true
  await running?.stop().catch(() => {})
  await redis.stop().catch(() => {})
  await database.drop()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`${signal}: stopping the cluster, dropping the database`)
    cleanUp().finally(() => process.exit(130))
  })

async function onEachCluster<T>(run: (cluster: Cluster) => Promise<T>): Promise<PerCluster<T>> {
  const results: PerCluster<T> = new Map()
  for (const kind of kinds) {
    const spec: ClusterSpec = {
      kind,
      instances,
      samlaStorage,
      databaseUrl: database.url,
      redisUrl: redis.url,
      samlaEntry,
    }
    const label = clusterLabel(spec)
    try {
      running = await Cluster.start(spec)
      const result = await run(running)
      results.set(label, result)
      console.log(JSON.stringify({ cluster: label, ...result }))
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      results.set(label, { error })
      console.log(JSON.stringify({ cluster: label, error }))
    } finally {
      await running?.stop()
      running = undefined
    }
  }
  return results
}

try {
  if (scenarios.has('steady')) report.steady = await onEachCluster((c) => steadyRoom(c, ctx))
  if (scenarios.has('killed')) report.killed = await onEachCluster((c) => instanceKilled(c, ctx))
  if (scenarios.has('redis')) report.redis = await onEachCluster((c) => redisRestarted(c, ctx))
  if (scenarios.has('storage') && kinds.includes('samla')) {
    report.storage = await storageCompared(database.url, load.seconds, samlaEntry).catch(
      (err: unknown) => ({
        error: err instanceof Error ? err.message : String(err),
      }),
    )
  }
} finally {
  await cleanUp()
}

const markdown = renderReport(report)
console.log(`\n${markdown}`)
const out =
  values.out ??
  path.resolve(
    import.meta.dirname,
    `../results/cluster-${report.date.replace(' ', '-').replace(':', '')}.md`,
  )
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, markdown)
console.log(`written to ${out}`)
