import type { CloseCodes } from './honestMessages.ts'
import type { FloodResult } from './runScenario.ts'

/** Past this, the attacker's process was busy enough to send less than it meant to. */
const BUSY_BENCH_MS = 50

const num = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : String(v)

const codes = (c: CloseCodes) =>
  Object.entries(c)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ')

function alive(r: FloodResult): string {
  if (r.alive) return 'yes'
  if (r.killedForMemory) return 'no (killed: RSS over the limit)'
  if (r.exit) return `no (${r.exit.signal ?? `exit ${r.exit.code}`})`
  return 'no'
}

function joiner(r: FloodResult): string {
  const j = r.joiner
  if (!j) return '–'
  const stale =
    j.syncMs !== null && j.probeWritesFound < j.probeWritesExpected
      ? `; stale: ${j.probeWritesFound}/${j.probeWritesExpected} probes' last writes`
      : ''
  if (j.synced) return `yes (${j.syncMs} ms${stale})`
  if (j.crashed) return `no (crashed: ${j.crashed})`
  const closes = codes(j.closeCodes)
  const late = j.syncMs !== null ? `synced late, at ${j.syncMs} ms${stale}` : ''
  const closed = closes ? `closed ${closes}, first at ${j.firstCloseMs} ms` : ''
  return `no (${[closed, late].filter(Boolean).join('; ') || 'nothing in 30 s'})`
}

function converged(r: FloodResult): string {
  const p = r.probes
  if (!p) return '–'
  if (p.converged) return 'yes'
  if (p.crashed) return 'no (crashed)'
  return `no (${p.lagging ?? '?'} lagging, ${p.disconnected ?? '?'} disconnected)`
}

function notes(r: FloodResult): string {
  const out = Object.entries(r.notes).map(([k, v]) => `${k}: ${v}`)
  if (r.error) out.push(`error: ${r.error}`)
  if (r.serverError) out.push(`server died of: ${r.serverError}`)
  if (r.probes?.crashed) out.push(`probes crashed: ${r.probes.crashed}`)
  const attacker = codes(r.attackerCloseCodes)
  if (attacker) out.push(`attacker closed: ${attacker}`)
  const probes = codes(r.probes?.closeCodes ?? {})
  if (probes) out.push(`probes closed: ${probes}`)
  if (r.joiner?.firstPresenceBytes != null)
    out.push(`joiner's first presence frame: ${r.joiner.firstPresenceBytes} B`)
  if (r.benchLoopDelayMs.p99 > BUSY_BENCH_MS)
    out.push(`attacker's event loop p99 ${r.benchLoopDelayMs.p99} ms`)
  const logged = Object.entries(r.serverLogged)
  if (logged.length > 0)
    out.push(`server logged: ${logged.map(([msg, n]) => `"${msg}"×${n}`).join(', ')}`)
  return out.join('; ')
}

/** One Markdown row per scenario; latency ratios are against this run's baseline. */
export function floodTable(results: readonly FloodResult[]): string {
  const baseP99 = results.find((r) => r.scenario === 'baseline')?.probes?.p99Ms
  const rows = results.map((r) => {
    const p99 = r.probes?.p99Ms
    const ratio =
      baseP99 && p99 !== undefined && Number.isFinite(p99) ? `${(p99 / baseP99).toFixed(1)}×` : '–'
    const h = r.health
    const health = h
      ? `${num(h.p99Ms)} (max ${num(h.maxMs)}${h.timeouts ? `, ${h.timeouts} timed out` : ''}${
          Object.keys(h.errors).length > 0 ? `, failed: ${codes(h.errors)}` : ''
        })`
      : '–'
    const cells = [
      r.scenario,
      alive(r),
      `${num(r.rssMiB.before)} / ${num(r.rssMiB.peak)} / ${num(r.rssMiB.after)}`,
      num(p99),
      ratio,
      num(r.probes?.deliveredPct),
      converged(r),
      health,
      joiner(r),
      notes(r),
    ]
    return `| ${cells.map((c) => c.replaceAll('|', '/')).join(' | ')} |`
  })
  return [
    '| scenario | server alive | RSS MiB before / peak / after | probe p99 ms | × baseline | delivered % | probes converged | /api/health p99 ms | joiner synced | notes |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}
