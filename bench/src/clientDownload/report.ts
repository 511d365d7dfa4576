import type { Measurement, PHONE_PROFILE } from './measure.ts'
import type { View } from './views.ts'

export interface BuildResult {
  label: string
  root: string
  views: View[]
  measured: Map<string, Measurement[]>
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const s = (seconds: number) => seconds.toFixed(2)

interface Row {
  js: number
  total: number
  settledJs: number
  settledTotal: number
  usable: number
  usableRuns: number[]
  later: number | null
}

function summarise(ms: Measurement[]): Row {
  const laters = ms.map((m) => m.laterS).filter((x): x is number => x !== null)
  return {
    js: median(ms.map((m) => m.jsBytes)),
    total: median(ms.map((m) => m.totalBytes)),
    settledJs: median(ms.map((m) => m.settledJsBytes)),
    settledTotal: median(ms.map((m) => m.settledTotalBytes)),
    usable: median(ms.map((m) => m.usableS)),
    usableRuns: ms.map((m) => m.usableS),
    later: laters.length ? median(laters) : null,
  }
}

/** Met or missed, for the newest build: the numbers, or "no worse than before". */
function verdict(view: View, row: Row, before: Row | undefined): string {
  const target = view.target
  if (!target) return ''
  if (target.jsKB !== undefined || target.usableS !== undefined) {
    const js = target.jsKB === undefined || row.js <= target.jsKB * 1024
    const time = target.usableS === undefined || row.usable <= target.usableS
    return js && time
      ? 'met'
      : `missed (${[!js && 'JS', !time && 'time'].filter(Boolean).join(', ')})`
  }
  if (!before) return 'no baseline'
  const worse = [
    row.usable > before.usable && 'time',
    row.settledTotal > before.settledTotal && 'bytes',
  ].filter(Boolean)
  return worse.length ? `missed (${worse.join(', ')})` : 'met'
}

export function report(
  builds: BuildResult[],
  options: { runs: number; profile: typeof PHONE_PROFILE; argv: string[] },
): string {
  const { profile } = options
  const lines = [
    `## pnpm bench:client, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`pnpm bench:client ${options.argv.join(' ')}\``,
    '',
    `- Chromium (playwright-core), a fresh context per load (empty cache); CDP throttling ${(profile.downloadBytesPerSecond * 8) / 1e6} Mbit/s down, ${(profile.uploadBytesPerSecond * 8) / 1000} kbit/s up, ${profile.latencyMs} ms latency, CPU ${profile.cpuSlowdown}× slower.`,
    `- Medians of ${options.runs} loads per view and build, the builds alternating. KB = 1024 bytes on the wire (CDP encodedDataLength: compressed bodies plus headers); WebSocket traffic is not counted.`,
    '- "until usable": what had finished loading when the view became usable; "settled": everything once no request had been made for 2 s (lazy chunks, fonts, the board).',
    `- Usable: start: the meeting form's first field and its button; join: the code field and "Gå med"; phone: the note field and "Lägg upp lappen" visible and enabled; board, projector: a note of the current phase drawn on the canvas (the projector: and its phase bar); documentation: that note listed.`,
    ...builds.map((b) => `- ${b.label}: \`${b.root}\` (server/dist/main.js with client/dist)`),
    '',
    '| view | build | JS KB until usable | total KB until usable | JS KB settled | total KB settled | usable s (runs) | target | |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  const newest = builds.at(-1)
  for (const view of newest?.views ?? []) {
    const rows = builds.map((b) => ({ b, row: summarise(b.measured.get(view.id) ?? []) }))
    const before = builds.length > 1 ? rows[0]?.row : undefined
    for (const { b, row } of rows) {
      const later = row.later !== null && view.later ? `; ${view.later.label} ${s(row.later)}` : ''
      const isNewest = b === newest
      lines.push(
        `| ${view.label} | ${b.label} | ${kb(row.js)} | ${kb(row.total)} | ${kb(row.settledJs)} | ${kb(row.settledTotal)} | **${s(row.usable)}** (${row.usableRuns.map(s).join(', ')})${later} | ${isNewest ? (view.target?.text ?? '') : ''} | ${isNewest ? verdict(view, row, before) : ''} |`,
      )
    }
  }
  return lines.join('\n')
}
