/**
 * Shrinks the sync frames a fuzzed room was sent (a journal written by fuzzCampaign.ts
 * --save-journals) to a smallest sequence that still shows the finding, by delta debugging:
 *
 *   node --import tsx server/bench/fuzzMinimize.ts DIR/editor-0001.jsonl [--until WHAT]
 *
 * WHAT is `stored-differs` (default: a replay of storage is not the live document),
 * `replica-fails` (a fresh client cannot apply the room's full state), or `error:TEXT` (a
 * handler error whose message contains TEXT). Each frame is replayed on its own connection
 * with the role that sent it, on the board the campaign starts from.
 */
import fs from 'node:fs'
import * as Y from 'yjs'
import { type Role, RoomHarness } from '../test/fuzz/roomHarness.ts'
import { seedBoard } from '../test/fuzz/seedBoards.ts'

interface Step {
  role: Role
  frame: Uint8Array
}

const file = process.argv[2]
if (!file) throw new Error('usage: fuzzMinimize.ts JOURNAL [--until WHAT]')
const untilAt = process.argv.indexOf('--until')
const until = untilAt > 0 ? (process.argv[untilAt + 1] ?? 'stored-differs') : 'stored-differs'
const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n')
const steps: Step[] = lines.map((l) => {
  const { role, frame } = JSON.parse(l) as { role: Role; frame: string }
  return { role, frame: new Uint8Array(Buffer.from(frame, 'hex')) }
})
const meeting = steps.some((s) => s.role === 'participant')

/** Replays `list` into a fresh room; whether the finding shows, and each frame's outcome. */
async function replay(list: readonly Step[]): Promise<{ shows: boolean; outcomes: string[] }> {
  const h = await RoomHarness.open({ seed: [seedBoard(meeting)] })
  const outcomes: string[] = []
  let error = false
  for (const step of list) {
    const o = h.send(h.connect(step.role), step.frame)
    if (
      o.handlerError &&
      until.startsWith('error:') &&
      o.handlerError.message.includes(until.slice(6))
    )
      error = true
    outcomes.push(
      o.handlerError
        ? `handler error: ${o.handlerError.message}`
        : o.open
          ? 'accepted'
          : `closed ${o.close?.code} ${o.close?.reason}`,
    )
  }
  let shows = error
  if (until === 'stored-differs') shows = !(await h.storedVersusLive()).equal
  if (until === 'replica-fails') {
    try {
      Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(h.doc))
    } catch {
      shows = true
    }
  }
  await h.dispose().catch(() => {})
  return { shows, outcomes }
}

/** Zeller's ddmin: removes chunks of ever smaller size while the finding still shows. */
async function ddmin(list: Step[]): Promise<Step[]> {
  let current = list
  let n = 2
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n)
    let reduced = false
    for (let i = 0; i < current.length; i += size) {
      const complement = [...current.slice(0, i), ...current.slice(i + size)]
      if ((await replay(complement)).shows) {
        current = complement
        n = Math.max(n - 1, 2)
        reduced = true
        break
      }
    }
    if (!reduced) {
      if (n >= current.length) break
      n = Math.min(n * 2, current.length)
    }
    process.stderr.write(`  ${current.length} frames\n`)
  }
  return current
}

console.log(`${file}: ${steps.length} frames, ${header}`)
if (!(await replay(steps)).shows) {
  console.log(`the full journal does not show "${until}" on replay`)
  process.exit(1)
}
const minimal = await ddmin(steps)
const { outcomes } = await replay(minimal)
console.log(`minimal: ${minimal.length} frames showing "${until}"`)
for (const [i, s] of minimal.entries())
  console.log(`${i + 1}. ${s.role} ${Buffer.from(s.frame).toString('hex')}\n   → ${outcomes[i]}`)
process.exit(0)
