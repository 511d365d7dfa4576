import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page, Request, Route } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

/**
 * What a phone downloads before it can be used (issue #14): the join page never loads
 * tldraw, and the phone page is usable while tldraw is held back. Byte budgets of the
 * compressed scripts are asserted here (they are deterministic); times are the benchmark's
 * (`pnpm bench:client`).
 */
const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

const KB = 1024
const assets = path.resolve(import.meta.dirname, '../client/dist/assets')
/** The built scripts that are (or carry) tldraw: by name, or by its packages' names inside. */
const tldrawScripts = new Set(
  fs
    .readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .filter(
      (file) =>
        file.includes('tldraw') ||
        fs.readFileSync(path.join(assets, file), 'utf8').includes('@tldraw/'),
    )
    .map((file) => `/assets/${file}`),
)
const isTldraw = (pathname: string) => tldrawScripts.has(pathname)

const fileOf = (url: string) => path.join(assets, path.basename(new URL(url).pathname))

/** The scripts a page has finished loading, in order; measure() says what they weighed. */
function recordScripts(page: Page): Request[] {
  const finished: Request[] = []
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') finished.push(request)
  })
  return finished
}

/** Bytes of the bodies as sent (compressed), and how each was encoded. */
async function measure(requests: Request[]) {
  const scripts = await Promise.all(
    requests.map(async (request) => ({
      path: new URL(request.url()).pathname,
      bytes: (await request.sizes()).responseBodySize,
      encoding: (await request.response())?.headers()['content-encoding'] ?? null,
      // What the server should have sent: the build's brotli copy wherever it wrote one.
      expected: fs.existsSync(`${fileOf(request.url())}.br`) ? 'br' : null,
    })),
  )
  return { scripts, total: scripts.reduce((sum, s) => sum + s.bytes, 0) }
}

/** Each control visible and enabled: the page can be used. */
async function usable(...controls: Locator[]) {
  for (const control of controls) {
    await control.waitFor()
    expect(await control.isEnabled()).toBe(true)
  }
}

describe('what a phone downloads', () => {
  it('the build has tldraw in scripts of its own, and the join page loads none of them', async () => {
    expect(tldrawScripts.size).toBeGreaterThan(0)
    const context = await samla.browser.newContext({ viewport: { width: 360, height: 740 } })
    watchContext(context, () => samla.server.url, findings)
    const page = await context.newPage()
    const finished = recordScripts(page)
    await page.goto(`${samla.server.url}/j`)
    await usable(
      page.getByRole('textbox', { name: 'Koden på skärmen (sex tecken)' }),
      page.getByRole('button', { name: 'Gå med' }),
    )
    // Nothing more arrives later: everything the page will load has loaded.
    await page.waitForLoadState('networkidle')

    const { scripts, total } = await measure(finished)
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter((s) => isTldraw(s.path))).toEqual([])
    expect(scripts.map((s) => s.encoding)).toEqual(scripts.map((s) => s.expected))
    expect(total).toBeLessThanOrEqual(60 * KB)
    // Not React either: the join page is plain DOM.
    for (const request of finished)
      expect(fs.readFileSync(fileOf(request.url()), 'utf8'), request.url()).not.toContain(
        'react.transitional.element',
      )
    await context.close()
  })

  it('the phone page can be filled in and posted while tldraw is held back, and the note arrives', async () => {
    const { meeting, links } = await createMeeting(samla.server.url, {
      title: 'Samling 3',
      group: 'kraftsamling',
      date: '2026-03-13',
      format: 'hybrid',
    })
    const joined = (await (
      await fetch(`${samla.server.url}/api/join/${meeting.joinCode}`)
    ).json()) as { phoneLink: string }
    const context = await samla.browser.newContext({ viewport: { width: 360, height: 740 } })
    watchContext(context, () => samla.server.url, findings)
    const phone = await context.newPage()
    const held: Route[] = []
    const tldraw = (url: URL) => isTldraw(url.pathname)
    await phone.route(tldraw, (route) => void held.push(route))
    const finished = recordScripts(phone)
    await phone.goto(joined.phoneLink)

    const text = phone.getByRole('textbox', { name: 'Din lapp' })
    const post = phone.getByRole('button', { name: 'Lägg upp lappen' })
    await usable(text, post)
    const beforeUsable = await measure([...finished])
    expect(beforeUsable.scripts.filter((s) => isTldraw(s.path))).toEqual([])
    expect(beforeUsable.scripts.map((s) => s.encoding)).toEqual(
      beforeUsable.scripts.map((s) => s.expected),
    )
    expect(beforeUsable.total).toBeLessThanOrEqual(200 * KB)
    // Right after the form is on screen, the page asks for tldraw: held here.
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0)

    await phone.getByRole('textbox', { name: 'Ditt namn (valfritt)' }).fill('Sara')
    await text.fill('Skolgården på eftermiddagen')
    await post.click()
    await phone.getByText('Skickar lappen …').waitFor()
    expect(await post.isDisabled()).toBe(true)

    for (const route of held.splice(0)) await route.continue()
    await phone.unroute(tldraw)
    await phone.getByText('Lappen finns nu på tavlan.').waitFor({ timeout: 20_000 })
    expect(await text.inputValue()).toBe('')
    expect(finished.filter((r) => isTldraw(new URL(r.url()).pathname)).length).toBeGreaterThan(0)

    // The note the phone queued is on the board.
    const board = await context.newPage()
    await board.goto(links.participant)
    await board.getByText('Skolgården på eftermiddagen').first().waitFor({ timeout: 20_000 })
    await context.close()
  })
})
