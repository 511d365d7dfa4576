import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { startSamla } from './src/server.ts'

const samla = useSamlaAndBrowser()
const foreignRequests: string[] = []
const failedLoads: string[] = []

/** Records every request that leaves the server's origin, for the no-third-party rule. */
async function newContext(): Promise<BrowserContext> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  context.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(`http://127.0.0.1:${samla.server.port}/`) && !/^(data|blob):/.test(url))
      foreignRequests.push(url)
  })
  context.on('requestfailed', (request) => {
    // A reconnecting WebSocket during the restart is expected; a missing asset is not.
    if (!request.url().startsWith('ws')) failedLoads.push(request.url())
  })
  return context
}

async function waitForOnline(page: Page) {
  await page.locator('[data-connection="online"]').waitFor({ timeout: 30_000 })
}

/** Creates a sticky note through the UI: the note tool, a click on the canvas, typing. */
async function writeNote(page: Page, at: { x: number; y: number }, text: string) {
  await page.locator('.tl-canvas').click({ position: { x: 640, y: 600 } })
  await page.keyboard.press('n')
  await page.locator('.tl-canvas').click({ position: at })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

const shapeCount = (page: Page) =>
  page.evaluate(() => window.__samla?.editor.getCurrentPageShapes().length)

describe('a shared board in two browsers', () => {
  it('creates a board, shares a sticky note and a cursor, and keeps the note across reloads and a restart', async () => {
    const a = await (await newContext()).newPage()
    await a.goto(samla.server.url)
    await expect.poll(() => a.evaluate(() => document.documentElement.lang)).toBe('sv')
    await a.getByLabel('Tavlans namn (valfritt)').fill('Samling 2 – digital')
    await a.getByRole('button', { name: 'Skapa ny tavla' }).click()
    await a.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/)
    await waitForOnline(a)
    const boardUrl = a.url()

    const b = await (await newContext()).newPage()
    await b.goto(boardUrl)
    await waitForOnline(b)
    // The first page carries a Swedish name, for everyone.
    for (const page of [a, b]) {
      await expect
        .poll(() => page.evaluate(() => window.__samla?.editor.getCurrentPage().name))
        .toBe('Sida 1')
    }

    // A writes a sticky note the way a person does: the note tool, a click, typing.
    await a.locator('.tl-canvas').click({ position: { x: 640, y: 400 } })
    await a.keyboard.press('n')
    await a.locator('.tl-canvas').click({ position: { x: 500, y: 350 } })
    await a.keyboard.type('Vad kan du göra redan i morgon?')
    await a.keyboard.press('Escape')
    await expect
      .poll(() => a.evaluate(() => window.__samla?.editor.getCurrentPageShapes().length))
      .toBe(1)

    await b.getByText('Vad kan du göra redan i morgon?').first().waitFor({ timeout: 15_000 })

    // A's cursor, with A's name, appears on B's screen.
    const nameOfA = await a.evaluate(() => window.__samla?.editor.user.getName() ?? '')
    expect(nameOfA).toMatch(/^Gäst \d+$/)
    await a.mouse.move(700, 300)
    await a.mouse.move(720, 320, { steps: 5 })
    await b
      .locator('.tl-collaborators__item .tl-nametag', { hasText: nameOfA })
      .waitFor({ timeout: 15_000 })
    await b.screenshot({ path: `${screenshotDir}/board-two-users-1280.png` })

    // B follows A (as the people menu does): when A moves its view, B's view goes along.
    await b.evaluate(() => {
      const editor = window.__samla?.editor
      const presence = editor?.getCollaborators()[0]
      if (presence) editor?.startFollowingUser(presence.userId)
    })
    await a.evaluate(() => {
      window.__samla?.editor.setCamera({ x: -2000, y: -1500, z: 1 })
    })
    await expect
      .poll(() => b.evaluate(() => window.__samla?.editor.getCamera().x), { timeout: 15_000 })
      .toBeLessThan(-1000)
    await b.evaluate(() => {
      window.__samla?.editor.stopFollowingUser()
    })

    // Reload: the note comes back from the server.
    await b.reload()
    await waitForOnline(b)
    await b.getByText('Vad kan du göra redan i morgon?').first().waitFor({ timeout: 15_000 })

    // Restart the server on the same data and port: the note is still there.
    await samla.server.stop()
    await b.locator('[data-connection="offline"]').waitFor({ timeout: 15_000 })
    samla.server = await startSamla(samla.server.dataDir, samla.server.port)
    await waitForOnline(b)
    await b.reload()
    await waitForOnline(b)
    await b.getByText('Vad kan du göra redan i morgon?').first().waitFor({ timeout: 15_000 })
    expect(await b.evaluate(() => window.__samla?.editor.getCurrentPageShapes().length)).toBe(1)

    expect(foreignRequests).toEqual([])
    expect(failedLoads).toEqual([])
  })

  it('merges edits both browsers made while the server was down', async () => {
    const res = await fetch(`${samla.server.url}/api/boards`, { method: 'POST' })
    const { url } = (await res.json()) as { url: string }
    const a = await (await newContext()).newPage()
    const b = await (await newContext()).newPage()
    await a.goto(url)
    await b.goto(url)
    await Promise.all([waitForOnline(a), waitForOnline(b)])

    await samla.server.stop()
    await a.locator('[data-connection="offline"]').waitFor({ timeout: 15_000 })
    await b.locator('[data-connection="offline"]').waitFor({ timeout: 15_000 })
    await writeNote(a, { x: 300, y: 300 }, 'Skrivet av A utan nät')
    await writeNote(b, { x: 800, y: 300 }, 'Skrivet av B utan nät')

    samla.server = await startSamla(samla.server.dataDir, samla.server.port)
    await Promise.all([waitForOnline(a), waitForOnline(b)])
    for (const page of [a, b]) {
      await page.getByText('Skrivet av A utan nät').first().waitFor({ timeout: 15_000 })
      await page.getByText('Skrivet av B utan nät').first().waitFor({ timeout: 15_000 })
      expect(await shapeCount(page)).toBe(2)
    }
    expect(foreignRequests).toEqual([])
  })

  it('switches Samla and tldraw to English and back, and fits a phone screen', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(samla.server.url)
    await page.getByRole('button', { name: 'Skapa ny tavla' }).waitFor()
    await page.screenshot({ path: `${screenshotDir}/start-360.png` })
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Create new board' }).click()
    await page.waitForURL(/\/b\//)
    await page
      .locator('[data-connection="online"]')
      .getByText('Connected')
      .waitFor({ timeout: 30_000 })
    await expect.poll(() => page.evaluate(() => window.__samla?.editor.user.getLocale())).toBe('en')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.screenshot({ path: `${screenshotDir}/board-360-en.png` })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Svenska' }).click()
    await page.locator('[data-connection="online"]').getByText('Ansluten').waitFor()
    await expect.poll(() => page.evaluate(() => window.__samla?.editor.user.getLocale())).toBe('sv')
  })
})
