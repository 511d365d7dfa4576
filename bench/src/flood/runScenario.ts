import { monitorEventLoopDelay } from 'node:perf_hooks'
import { round } from '../stats.ts'
import { createBoard, createMeeting, getHealth, type MeetingRole } from './api.ts'
import { Attackers } from './attackSocket.ts'
import { errorLine } from './children.ts'
import { HealthSampler, type HealthSummary } from './healthSampler.ts'
import { Joiner, type JoinSummary, type ProbeSummary, Probes } from './honestClients.ts'
import type { CloseCodes } from './honestMessages.ts'
import { type FloodServer, type ServerExit, startFloodServer } from './server.ts'

const PROBES = 10
const WRITE_EVERY_MS = 100
/** tldraw's map: the only one a participant may write, so probes and attackers use it. */
const MAP = 'records'
const JOIN_TIMEOUT_MS = 10_000
/** However a flood goes, its sending stops by then. */
const FLOOD_CAP_MS = 90_000

export interface FloodContext {
  server: FloodServer
  /** ws://127.0.0.1:<port>/ws/<board>, with the attacker's ?token= on a meeting's board. */
  attackUrl: string
  map: string
  /** How long a timed flood lasts. */
  floodMs: number
  /** Aborted when the flood must end (its cap, or the scenario is being torn down). */
  signal: AbortSignal
  attackers: Attackers
  probes: Probes
  health: HealthSampler
  /** A scenario-specific finding, for the table and the JSON. */
  note(key: string, value: string | number | boolean | null): void
  /** Runs when the scenario ends, whatever happened (closing raw TCP sockets, say). */
  onCleanup(fn: () => void): void
}

export interface FloodScenario {
  id: string
  title: string
  /** Attack through this role's link on a meeting's board (probes are participants there). */
  attackerRole?: Exclude<MeetingRole, 'facilitator'>
  /** The flood itself; resolves when the attacker stops sending. */
  flood(ctx: FloodContext): Promise<void>
  /** After the probes stopped writing and converged (or not), before the newcomer joins. */
  afterProbes?(ctx: FloodContext): Promise<void>
}

export interface FloodResult {
  scenario: string
  title: string
  attackerRole: string | null
  /** The server process was still running after the newcomer's join. */
  alive: boolean
  exit: ServerExit | null
  killedForMemory: boolean
  /** The error line of the server's stderr, when it died of one. */
  serverError: string | null
  rssMiB: { before: number | null; peak: number; after: number | null }
  probes: ProbeSummary | null
  health: HealthSummary | null
  joiner: JoinSummary | null
  attackerCloseCodes: CloseCodes
  /** Warnings and errors the server logged, by message. */
  serverLogged: Record<string, number>
  /**
   * The bench's own event-loop delay meanwhile. The attacker runs here (probes, joiner and
   * the /api/health sampler have processes of their own): a busy bench sends less.
   */
  benchLoopDelayMs: { p99: number; max: number }
  notes: Record<string, string | number | boolean | null>
  /** The scenario could not run to the end (set up failed, say). */
  error: string | null
  durationS: number
}

export async function runScenario(
  scenario: FloodScenario,
  options: { seconds: number; rssLimitMiB: number },
): Promise<FloodResult> {
  const started = performance.now()
  const server = await startFloodServer(options.rssLimitMiB)
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  const abort = new AbortController()
  const attackers = new Attackers()
  const cleanups: Array<() => void> = []
  const notes: FloodResult['notes'] = {}
  let probes: Probes | undefined
  let joiner: Joiner | undefined
  let health: HealthSampler | undefined
  const result: FloodResult = {
    scenario: scenario.id,
    title: scenario.title,
    attackerRole: scenario.attackerRole ?? null,
    alive: false,
    exit: null,
    killedForMemory: false,
    serverError: null,
    rssMiB: { before: null, peak: 0, after: null },
    probes: null,
    health: null,
    joiner: null,
    attackerCloseCodes: {},
    serverLogged: {},
    benchLoopDelayMs: { p99: 0, max: 0 },
    notes,
    error: null,
    durationS: 0,
  }
  try {
    const wsBase = `ws://127.0.0.1:${server.port}/ws`
    let board: string
    let probeToken: string | null = null
    let attackToken: string | null = null
    if (scenario.attackerRole) {
      const meeting = await createMeeting(server.url)
      board = meeting.boardId
      probeToken = meeting.tokens.participant
      attackToken = meeting.tokens[scenario.attackerRole]
    } else {
      board = await createBoard(server.url)
    }
    const honest = {
      wsBase,
      board,
      token: probeToken,
      probes: PROBES,
      writeEveryMs: WRITE_EVERY_MS,
      map: MAP,
    }
    probes = await Probes.start(honest)
    joiner = await Joiner.standBy(honest)
    health = await HealthSampler.start(server.url)
    result.rssMiB.before = (await getHealth(server.url, 5000)).rssMiB

    const ctx: FloodContext = {
      server,
      attackUrl: `${wsBase}/${board}${attackToken ? `?token=${attackToken}` : ''}`,
      map: MAP,
      floodMs: options.seconds * 1000,
      signal: abort.signal,
      attackers,
      probes,
      health,
      note: (key, value) => {
        notes[key] = value
      },
      onCleanup: (fn) => cleanups.push(fn),
    }
    loopDelay.enable()
    health.begin()
    probes.begin()
    const cap = setTimeout(() => abort.abort(), FLOOD_CAP_MS)
    await scenario.flood(ctx)
    clearTimeout(cap)
    result.probes = await probes.finish()
    // Before anyone leaves on purpose: these are the server's verdicts on the attacker.
    result.attackerCloseCodes = attackers.closeCodes()
    if (scenario.afterProbes) await scenario.afterProbes(ctx)
    result.joiner = await joiner.join(JOIN_TIMEOUT_MS, probes.lastSeqs)
    result.health = await health.stop()
    if (server.alive())
      result.rssMiB.after = await getHealth(server.url, 5000).then(
        (a) => a.rssMiB,
        () => null,
      )
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err)
  } finally {
    loopDelay.disable()
    result.benchLoopDelayMs = {
      p99: round(loopDelay.percentile(99) / 1e6),
      max: round(loopDelay.max / 1e6),
    }
    abort.abort()
    for (const fn of cleanups) fn()
    attackers.terminateAll()
    if (health && !result.health) await health.stop()
    await probes?.stop()
    await joiner?.stop()
    result.alive = server.alive()
    result.exit = server.exit
    result.killedForMemory = server.killedForMemory
    result.rssMiB.peak = round(server.peakRssMiB())
    result.serverError = server.exit ? errorLine(server.stderrTail()) : null
    await server.stop()
    result.serverLogged = Object.fromEntries(server.logged)
    result.durationS = round((performance.now() - started) / 1000)
  }
  return result
}
