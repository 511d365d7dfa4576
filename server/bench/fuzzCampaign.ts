/**
 * An offline fuzz campaign against an in-process room (server/test/fuzz/campaign.ts):
 *
 *   node --import tsx server/bench/fuzzCampaign.ts --frames 100000 --seed 1
 *     [--mode editor|participant|both] [--max-message-bytes N] [--save-journals DIR]
 *
 * Prints what was tried, accepted and refused, every exception the room's handler caught that
 * is not a malformed frame (a validation gap), crashes (exceptions nothing caught: they would
 * kill the server), and whether storage and honest clients still agree with the room.
 * Deterministic by seed. A watchdog thread reports a frame that hangs and ends the run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { type Mode, type ModeSummary, runCampaign } from '../test/fuzz/campaign.ts'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

const frames = Number(arg('frames', '10000'))
const seed = Number(arg('seed', '1'))
const modeArg = arg('mode', 'both')
const modes: Mode[] = modeArg === 'both' ? ['editor', 'participant'] : [modeArg as Mode]
const maxMessageBytes = Number(arg('max-message-bytes', String(8 * 1024 * 1024)))
/** Where to write each replaced room's sync frames, for bench/fuzzMinimize.ts. */
const journalDir = arg('save-journals', '')
const HANG_MS = 20_000

// The watchdog runs on its own thread, so it sees a frame that never returns.
const progress = new Int32Array(new SharedArrayBuffer(8))
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads')
   const p = new Int32Array(workerData.buffer)
   let last = -1, since = Date.now()
   setInterval(() => {
     const now = Atomics.load(p, 0)
     if (now !== last) { last = now; since = Date.now(); return }
     if (Date.now() - since > ${HANG_MS}) {
       // Synchronously: the main thread, which relays a worker's stderr, is the one stuck.
       require('node:fs').writeSync(2, 'HANG: frame ' + (now - 1) + ' made no progress for ${HANG_MS} ms\\n')
       // process.exit here would end only this thread.
       process.kill(process.pid, 'SIGKILL')
     }
   }, 1000)`,
  { eval: true, workerData: { buffer: progress.buffer } },
)
watchdog.unref()

let journals = 0
const started = performance.now()
const results = await runCampaign({
  frames,
  seed,
  modes,
  maxMessageBytes,
  onFrame: (i, label) => {
    Atomics.store(progress, 0, i + 1)
    if (process.env.FUZZ_TRACE) process.stderr.write(`${i} ${label}\n`)
  },
  onPhase: (phase) => {
    if (process.env.FUZZ_TRACE) process.stderr.write(`  ${phase}\n`)
  },
  log: (line) => console.log(line),
  onRoomEnd: (mode, reason, journal) => {
    if (!journalDir || reason === 'end') return
    fs.mkdirSync(journalDir, { recursive: true })
    const file = path.join(journalDir, `${mode}-${String(++journals).padStart(4, '0')}.jsonl`)
    const lines = journal.map((j) =>
      JSON.stringify({ role: j.role, frame: Buffer.from(j.frame).toString('hex') }),
    )
    fs.writeFileSync(file, `${JSON.stringify({ reason })}\n${lines.join('\n')}\n`)
  },
})
await watchdog.terminate()

const sorted = <V>(m: Map<string, V>, by: (v: V) => number) =>
  [...m.entries()].sort((a, b) => by(b[1]) - by(a[1]))
const count = (v: number) => v

function print(s: ModeSummary) {
  console.log(`\n== ${s.mode} (seed ${seed}) ==`)
  console.log(
    `frames tried: ${s.tried}   accepted: ${s.accepted}   refused: ${[...s.refused.values()].reduce((a, b) => a + b, 0)}`,
  )
  for (const [why, n] of sorted(s.refused, count)) console.log(`  refused ${why}: ${n}`)
  const handlerTotal = [...s.handlerErrors.values()].reduce((a, e) => a + e.count, 0)
  console.log(
    `handler errors (non-malformed exceptions): ${handlerTotal} at ${s.handlerErrors.size} sites`,
  )
  for (const [, e] of sorted(s.handlerErrors, (e) => e.count)) {
    console.log(`  ${e.count} × ${e.message}`)
    console.log(`      at ${e.stack.join('\n         < ')}`)
    console.log(`      from ${[...e.labels].map(([l, n]) => `${l} ×${n}`).join(', ')}`)
    console.log(
      `      half-applied ${e.halfApplied}/${e.count}; stored ≠ live after ${e.storedDiffers}/${e.checked} checked${e.storedDetails.size ? ` (${[...e.storedDetails].join('; ')})` : ''}`,
    )
    console.log(
      `      shortest frame (${e.minimalFrame.length / 2} bytes): ${e.minimalFrame.length > 240 ? `${e.minimalFrame.slice(0, 240)}…` : e.minimalFrame}`,
    )
  }
  const crashTotal = [...s.crashes.values()].reduce((a, c) => a + c.count, 0)
  console.log(`crashes (uncaught, would end the process): ${crashTotal}`)
  for (const [what, c] of sorted(s.crashes, (c) => c.count))
    console.log(`  ${c.count} × ${what} (first after ${c.afterLabel})`)
  if (s.builderErrors.size)
    console.log(
      `generator errors: ${[...s.builderErrors].map(([k, n]) => `${k} ×${n}`).join('; ')}`,
    )
  console.log(
    `slowest frame: ${s.maxFrameMs.toFixed(1)} ms (${s.maxFrameLabel}); frames over 250 ms: ${s.slowFrames}`,
  )
  console.log(`presence of an honest client changed by the attacker: ${s.presenceHijacks} times`)
  console.log(`honest client ids renewed by Yjs (impersonated): ${s.clientIdChanges}`)
  console.log(
    `honest clients: ${s.honestErrors.length} errors applying relayed updates, ${s.honestCloses.length} closes`,
  )
  for (const e of new Set(s.honestErrors)) console.log(`  error: ${e}`)
  for (const c of new Set(s.honestCloses)) console.log(`  closed: ${c}`)
  s.segments.forEach((g, i) => {
    console.log(
      `room ${i + 1}: ${g.frames} frames${g.restartedBecause ? `, replaced: ${g.restartedBecause}` : ''}`,
    )
    console.log(
      `  stored equals live: ${g.storedEqualsLive}; honest clients converge: ${g.honestConverged}; last honest edit relayed: ${g.honestLastEditArrived}`,
    )
    console.log(
      `  records tldraw would refuse: ${g.invalidRecords}; records that are Yjs types: ${g.nestedTypeRecords}`,
    )
  })
  console.log('accepted by class:')
  const classes = new Map<string, { tried: number; accepted: number; errors: number }>()
  for (const [label, st] of s.byLabel) {
    const c = classes.get(label) ?? { tried: 0, accepted: 0, errors: 0 }
    c.tried += st.tried
    c.accepted += st.accepted
    c.errors += st.errors
    classes.set(label, c)
  }
  for (const [label, c] of [...classes].sort())
    console.log(
      `  ${label.padEnd(40)} ${String(c.tried).padStart(6)} tried ${String(c.accepted).padStart(6)} accepted ${c.errors ? `${c.errors} handler errors` : ''}`,
    )
}

for (const s of results) print(s)
console.log(
  `\n${results.reduce((a, s) => a + s.tried, 0)} frames in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
// Rooms, sockets and timers are all closed; anything left would only be a stray timer.
process.exit(0)
