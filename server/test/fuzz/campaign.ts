/**
 * An offline fuzz campaign against one in-process room: attacks from generators.ts sent by a
 * hostile connection while two honest clients keep editing, with every handler exception
 * caught and tied to its frame. Deterministic by seed. bench/fuzzCampaign.ts prints it.
 */
import fc from 'fast-check'
import * as Y from 'yjs'
import { syncStep1Frame } from '../frames.ts'
import { dumpDoc } from './docDump.ts'
import { type Attack, anyAttack } from './generators.ts'
import { HonestClient } from './honestClient.ts'
import { type HarnessClient, type Role, RoomHarness } from './roomHarness.ts'
import { LOCKED_PAGE, OPEN_PAGE, seedBoard } from './seedBoards.ts'
import { tldrawProblem } from './tldrawRecords.ts'
import { liveStateVector, type RoomView, sampleStructs } from './view.ts'

export type Mode = 'editor' | 'participant'

export interface CampaignOptions {
  frames: number
  seed: number
  modes: Mode[]
  maxMessageBytes: number
  /** The attacks to sample from (default: every class, generators.ts anyAttack). */
  attacks?: fc.Arbitrary<Attack>
  /** Called with the index of the frame about to be sent (for a hang watchdog). */
  onFrame?: (index: number, label: string) => void
  /** Called as a frame's turn moves on from sending to the honest clients and checks. */
  onPhase?: (phase: string) => void
  log?: (line: string) => void
  /** Gets the sync frames a room was sent, when it is replaced or at the end (see fuzzMinimize). */
  onRoomEnd?: (mode: Mode, reason: string, journal: RoomHarness['journal']) => void
}

export interface HandlerErrorSite {
  message: string
  /** The first stack frame, as `function file:line`. */
  site: string
  count: number
  labels: Map<string, number>
  /** The shortest frame that raised it, hex, and its stack (the frames inside Yjs and Samla). */
  minimalFrame: string
  stack: string[]
  /** Times the document had changed when it threw (an update was stored and relayed). */
  halfApplied: number
  /** Checked occurrences after which storage no longer matched the live document. */
  storedDiffers: number
  storedDetails: Set<string>
  checked: number
}

export interface SegmentResult {
  frames: number
  /** Why the room was replaced before the end, if it was. */
  restartedBecause: string | null
  storedEqualsLive: boolean | string
  honestConverged: boolean | string
  honestLastEditArrived: boolean
  invalidRecords: number
  nestedTypeRecords: number
}

export interface ModeSummary {
  mode: Mode
  tried: number
  accepted: number
  refused: Map<string, number>
  builderErrors: Map<string, number>
  handlerErrors: Map<string, HandlerErrorSite>
  crashes: Map<string, { count: number; afterLabel: string }>
  byLabel: Map<string, { tried: number; accepted: number; errors: number }>
  maxFrameMs: number
  maxFrameLabel: string
  slowFrames: number
  honestErrors: string[]
  honestCloses: string[]
  presenceHijacks: number
  clientIdChanges: number
  segments: SegmentResult[]
}

const RESYNC_EVERY = 250
const HONEST_EVERY = 20
const TURN_EVERY = 10
const CHECK_EVERY = Number(process.env.FUZZ_CHECK_EVERY ?? 5000)
const CHECKS_PER_SITE = 3
const SLOW_FRAME_MS = 250

/** One room's life: replaced when a frame leaves it storing something other than it holds. */
class Segment {
  replica = new Y.Doc()
  view!: RoomView
  attacker!: HarnessClient
  frames = 0
  updates = 0

  private constructor(
    readonly harness: RoomHarness,
    readonly role: Role,
    readonly honest: HonestClient[],
  ) {}

  static async start(mode: Mode, maxMessageBytes: number): Promise<Segment> {
    const harness = await RoomHarness.open({
      seed: [seedBoard(mode === 'participant')],
      maxMessageBytes,
    })
    const honest = [101, 102].map(
      (id, i) => new HonestClient(harness, mode, `honest${i}`, id, OPEN_PAGE),
    )
    const segment = new Segment(harness, mode, honest)
    harness.doc.on('update', () => segment.updates++)
    segment.attacker = harness.connect(mode)
    segment.resync()
    await segment.quiesce()
    return segment
  }

  /** A fresh replica from the room and a new sample of its structs. */
  resync(): void {
    this.replica.destroy()
    this.replica = new Y.Doc()
    this.replica.clientID = 77
    // Throws on a poisoned room (a value too deep to encode): the caller restarts.
    Y.applyUpdate(this.replica, Y.encodeStateAsUpdate(this.harness.doc))
    const doc = this.harness.doc
    this.view = {
      replica: this.replica,
      stateVector: liveStateVector(doc),
      get pendingMissing() {
        return doc.store.pendingStructs?.missing ?? new Map<number, number>()
      },
      honestClientIds: this.honest.map((h) => h.clientId),
      known: sampleStructs(this.replica),
      recordKeys: [...this.replica.getMap('records').keys()],
      openPage: OPEN_PAGE,
      lockedPage: LOCKED_PAGE,
      maxMessageBytes: this.harness.maxMessageBytes,
    }
  }

  /** Lets the room flush and relay, and the honest clients handle what they got. */
  async quiesce(rounds = 1): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      for (const h of this.honest) h.drain()
    }
  }

  async settleFully(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await this.harness.settle()
      await this.quiesce(2)
    }
  }

  async finish(restartedBecause: string | null): Promise<SegmentResult> {
    // Someone opens the board: the sync step 1 of a fresh client, which the room answers
    // with its whole document (a room that cannot encode it fails here, unhandled).
    this.harness.send(this.harness.connect(this.role), syncStep1Frame(new Y.Doc()))
    await this.settleFully()
    // One more honest edit must reach the other honest client and storage.
    const [a, b] = this.honest as [HonestClient, HonestClient]
    a.edit()
    await this.settleFully()
    const lastKey = Object.keys(a.ownNotes()).sort().at(-1) ?? ''
    const honestLastEditArrived =
      JSON.stringify(b.doc.getMap('records').get(lastKey)) ===
      JSON.stringify(a.doc.getMap('records').get(lastKey))
    const attempt = async <T>(f: () => T | Promise<T>): Promise<T | string> => {
      try {
        return await f()
      } catch (err) {
        return `check failed: ${err instanceof Error ? err.message : String(err)}`
      }
    }
    const storedEqualsLive = await this.harness.storedVersusLive().then((r) => r.equal || r.detail)
    const honestConverged = await attempt(() => {
      const gaveUp = this.honest.filter((h) => h.gaveUp).map((h) => h.name)
      if (gaveUp.length) return `no: ${gaveUp.join(', ')} refused even with fresh copies`
      const room = dumpDoc(this.harness.doc)
      return this.honest.every((h) => dumpDoc(h.doc) === room)
    })
    let invalidRecords = 0
    let nestedTypeRecords = 0
    for (const [key, value] of this.harness.doc.getMap<unknown>('records').entries()) {
      if (value instanceof Y.AbstractType) nestedTypeRecords++
      else if (tldrawProblem(value, key)) invalidRecords++
    }
    await this.harness.dispose().catch(() => {})
    this.replica.destroy()
    return {
      frames: this.frames,
      restartedBecause,
      storedEqualsLive,
      honestConverged,
      honestLastEditArrived,
      invalidRecords,
      nestedTypeRecords,
    }
  }
}

/**
 * An error's message and where it was thrown: the first stack frame in a file, skipping
 * lib0's error constructors, and naming the native function it was in if any (JSON.stringify).
 */
export function siteOf(err: unknown): { message: string; site: string } {
  const e = err instanceof Error ? err : new Error(String(err))
  const frames = (e.stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
  const native = frames[0]?.endsWith('(<anonymous>)') ? `${frames[0].slice(3, -14)} ← ` : ''
  const inFile =
    frames.find((l) => /:\d+:\d+\)?$/.test(l) && !l.includes('lib0/error.js')) ?? frames[0] ?? ''
  const m = /at (?:(\S+) \()?(.*?):(\d+):\d+\)?$/.exec(inFile)
  const file = m?.[2]
    ?.replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/server\/(src|test)\//, 'server/$1/')
  return {
    message: `${e.name}: ${e.message}`,
    site: m ? `${native}${m[1] ?? '<anonymous>'} ${file}:${m[3]}` : inFile,
  }
}

/** The stack frames of an error as `function file:line`, down to Room.handleFrame. */
export function stackOf(err: unknown): string[] {
  const lines = ((err as Error)?.stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
  const out: string[] = []
  for (const line of lines) {
    if (line.includes('lib0/error.js')) continue
    const m = /at (?:(\S+) \()?(.*?):(\d+):\d+\)?$/.exec(line)
    if (!m) {
      out.push(line.slice(3))
      continue
    }
    const file = (m[2] ?? '')
      .replace(/^.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
      .replace(/^.*\/server\/(src|test)\//, 'server/$1/')
    out.push(`${m[1] ?? '<anonymous>'} ${file}:${m[3]}`)
    if (line.includes('Room.handleFrame')) break
  }
  return out
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

async function runMode(mode: Mode, frames: number, options: CampaignOptions): Promise<ModeSummary> {
  const log = options.log ?? (() => {})
  const summary: ModeSummary = {
    mode,
    tried: 0,
    accepted: 0,
    refused: new Map(),
    builderErrors: new Map(),
    handlerErrors: new Map(),
    crashes: new Map(),
    byLabel: new Map(),
    maxFrameMs: 0,
    maxFrameLabel: '',
    slowFrames: 0,
    honestErrors: [],
    honestCloses: [],
    presenceHijacks: 0,
    clientIdChanges: 0,
    segments: [],
  }
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  let lastLabel = ''
  /** The last frame in this room that raised a handler error: the likely poisoner. */
  let lastHandlerError = 'none'
  // What would kill a real server: an exception or rejection no handler catches.
  const onCrash = (err: unknown) => {
    const { message, site } = siteOf(err)
    const key = `${message} @ ${site}`
    const held = summary.crashes.get(key)
    if (held) held.count++
    else summary.crashes.set(key, { count: 1, afterLabel: lastLabel })
  }
  process.on('uncaughtException', onCrash)
  process.on('unhandledRejection', onCrash)
  // Yjs prints this when a remote update used the local client id (an impersonation).
  const print = console.log
  console.log = (...args: unknown[]) => {
    // Counted by the honest clients themselves (HonestClient.renewals).
    if (!args.some((a) => String(a).includes('Changed the client-id'))) print(...args)
  }

  const collectHonest = (seg: Segment) => {
    for (const h of seg.honest) {
      summary.clientIdChanges += h.renewals
      h.renewals = 0
      summary.honestErrors.push(...h.errors.splice(0))
      summary.honestCloses.push(...h.closes.splice(0))
    }
  }

  const attacks: Attack[] = fc.sample(options.attacks ?? anyAttack, {
    numRuns: frames,
    seed: options.seed + (mode === 'participant' ? 1 : 0),
  })
  let segment = await Segment.start(mode, options.maxMessageBytes)
  try {
    for (let i = 0; i < attacks.length; i++) {
      const attack = attacks[i] as Attack
      lastLabel = attack.label
      options.onFrame?.(i, attack.label)
      const stats = summary.byLabel.get(attack.label) ?? { tried: 0, accepted: 0, errors: 0 }
      summary.byLabel.set(attack.label, stats)
      let frame: Uint8Array
      try {
        frame = attack.build(segment.view)
      } catch (err) {
        bump(summary.builderErrors, `${attack.label}: ${siteOf(err).message}`)
        continue
      }
      summary.tried++
      stats.tried++
      segment.frames++
      const victims = attack.cls === 'presence' ? segment.harness.presenceStates() : null
      const updatesBefore = segment.updates
      let poisoned = false
      const started = performance.now()
      const outcome = segment.harness.send(segment.attacker, frame)
      const ms = performance.now() - started
      if (ms > summary.maxFrameMs) {
        summary.maxFrameMs = ms
        summary.maxFrameLabel = attack.label
      }
      if (ms > SLOW_FRAME_MS) summary.slowFrames++

      if (outcome.handlerError) {
        stats.errors++
        const { message, site } = siteOf(outcome.handlerError)
        // Keyed by the thrower and its caller: one message can come from several call sites.
        const key = `${message} @ ${stackOf(outcome.handlerError).slice(0, 2).join(' < ')}`
        const held: HandlerErrorSite = summary.handlerErrors.get(key) ?? {
          message,
          site,
          count: 0,
          labels: new Map(),
          minimalFrame: hex(frame),
          stack: stackOf(outcome.handlerError),
          halfApplied: 0,
          storedDiffers: 0,
          storedDetails: new Set(),
          checked: 0,
        }
        summary.handlerErrors.set(key, held)
        held.count++
        bump(held.labels, attack.label)
        if (frame.length * 2 < held.minimalFrame.length) {
          held.minimalFrame = hex(frame)
          held.stack = stackOf(outcome.handlerError)
        }
        if (segment.updates > updatesBefore) held.halfApplied++
        lastHandlerError = attack.label
        // Every occurrence of a site once it has poisoned a room; a few of the others.
        if (held.checked < CHECKS_PER_SITE || held.storedDiffers > 0) {
          held.checked++
          const check = await segment.harness.storedVersusLive()
          if (!check.equal) {
            held.storedDiffers++
            held.storedDetails.add(check.detail)
            poisoned = true
          }
        }
      } else if (outcome.open) {
        summary.accepted++
        stats.accepted++
      }
      if (outcome.close) bump(summary.refused, `${outcome.close.code} ${outcome.close.reason}`)
      if (!outcome.open) segment.attacker = segment.harness.connect(mode)

      if (victims) {
        const after = segment.harness.presenceStates()
        for (const h of segment.honest) {
          const was = victims.get(h.clientId)
          if (was !== undefined && after.get(h.clientId) !== was) summary.presenceHijacks++
        }
      }
      options.onPhase?.('honest')
      if (i % HONEST_EVERY === 0) {
        for (const h of segment.honest) {
          h.edit()
          h.movePresence()
        }
      }
      options.onPhase?.('quiesce')
      if (i % TURN_EVERY === 0) await segment.quiesce()
      options.onPhase?.('checks')

      let restart: string | null = null
      if (i % RESYNC_EVERY === 0) {
        try {
          segment.resync()
        } catch (err) {
          restart = `replica could not sync: ${siteOf(err).message} at ${siteOf(err).site} (last handler error in this room: ${lastHandlerError})`
        }
      }
      if (poisoned) restart = `stored differs from live after a handler error (${lastLabel})`
      else if (!restart && i % CHECK_EVERY === CHECK_EVERY - 1) {
        const check = await segment.harness.storedVersusLive()
        if (!check.equal)
          restart = `stored ≠ live: ${check.detail} (found at frame ${i}, last ${lastLabel})`
      }
      if (restart) {
        log(`  [${mode}] frame ${i}: new room: ${restart}`)
        options.onRoomEnd?.(mode, restart, segment.harness.journal)
        collectHonest(segment)
        summary.segments.push(await segment.finish(restart))
        segment = await Segment.start(mode, options.maxMessageBytes)
        lastHandlerError = 'none'
      }
      if (i > 0 && i % Number(process.env.FUZZ_PROGRESS ?? 10_000) === 0)
        log(
          `  [${mode}] ${i} frames, ${summary.handlerErrors.size} handler error sites, ${(performance.now() / 1000).toFixed(1)} s`,
        )
    }
    options.onRoomEnd?.(mode, 'end', segment.harness.journal)
    const last = await segment.finish(null)
    summary.segments.push(last)
    collectHonest(segment)
  } finally {
    console.log = print
    // Late rejections of this mode's rooms still count, for a moment.
    await new Promise((resolve) => setTimeout(resolve, 50))
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onCrash)
  }
  return summary
}

export async function runCampaign(options: CampaignOptions): Promise<ModeSummary[]> {
  const per = Math.ceil(options.frames / options.modes.length)
  const results: ModeSummary[] = []
  for (const mode of options.modes) results.push(await runMode(mode, per, options))
  return results
}
