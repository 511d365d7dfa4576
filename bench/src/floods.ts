/**
 * What each class of flood a hostile client can send does to Samla's relay, and to the honest
 * clients on the same board meanwhile. Every scenario gets a fresh server (the production
 * bundle) on a fresh data directory, ten stock-provider probes writing every 100 ms, a
 * /api/health sampler and, afterwards, a newcomer that must sync within 10 s. Latencies are
 * compared with the baseline of the same run: the machine is small and noisy.
 *
 *   pnpm bench:floods
 *   pnpm bench:floods --only baseline,pending-bomb --seconds 5 --out /tmp/floods.json
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { killChildrenOnExit } from './flood/children.ts'
import { checkHandEncoding } from './flood/hostileFrames.ts'
import { openFileLimit } from './flood/listeningPort.ts'
import { type FloodResult, runScenario } from './flood/runScenario.ts'
import { scenarios } from './flood/scenarios.ts'
import { floodTable } from './flood/table.ts'

const { values } = parseArgs({
  options: {
    /** Comma-separated scenario ids; all of them when absent. */
    only: { type: 'string' },
    /** Write every result as JSON to this file. */
    out: { type: 'string' },
    /** How long each timed flood lasts. */
    seconds: { type: 'string', default: '10' },
    /** The server is killed when its RSS passes this. */
    'rss-limit-mib': { type: 'string', default: '3072' },
  },
})
const seconds = Number(values.seconds)
const rssLimitMiB = Number(values['rss-limit-mib'])
const only = values.only?.split(',').map((id) => id.trim())
const unknown = only?.filter((id) => !scenarios.some((s) => s.id === id)) ?? []
if (unknown.length > 0) {
  console.error(
    `unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`,
  )
  process.exit(2)
}

killChildrenOnExit()
checkHandEncoding()
console.log(`open files limit (ulimit -n): ${openFileLimit('self') ?? 'unlimited'}`)

const results: FloodResult[] = []
for (const scenario of scenarios) {
  if (only && !only.includes(scenario.id)) continue
  console.log(`\n${scenario.id}: ${scenario.title}`)
  const result = await runScenario(scenario, { seconds, rssLimitMiB })
  results.push(result)
  console.log(JSON.stringify(result))
}

console.log(`\n${floodTable(results)}`)
if (values.out) {
  fs.writeFileSync(
    values.out,
    `${JSON.stringify({ date: new Date().toISOString(), seconds, rssLimitMiB, results }, null, 2)}\n`,
  )
  console.log(`\nwritten to ${values.out}`)
}
// Sockets of a flooded server may linger; nothing more is to be measured.
process.exit(0)
