/**
 * Samla's relay against y-websocket's server and Hocuspocus, side by side in one run.
 *
 *   pnpm bench                       every scenario, every target
 *   pnpm bench --only s150 --seconds 5 --targets samla,hocuspocus
 *   pnpm bench --only s500 --targets samla --cpu-prof /tmp/prof
 */
import { parseArgs } from 'node:util'
import { runColdLoad, runJoin, runManyRooms } from './boardScenarios.ts'
import { relayProfiles } from './relayProfiles.ts'
import { type RelayResult, runRelay } from './relayScenario.ts'
import { startTarget, type Target, type TargetName } from './targets.ts'

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    targets: { type: 'string', default: 'samla,y-websocket,hocuspocus' },
    seconds: { type: 'string', default: '10' },
    /** Write each server's V8 CPU profile of the relay scenarios under this directory. */
    'cpu-prof': { type: 'string' },
  },
})
const seconds = Number(values.seconds)
const targets = (values.targets ?? '').split(',') as TargetName[]

const relayScenarios = relayProfiles(seconds)

const results: Array<{ scenario: string; target: TargetName; result: RelayResult }> = []
for (const scenario of relayScenarios) {
  if (values.only && !values.only.split(',').includes(scenario.id)) continue
  for (const name of targets) {
    const target = await startTarget(name, { cpuProfileDir: values['cpu-prof'] })
    try {
      const result = await runRelay(target, scenario)
      results.push({ scenario: scenario.id, target: name, result })
      console.log(JSON.stringify({ scenario: scenario.id, target: name, ...result }))
    } finally {
      await target.stop()
    }
  }
}

const wants = (id: string) => !values.only || values.only.split(',').includes(id)
const other: Array<{ scenario: string; target: string; result: object }> = []
async function onEachTarget(
  id: string,
  run: (t: Target) => Promise<object>,
  options: { inspect?: boolean } = {},
) {
  if (!wants(id)) return
  for (const name of targets) {
    const target = await startTarget(name, options)
    try {
      const result = await run(target)
      other.push({ scenario: id, target: name, result })
      console.log(JSON.stringify({ scenario: id, target: name, ...result }))
    } finally {
      await target.stop()
    }
  }
}
await onEachTarget('join', (t) => runJoin(t, 200, 5000))
// With the inspector, so that memory can be read after a forced, equal garbage collection.
await onEachTarget('rooms', (t) => runManyRooms(t, 1000), { inspect: true })
if (wants('cold')) {
  const result = await runColdLoad(10_000)
  other.push({ scenario: 'cold', target: 'samla', result })
  console.log(JSON.stringify({ scenario: 'cold', target: 'samla', ...result }))
}

console.log(
  '\n| scenario | server | p50 ms | p99 ms | max ms | delivered % | CPU s | load CPU s | peak RSS MiB | sent MiB |',
)
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const { scenario, target, result: r } of results) {
  console.log(
    `| ${scenario} | ${target} | ${r.p50} | ${r.p99} | ${r.max} | ${r.delivered} | ${r.cpuSeconds} | ${r.loadCpuSeconds} | ${r.peakRssMiB} | ${r.sentMiB} |`,
  )
}
for (const { scenario, target, result } of other)
  console.log(`${scenario} ${target} ${JSON.stringify(result)}`)
