import { connectionFloods } from './connectionFloods.ts'
import { documentFloods } from './documentFloods.ts'
import { presenceFloods } from './presenceFloods.ts'
import type { FloodScenario } from './runScenario.ts'
import { floodWindow } from './timing.ts'

/** No flood: what the probes, /api/health and a newcomer see on a quiet server, this run. */
const baseline: FloodScenario = {
  id: 'baseline',
  title: 'no flood',
  flood: (ctx) => floodWindow(ctx.signal, ctx.floodMs),
}

export const scenarios: FloodScenario[] = [
  baseline,
  ...presenceFloods,
  ...documentFloods,
  ...connectionFloods,
]
