import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { startSamla } from './src/server.ts'
import { shapeCount, waitForAssets, waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, type WatchOptions, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()

/** A fresh browser profile whose every request and console error is checked after the test. */
async function newContext(options?: WatchOptions): Promise<BrowserContext> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchContext(context, () => samla.server.url, findings, options)
  return context
}

afterEach(() => {
  const found = findings
  findings = emptyFindings()
  // Nothing leaves the origin (GDPR, minors' data), and no font, icon or translation is missing.
  expect(found).toEqual(emptyFindings())
})

/** Opens tldraw's people menu (the avatars at the top right). */
async function openPeopleMenu(page: Page) {
  await page.locator('.tlui-people-menu__avatars-button').click()
}

const NOTE = 'Vad kan du göra redan i morgon?'

describe('a shared board in two browsers', () => {
  it('creates a board, shares a note, cursors, names and following, and keeps the note across reloads and a restart', async () => {
    const a = await (await newContext()).newPage()
    await a.goto(samla.server.url)
    await expect.poll(() => a.evaluate(() => document.documentElement.lang)).toBe('sv')
    await a.getByRole('heading', { level: 1, name: 'Skapa en ny tavla' }).waitFor()
    const titleField = a.getByLabel('Tavlans namn (valfritt)')
    await titleField.focus() // the screenshot shows the focus ring
    await a.screenshot({ path: `${screenshotDir}/start-1280.png` })
    expect(await accessibilityViolations(a)).toEqual([])
    await titleField.fill('Samling 2 – digital')
    await a.getByRole('button', { name: 'Skapa ny tavla' }).click()
    await a.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/)
    await waitForConnection(a)
    await expect.poll(() => a.title()).toBe('Samling 2 – digital – Samla')
    expect(await accessibilityViolations(a, '.topbar')).toEqual([])
    const boardUrl = a.url()

    const b = await (await newContext()).newPage()
    await b.goto(boardUrl)
    await waitForConnection(b)
    // The first page carries a Swedish name, for everyone.
    for (const page of [a, b]) {
      await expect
        .poll(() => page.evaluate(() => window.__samla?.editor.getCurrentPage().name))
        .toBe('Sida 1')
    }

    await writeNote(a, { x: 500, y: 350 }, NOTE)
    await expect.poll(() => shapeCount(a)).toBe(1)
    await b.getByText(NOTE).first().waitFor({ timeout: 15_000 })

    // A's cursor, with A's name, appears on B's screen.
    const nameOfA = await a.evaluate(() => window.__samla?.editor.user.getName() ?? '')
    expect(nameOfA).toMatch(/^Gäst \d+$/)
    await a.mouse.move(700, 300)
    await a.mouse.move(720, 320, { steps: 5 })
    await b
      .locator('.tl-collaborators__item .tl-nametag', { hasText: nameOfA })
      .waitFor({ timeout: 15_000 })
    await b.screenshot({ path: `${screenshotDir}/board-two-users-1280.png` })

    // B renames itself in the people menu; A sees the new name on B's cursor.
    const idOfB = await b.evaluate(() => window.__samla?.editor.user.getId())
    await openPeopleMenu(b)
    await b.getByTestId('people-menu.change-name').click()
    await b.locator('.tlui-people-menu__user__input').fill('Elin')
    await b.keyboard.press('Enter')
    await b.keyboard.press('Escape')
    await b.mouse.move(300, 500)
    await b.mouse.move(320, 520, { steps: 5 })
    await a
      .locator('.tl-collaborators__item .tl-nametag', { hasText: 'Elin' })
      .waitFor({ timeout: 15_000 })

    // B follows A from the people menu; when A scrolls its view away, B's view goes along.
    const cameraOfB = () => b.evaluate(() => window.__samla?.editor.getCamera().x ?? 0)
    const before = await cameraOfB()
    await openPeopleMenu(b)
    await b
      .locator('.tlui-people-menu__item', { hasText: nameOfA })
      .locator('.tlui-people-menu__item__follow')
      .click()
    await b.keyboard.press('Escape')
    await a.mouse.move(640, 400)
    await a.mouse.wheel(1500, 1000)
    await expect.poll(cameraOfB, { timeout: 15_000 }).toBeLessThan(before - 1000)

    // Reload: the note comes back from the server, and B is still Elin with the same id.
    await b.reload()
    await waitForConnection(b)
    await b.getByText(NOTE).first().waitFor({ timeout: 15_000 })
    expect(await b.evaluate(() => window.__samla?.editor.user.getName())).toBe('Elin')
    expect(await b.evaluate(() => window.__samla?.editor.user.getId())).toBe(idOfB)

    // Restart the server on the same data and port: the note is still there.
    await waitForAssets(b)
    await samla.server.stop()
    await waitForConnection(b, 'offline')
    samla.server = await startSamla(samla.server.dataDir, samla.server.port)
    await waitForConnection(b)
    await b.reload()
    await waitForConnection(b)
    await b.getByText(NOTE).first().waitFor({ timeout: 15_000 })
    expect(await shapeCount(b)).toBe(1)

    // B leaves: its presence goes from A's people menu (awareness, nothing in the document).
    await waitForConnection(a)
    await a.locator('.tlui-people-menu__avatars-button').waitFor()
    await b.close()
    await a.locator('.tlui-people-menu__avatars-button').waitFor({ state: 'detached' })
  })

  it('merges edits both browsers made while the server was down', async () => {
    const res = await fetch(`${samla.server.url}/api/boards`, { method: 'POST' })
    const { url } = (await res.json()) as { url: string }
    const a = await (await newContext()).newPage()
    const b = await (await newContext()).newPage()
    await a.goto(url)
    await b.goto(url)
    await Promise.all([waitForConnection(a), waitForConnection(b)])
    await Promise.all([waitForAssets(a), waitForAssets(b)])

    await samla.server.stop()
    await Promise.all([waitForConnection(a, 'offline'), waitForConnection(b, 'offline')])
    await writeNote(a, { x: 300, y: 300 }, 'Skrivet av A utan nät')
    await writeNote(b, { x: 800, y: 300 }, 'Skrivet av B utan nät')

    samla.server = await startSamla(samla.server.dataDir, samla.server.port)
    await Promise.all([waitForConnection(a), waitForConnection(b)])
    for (const page of [a, b]) {
      await page.getByText('Skrivet av A utan nät').first().waitFor({ timeout: 15_000 })
      await page.getByText('Skrivet av B utan nät').first().waitFor({ timeout: 15_000 })
      expect(await shapeCount(page)).toBe(2)
    }
  })

  it('switches Samla and tldraw to English and back, and fits a phone screen', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(samla.server.url)
    await page.getByRole('button', { name: 'Skapa ny tavla' }).waitFor()
    await page.screenshot({ path: `${screenshotDir}/start-360.png` })
    expect(await accessibilityViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'English' }).click()
    // The choice is remembered across visits.
    await page.reload()
    await page.getByRole('button', { name: 'Create new board' }).click()
    await page.waitForURL(/\/b\//)
    await page
      .locator('[data-connection="online"]')
      .getByText('Connected')
      .waitFor({ timeout: 30_000 })
    await expect.poll(() => page.evaluate(() => window.__samla?.editor.user.getLocale())).toBe('en')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    // tldraw's own UI follows: its translations come from this server too.
    const selectTool = page.getByTestId('tools.select')
    await expect.poll(() => selectTool.getAttribute('aria-label')).toMatch(/^Select/)
    await page.screenshot({ path: `${screenshotDir}/board-360-en.png` })
    expect(await accessibilityViolations(page, '.topbar')).toEqual([])
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Svenska' }).click()
    await page.locator('[data-connection="online"]').getByText('Ansluten').waitFor()
    await expect.poll(() => page.evaluate(() => window.__samla?.editor.user.getLocale())).toBe('sv')
    await expect.poll(() => selectTool.getAttribute('aria-label')).toMatch(/^Välj/)
  })

  it('says so when a board does not exist, and leads back to the start page', async () => {
    // The browser logs the 404 of the board lookup; that one is expected here.
    const context = await newContext({ expectedConsoleErrors: [/status of 404/] })
    const page = await context.newPage()
    await page.goto(`${samla.server.url}/b/${'x'.repeat(22)}`)
    await page.getByRole('heading', { level: 1, name: 'Tavlan finns inte' }).waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Till startsidan' }).click()
    await page.getByRole('button', { name: 'Skapa ny tavla' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('tells the user, in an alert, when the board cannot be created', async () => {
    // Not watched: the refused request is the point of this test.
    const page = await (await samla.browser.newContext()).newPage()
    await page.goto(samla.server.url)
    await waitForAssets(page)
    await samla.server.stop()
    try {
      await page.getByRole('button', { name: 'Skapa ny tavla' }).click()
      await page.getByRole('alert').getByText('Tavlan kunde inte skapas').waitFor()
      expect(await accessibilityViolations(page)).toEqual([])
      expect(new URL(page.url()).pathname).toBe('/')
    } finally {
      samla.server = await startSamla(samla.server.dataDir, samla.server.port)
    }
  })
})
