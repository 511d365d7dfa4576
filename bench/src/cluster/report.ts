import type { RoomLoadSpec } from './roomLoad.ts'
import type { KilledSummary, RoomSummary, StorageSummary } from './scenarios.ts'

export type Outcome<T> = T | { error: string }
/** One scenario's result per cluster label (Samla's first, then the peer's). */
export type PerCluster<T> = Map<string, Outcome<T>>

export interface ClusterReport {
  command: string
  date: string
  load: RoomLoadSpec
  instances: number
  notes: string[]
  steady?: PerCluster<RoomSummary>
  killed?: PerCluster<KilledSummary>
  redis?: PerCluster<RoomSummary>
  storage?: Outcome<StorageSummary>
}

const ok = <T>(o: Outcome<T> | undefined): T | undefined =>
  o && !(typeof o === 'object' && o !== null && 'error' in o) ? (o as T) : undefined

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 && Number.isFinite(a) ? a / b : undefined
const times = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(2)}×`)
/** No samples (a cluster of one has no cross-instance latency) shows as a dash. */
const ms = (v: number) => (Number.isFinite(v) ? String(v) : '—')
const verdict = (met: boolean | undefined) => (met === undefined ? '—' : met ? 'met' : 'missed')

interface Row<T> {
  label: string
  show: (s: T) => string
  /** The figure compared between the two clusters (Samla's over the peer's), if any. */
  compare?: (s: T) => number
  target?: string
  /** Whether Samla's figure (or its ratio to the peer's) meets the target. */
  met?: (s: T, ratioToPeer: number | undefined) => boolean | undefined
}

function table<T>(title: string, results: PerCluster<T>, rows: Row<T>[]): string {
  const labels = [...results.keys()]
  const [samla, peer] = labels.map((l) => ok(results.get(l)))
  const out = [
    `### ${title}`,
    '',
    `| | ${labels.join(' | ')} | ${labels.length > 1 ? `${labels[0]} / ${labels[1]}` : 'ratio'} | target | |`,
    `|---|${labels.map(() => '---|').join('')}---|---|---|`,
  ]
  for (const row of rows) {
    const cells = labels.map((l) => {
      const r = results.get(l)
      const s = ok(r)
      return s ? row.show(s) : `failed: ${(r as { error: string } | undefined)?.error ?? '—'}`
    })
    const r =
      row.compare && samla && peer ? ratio(row.compare(samla), row.compare(peer)) : undefined
    const met = row.met && samla ? row.met(samla, r) : undefined
    out.push(
      `| ${row.label} | ${cells.join(' | ')} | ${times(r)} | ${row.target ?? ''} | ${row.target ? verdict(met) : ''} |`,
    )
  }
  return out.join('\n')
}

const roomRows: Row<RoomSummary>[] = [
  {
    label: 'delivered % (every write, every client; missing)',
    show: (s) => `${s.deliveredPercent} (${s.missingDeliveries})`,
  },
  {
    label: 'cross-instance latency p50 ms',
    show: (s) => ms(s.crossP50),
    compare: (s) => s.crossP50,
  },
  {
    label: 'cross-instance latency p99 ms (samples)',
    show: (s) => `${ms(s.crossP99)} (${s.crossSamples})`,
    compare: (s) => s.crossP99,
  },
  { label: 'same-instance latency p99 ms', show: (s) => ms(s.sameP99) },
  {
    label: 'bytes received per client KiB',
    show: (s) => String(s.bytesPerClientKiB),
    compare: (s) => s.bytesPerClientKiB,
  },
  { label: 'CPU s per instance', show: (s) => s.cpuPerInstance.join(' / ') },
  {
    label: 'CPU s: load generator / Redis',
    show: (s) => `${s.loadCpuSeconds} / ${s.redisCpuSeconds ?? '—'}`,
  },
  {
    label: 'writes sent / acknowledged (seen by another client)',
    show: (s) => `${s.sent} / ${s.acknowledged}`,
  },
  {
    label: 'acknowledged writes lost (worst instance, read by a fresh client)',
    show: (s) => String(s.acknowledgedLost),
  },
  {
    label: "… missing from a fresh client's sync step 2 alone; updates after it for ms",
    show: (s) => `${s.acknowledgedMissingAtSync}; ${s.settleMs}`,
  },
  {
    label: 'instances that exited by themselves',
    show: (s) => String(s.unexpectedExits),
  },
  {
    label: 'instances equal afterwards (instances read)',
    show: (s) => `${s.instancesEqual ? 'yes' : 'no'} (${s.instancesRead})`,
  },
]

const withTarget = <T extends RoomSummary>(
  rows: Row<RoomSummary>[],
  targets: Record<string, Pick<Row<T>, 'target' | 'met'>>,
): Row<T>[] => rows.map((r) => ({ ...r, ...targets[r.label] }) as Row<T>)

export function renderReport(r: ClusterReport): string {
  const l = r.load
  const cursors = l.cursors === 'all' ? 'every client' : 'every writer'
  const room = `${l.clients} clients over ${r.instances} instances, ${l.writers} writers × ${l.writesPerSecond}/s, cursors ${l.cursorHz} Hz from ${cursors}, ${l.seconds} s`
  const parts = [`## pnpm bench:cluster, ${r.date}`, '', `\`${r.command}\``, '']
  for (const note of r.notes) parts.push(`- ${note}`)
  if (r.steady)
    parts.push(
      '',
      table(
        `1. One room: ${room}`,
        r.steady,
        withTarget(roomRows, {
          'cross-instance latency p99 ms (samples)': {
            target: '≤ 0.5× peer',
            met: (_, x) => (x === undefined ? undefined : x <= 0.5),
          },
          'bytes received per client KiB': {
            target: '≤ 0.5× peer',
            met: (_, x) => (x === undefined ? undefined : x <= 0.5),
          },
        }),
      ),
    )
  if (r.killed)
    parts.push('', table(`2. One instance SIGKILLed halfway: ${room}`, r.killed, killedRows))
  if (r.redis)
    parts.push(
      '',
      table(
        `3. Redis shut down halfway and started again: ${room}`,
        r.redis,
        withTarget(roomRows, {
          'delivered % (every write, every client; missing)': {
            target: '100 % after catch-up',
            met: (s) => s.missingDeliveries === 0,
          },
          'instances equal afterwards (instances read)': {
            target: 'equal',
            met: (s) => (s.instancesRead > 1 ? s.instancesEqual : undefined),
          },
        }),
      ),
    )
  if (r.storage) parts.push('', storageTable(r.storage))
  return `${parts.join('\n')}\n`
}

const killedRows: Row<KilledSummary>[] = [
  ...withTarget<KilledSummary>(roomRows, {
    'acknowledged writes lost (worst instance, read by a fresh client)': {
      target: '0',
      met: (s) => s.acknowledgedLost === 0,
    },
  }),
  {
    label: 'acknowledged writes lost after a cold start (all stopped, one started)',
    show: (s) => String(s.lostAfterColdStart),
    target: '0',
    met: (s) => s.lostAfterColdStart === 0,
  },
  { label: 'clients displaced (not back)', show: (s) => `${s.displacedClients} (${s.notBack})` },
  {
    label: 'back after the kill: p50 / last ms',
    show: (s) => `${s.backP50Ms} / ${s.backMaxMs}`,
    compare: (s) => s.backMaxMs,
    target: 'all within 5 s',
    met: (s) => s.notBack === 0 && s.displacedClients > 0 && s.backMaxMs <= 5000,
  },
  {
    label: 'own writes the new instance lacked, resent by writers (of them acknowledged)',
    show: (s) => `${s.resentWrites} (${s.acknowledgedLacked})`,
  },
]

function storageTable(o: Outcome<StorageSummary>): string {
  const head = [
    '### 4. s150 on one Samla instance: PostgreSQL against SQLite',
    '',
    '| | PostgreSQL | SQLite | PostgreSQL / SQLite | target | |',
    '|---|---|---|---|---|---|',
  ]
  const s = ok(o)
  if (!s)
    return [...head, `| p99 ms | failed: ${(o as { error: string }).error} | | | | |`].join('\n')
  const pg = ok(s.postgres)
  const r = ratio(pg?.p99, s.sqlite.p99)
  const pgCell = (show: (x: { p99: number; delivered: number }) => string) =>
    pg ? show(pg) : `failed: ${(s.postgres as { error: string }).error}`
  return [
    ...head,
    `| p99 ms | ${pgCell((x) => String(x.p99))} | ${s.sqlite.p99} | ${times(r)} | ≤ 1.5× | ${verdict(r === undefined ? undefined : r <= 1.5)} |`,
    `| delivered % | ${pgCell((x) => String(x.delivered))} | ${s.sqlite.delivered} | | | |`,
  ].join('\n')
}
