import { relayProfiles } from '../relayProfiles.ts'
import { runRelay } from '../relayScenario.ts'
import { percentile, round } from '../stats.ts'
import { startTarget } from '../targets.ts'
import type { Cluster } from './instances.ts'
import {
  allEqual,
  type InstanceDocument,
  missingFrom,
  readEveryInstance,
  readInstance,
} from './readBack.ts'
import type { RedisServer } from './redis.ts'
import type { RoomLoadSpec, RoomRun } from './roomLoad.ts'
import { runRoom } from './roomLoad.ts'

export interface ScenarioContext {
  load: RoomLoadSpec
  redis: RedisServer
  /** How long to wait, at most, after the load for what was sent to arrive. */
  drainMs: number
  /** The same after a disruption (an instance killed, Redis restarted). */
  catchUpMs: number
  redisDownMs: number
}

export interface RoomSummary {
  deliveredPercent: number
  /** Deliveries (a write at a client) that never happened: a rounded 100 % may hide a few. */
  missingDeliveries: number
  crossP50: number
  crossP99: number
  sameP99: number
  crossSamples: number
  bytesPerClientKiB: number
  cpuPerInstance: number[]
  loadCpuSeconds: number
  redisCpuSeconds: number | null
  /** Every live instance, read by a fresh client each, holds the same document. */
  instancesEqual: boolean
  instancesRead: number
  /** Acknowledged writes missing from the document, on the instance missing most. */
  acknowledgedLost: number
  /** The same in the sync step 2 alone, before what the instance sent after it. */
  acknowledgedMissingAtSync: number
  /** The longest an instance went on sending updates after a fresh client's sync step 2. */
  settleMs: number
  acknowledged: number
  sent: number
  /** Instances that exited by themselves during the scenario. */
  unexpectedExits: number
}

function summarize(cluster: Cluster, run: RoomRun, docs: InstanceDocument[]): RoomSummary {
  const acknowledged = run.ledger.acknowledgedWrites()
  const delivered = run.ledger.delivered()
  const expected = run.ledger.expected()
  return {
    deliveredPercent: round((100 * delivered) / Math.max(1, expected), 2),
    missingDeliveries: expected - delivered,
    crossP50: round(percentile(run.crossLatencies, 50), 2),
    crossP99: round(percentile(run.crossLatencies, 99), 2),
    sameP99: round(percentile(run.sameLatencies, 99), 2),
    crossSamples: run.crossLatencies.length,
    bytesPerClientKiB: round(run.bytesReceived / run.clients.length / 1024),
    cpuPerInstance: run.cpuPerInstance.map((s) => round(s, 2)),
    loadCpuSeconds: round(run.loadCpuSeconds, 2),
    redisCpuSeconds: run.redisCpuSeconds === null ? null : round(run.redisCpuSeconds, 2),
    instancesEqual: allEqual(docs),
    instancesRead: docs.length,
    acknowledgedLost: Math.max(0, ...docs.map((d) => missingFrom(d, acknowledged))),
    acknowledgedMissingAtSync: Math.max(
      0,
      ...docs.map((d) => missingFrom(d, acknowledged, 'atSync')),
    ),
    settleMs: Math.max(0, ...docs.map((d) => d.settleMs)),
    acknowledged: acknowledged.length,
    sent: run.ledger.sent.reduce((a, b) => a + b, 0),
    unexpectedExits: cluster.unexpectedExits,
  }
}

async function finish(cluster: Cluster, room: string, run: RoomRun): Promise<RoomSummary> {
  try {
    return summarize(cluster, run, await readEveryInstance(cluster, room))
  } finally {
    for (const c of run.clients) c.close()
  }
}

/** 1. One room over every instance, nothing going wrong. */
export async function steadyRoom(cluster: Cluster, ctx: ScenarioContext): Promise<RoomSummary> {
  const room = await cluster.targets[0]?.createRoom()
  if (!room) throw new Error('no instance')
  const run = await runRoom(cluster, room, ctx.load, { drainMs: ctx.drainMs, redis: ctx.redis })
  return finish(cluster, room, run)
}

export interface KilledSummary extends RoomSummary {
  displacedClients: number
  /** From the SIGKILL until a displaced client had synced again, p50 and the last one. */
  backP50Ms: number
  backMaxMs: number
  notBack: number
  /** Own writes the instances they moved to lacked, sent again by the writers. */
  resentWrites: number
  /**
   * Of those, writes another client had already seen: what the cluster itself had lost, which
   * only the writer still being there brought back.
   */
  acknowledgedLacked: number
  /** Acknowledged writes missing after every instance was stopped and one started again. */
  lostAfterColdStart: number
}

/**
 * 2. One instance SIGKILLed halfway; its clients move on to the next instance in their list.
 * A cluster of one (Samla on SQLite) has nowhere to move: its instance is started again at
 * once on the same port and data, and the clients retry it.
 */
export async function instanceKilled(
  cluster: Cluster,
  ctx: ScenarioContext,
): Promise<KilledSummary> {
  const room = await cluster.targets[0]?.createRoom()
  if (!room) throw new Error('no instance')
  const victim = cluster.targets.length > 1 ? 1 : 0
  let killedAt = 0
  const kill = async () => {
    killedAt = Date.now()
    await cluster.kill(victim)
    if (cluster.targets.length === 1) await cluster.restart(victim)
  }
  const run = await runRoom(cluster, room, ctx.load, {
    drainMs: ctx.catchUpMs,
    events: [{ atMs: (ctx.load.seconds * 1000) / 2, run: kill }],
    redis: ctx.redis,
  })
  const outages = run.clients.flatMap((c) => c.outages.filter((o) => o.from >= killedAt))
  const back = outages.flatMap((o) => (o.to === null ? [] : [o.to - killedAt]))
  let resentWrites = 0
  let acknowledgedLacked = 0
  for (let w = 0; w < ctx.load.writers; w++) {
    for (const { at, from, to } of run.clients[w]?.lacked ?? []) {
      resentWrites += to - from
      for (let seq = from; seq < to; seq++)
        if (run.ledger.acknowledgedBy(w, seq, at)) acknowledgedLacked++
    }
  }
  const summary = await finish(cluster, room, run)
  await cluster.stopAll()
  await cluster.restart(0)
  const cold = await readInstance(cluster, 0, room)
  return {
    ...summary,
    displacedClients: run.clients.filter((c) => c.outages.some((o) => o.from >= killedAt)).length,
    backP50Ms: round(percentile(back, 50)),
    backMaxMs: round(percentile(back, 100)),
    notBack: outages.length - back.length,
    resentWrites,
    acknowledgedLacked,
    lostAfterColdStart: missingFrom(cold, run.ledger.acknowledgedWrites()),
  }
}

/** 3. Redis shut down halfway (`shutdown nosave`) and started again `redisDownMs` later. */
export async function redisRestarted(cluster: Cluster, ctx: ScenarioContext): Promise<RoomSummary> {
  const room = await cluster.targets[0]?.createRoom()
  if (!room) throw new Error('no instance')
  const run = await runRoom(cluster, room, ctx.load, {
    drainMs: ctx.catchUpMs,
    events: [
      { atMs: (ctx.load.seconds * 1000) / 2, run: () => ctx.redis.restart(ctx.redisDownMs) },
    ],
    redis: ctx.redis,
  })
  return finish(cluster, room, run)
}

export interface StorageSummary {
  postgres: { p99: number; delivered: number } | { error: string }
  sqlite: { p99: number; delivered: number }
}

/**
 * 4. `pnpm bench`'s s150 room on one Samla instance, on PostgreSQL (no Redis: one instance
 * needs no bus) and on its SQLite file.
 */
export async function storageCompared(
  databaseUrl: string,
  seconds: number,
  samlaEntry?: string,
): Promise<StorageSummary> {
  const s150 = relayProfiles(seconds).find((p) => p.id === 's150')
  if (!s150) throw new Error('no s150 profile')
  const onSqlite = await startTarget('samla', { samlaEntry })
  const { p99, delivered } = await runRelay(onSqlite, s150).finally(() => onSqlite.stop())
  const sqlite = { p99, delivered }
  let onPostgres: Awaited<ReturnType<typeof startTarget>>
  try {
    onPostgres = await startTarget('samla', {
      env: { SAMLA_DATABASE_URL: databaseUrl },
      samlaEntry,
    })
  } catch (err) {
    return { postgres: { error: err instanceof Error ? err.message : String(err) }, sqlite }
  }
  const postgres = await runRelay(onPostgres, s150).finally(() => onPostgres.stop())
  return { postgres: { p99: postgres.p99, delivered: postgres.delivered }, sqlite }
}
