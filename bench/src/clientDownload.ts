/**
 * What each of Samla's views downloads, and how long until it can be used, on the issue's
 * mid-range phone (1.6 Mbit/s, 150 ms, CPU 4× slower), in Chromium with an empty cache.
 *
 *   pnpm bench:client                                  this checkout (built by the script)
 *   pnpm bench:client --baseline /tmp/old --runs 3     and another built checkout, alternately
 *   pnpm bench:client --views join,phone --out bench/results/client.md
 *
 * A baseline is a checkout on which `pnpm build` has run: its server/dist/main.js is started
 * with its client/dist. Each build gets a real server on a free port with a data directory
 * of its own, one seeded meeting, and every view opened `--runs` times; medians are reported.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { type Measurement, measureView, PHONE_PROFILE } from './clientDownload/measure.ts'
import { type BuildResult, report } from './clientDownload/report.ts'
import { prepareViews, type View } from './clientDownload/views.ts'
import { startTarget, type Target } from './targets.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    views: { type: 'string' },
    baseline: { type: 'string' },
    out: { type: 'string' },
  },
})
const runs = Number(values.runs)
const repoRoot = path.resolve(import.meta.dirname, '../..')

interface Build {
  label: string
  root: string
  target: Target
  views: View[]
  measured: Map<string, Measurement[]>
}

async function startBuild(label: string, root: string): Promise<Build> {
  for (const file of ['server/dist/main.js', 'client/dist/index.html'])
    if (!fs.existsSync(path.join(root, file)))
      throw new Error(`${path.join(root, file)} is missing: run pnpm build in ${root}`)
  const target = await startTarget('samla', {
    samlaEntry: path.join(root, 'server/dist/main.js'),
    env: { SAMLA_CLIENT_DIST: path.join(root, 'client/dist') },
  })
  const wanted = values.views?.split(',')
  const views = (await prepareViews(target.url)).filter((v) => !wanted || wanted.includes(v.id))
  return { label, root, target, views, measured: new Map() }
}

const builds: Build[] = []
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  if (values.baseline) builds.push(await startBuild('before', path.resolve(values.baseline)))
  builds.push(await startBuild(values.baseline ? 'after' : 'this build', repoRoot))
  // Run by run, view by view, the builds one after the other: a noisy minute on the shared
  // machine then falls on both rather than on one.
  for (let run = 1; run <= runs; run++) {
    for (const [index, view] of (builds[0]?.views ?? []).entries()) {
      for (const build of builds) {
        const own = build.views[index] as View
        const m = await measureView(browser, own)
        build.measured.set(view.id, [...(build.measured.get(view.id) ?? []), m])
        console.log(JSON.stringify({ run, build: build.label, view: view.id, ...m }))
      }
    }
  }
} finally {
  await browser.close()
  for (const build of builds) await build.target.stop()
}

const results: BuildResult[] = builds.map((b) => ({
  label: b.label,
  root: b.root,
  views: b.views,
  measured: b.measured,
}))
const markdown = report(results, { runs, profile: PHONE_PROFILE, argv: process.argv.slice(2) })
console.log(`\n${markdown}`)
if (values.out) fs.writeFileSync(values.out, `${markdown}\n`)
