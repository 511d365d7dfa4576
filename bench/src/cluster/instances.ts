import fs from 'node:fs'
import { cpuSeconds } from '../procstat.ts'
import { startTarget, type Target } from '../targets.ts'

export type ClusterKind = 'samla' | 'hocuspocus'

export interface ClusterSpec {
  kind: ClusterKind
  instances: number
  /**
   * Samla only. `sqlite`: one instance on its own SQLite file, without PostgreSQL or Redis
   * (Samla refuses SAMLA_REDIS_URL without SAMLA_DATABASE_URL), to check the harness before
   * Samla's multi-instance mode exists.
   */
  samlaStorage: 'postgres' | 'sqlite'
  databaseUrl: string
  redisUrl: string
  /** Samla's bundle, if not this checkout's server/dist/main.js. */
  samlaEntry?: string
}

/** How a cluster is named in the report. */
export const clusterLabel = (spec: Pick<ClusterSpec, 'kind' | 'samlaStorage'>) =>
  spec.kind === 'samla' && spec.samlaStorage === 'sqlite' ? 'samla (sqlite, 1 instance)' : spec.kind

/**
 * A cluster's instances, each its own process on its own port. Slots keep their port across
 * a restart, so that clients trying it again find it; their CPU counts across restarts too.
 */
export class Cluster {
  private readonly cpuOfGone: number[]
  private readonly alive: boolean[]
  /** Instances that exited without being killed or stopped (a crash on losing Redis, say). */
  unexpectedExits = 0

  private constructor(
    readonly spec: ClusterSpec,
    readonly targets: Target[],
  ) {
    this.cpuOfGone = targets.map(() => 0)
    this.alive = targets.map(() => true)
    for (const [slot, t] of targets.entries()) this.watch(t, slot)
  }

  private watch(target: Target, slot: number): void {
    target.exited.then(() => {
      if (this.targets[slot] !== target || !this.alive[slot]) return
      this.alive[slot] = false
      this.unexpectedExits++
    })
  }

  static async start(spec: ClusterSpec): Promise<Cluster> {
    const count = spec.kind === 'samla' && spec.samlaStorage === 'sqlite' ? 1 : spec.instances
    const targets: Target[] = []
    try {
      // One after another: the first Samla instance migrates the fresh database.
      for (let i = 0; i < count; i++) targets.push(await startInstance(spec))
    } catch (err) {
      await Promise.all(targets.map((t) => t.stop()))
      throw err
    }
    return new Cluster(spec, targets)
  }

  /** The slot a client is on, from the URL it is connected (or connecting) to. */
  slotOf(target: Target): number {
    return this.targets.findIndex((t) => t.url === target.url)
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] ?? false
  }

  /** CPU seconds of the slot's processes; one that crashed counts until it was last read. */
  cpuSeconds(slot: number): number {
    const target = this.targets[slot]
    const gone = this.cpuOfGone[slot] ?? 0
    if (!target || !this.alive[slot]) return gone
    try {
      return gone + cpuSeconds(target.pid)
    } catch {
      return gone
    }
  }

  async kill(slot: number): Promise<void> {
    const target = this.targets[slot]
    if (!target || !this.alive[slot]) return
    this.cpuOfGone[slot] = this.cpuSeconds(slot)
    this.alive[slot] = false
    process.kill(target.pid, 'SIGKILL')
    await target.exited
  }

  /** Starts the slot again on its port (and, for SQLite, on its data directory). */
  async restart(slot: number): Promise<void> {
    const old = this.targets[slot]
    if (!old || this.alive[slot]) return
    const port = Number(new URL(old.url).port)
    const target = await startInstance(this.spec, { port, dataDir: old.dataDir })
    this.targets[slot] = target
    this.alive[slot] = true
    this.watch(target, slot)
  }

  /** Stops every instance gracefully (each stores what it holds), keeping Samla's data. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.targets.map(async (t, slot) => {
        if (!this.alive[slot]) return
        this.cpuOfGone[slot] = this.cpuSeconds(slot)
        this.alive[slot] = false
        await t.stop()
      }),
    )
  }

  async stop(): Promise<void> {
    await this.stopAll()
    for (const t of this.targets)
      if (t.dataDir) fs.rmSync(t.dataDir, { recursive: true, force: true })
  }
}

async function startInstance(
  spec: ClusterSpec,
  where: { port?: number; dataDir?: string } = {},
): Promise<Target> {
  if (spec.kind === 'hocuspocus') {
    return startTarget('hocuspocus-cluster', {
      port: where.port,
      env: { DATABASE_URL: spec.databaseUrl, REDIS_URL: spec.redisUrl },
    })
  }
  const env: Record<string, string> =
    spec.samlaStorage === 'postgres'
      ? { SAMLA_DATABASE_URL: spec.databaseUrl, SAMLA_REDIS_URL: spec.redisUrl }
      : {}
  return startTarget('samla', {
    port: where.port,
    dataDir: where.dataDir,
    keepData: true,
    env,
    samlaEntry: spec.samlaEntry,
  })
}
