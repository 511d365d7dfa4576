import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { overlayCoveringPhase, waitForConnection } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await samla.browser.newContext({ viewport })
  watchContext(context, () => samla.server.url, findings)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/** What a page's canvas shows, in page coordinates. */
const viewport = (page: Page) =>
  page.evaluate(() => {
    const bounds = window.__samla?.editor.getViewportPageBounds()
    if (!bounds) throw new Error('no editor')
    return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
  })
type Box = Awaited<ReturnType<typeof viewport>>

/**
 * How far the projector is from showing what the facilitator sees: tldraw's following puts
 * the leader's view in the middle of the follower's and as large as the follower's other
 * shape allows, so the centres meet and one side matches; the other side is longer, never
 * shorter. 0 when it does, within `tolerance` page units.
 */
function followingError(leader: Box, follower: Box, tolerance = 2): number {
  const centre = Math.hypot(
    follower.x + follower.w / 2 - (leader.x + leader.w / 2),
    follower.y + follower.h / 2 - (leader.y + leader.h / 2),
  )
  const side = Math.min(Math.abs(follower.w - leader.w), Math.abs(follower.h - leader.h))
  const short = Math.max(0, leader.w - follower.w, leader.h - follower.h)
  const error = Math.max(centre, side, short)
  return error <= tolerance ? 0 : error
}

/** "4:59" → 299 */
const seconds = (text: string) => {
  const [m = '0', s = '0'] = text.trim().split(':')
  return Number(m) * 60 + Number(s)
}

describe('the projector in the room', () => {
  it('follows the phase, shows the same timer, and the QR code and join code for phones', async () => {
    const { meeting, links } = await createMeeting(samla.server.url, {
      title: 'Samling 3 – i rummet',
      group: 'kraftsamling',
      date: '2026-03-20',
      format: 'physical',
    })
    const facilitator = await open(links.facilitator, { width: 1280, height: 800 })
    const projector = await open(links.projector, { width: 1920, height: 1080 })

    const phase = projector.locator('.projector-overlay__phase')
    await phase.filter({ hasText: 'Öppna upp' }).waitFor({ timeout: 20_000 })
    // No tool UI on the wall, and nothing can be edited there.
    expect(await projector.locator('.tlui-toolbar, .tlui-menu-zone').count()).toBe(0)
    expect(await projector.evaluate(() => window.__samla?.editor.getIsReadonly())).toBe(true)

    await facilitator.getByRole('button', { name: 'Gå hit med alla (Testa)' }).click()
    const movedAt = Date.now()
    await phase.filter({ hasText: 'Testa' }).waitFor({ timeout: 5_000 })
    expect(Date.now() - movedAt).toBeLessThan(1_500)
    expect(await projector.evaluate(() => window.__samla?.editor.getCurrentPage().name)).toBe(
      'Testa',
    )

    await facilitator.getByRole('button', { name: '5 min', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Starta', exact: true }).click()
    const timer = projector.locator('.projector-overlay__timer')
    await timer.waitFor({ timeout: 5_000 })
    const [onWall, atDesk] = await Promise.all([
      timer.getAttribute('data-timer'),
      facilitator.locator('[data-testid="timer"]').textContent(),
    ])
    expect(seconds(onWall ?? '')).toBeGreaterThan(290)
    expect(Math.abs(seconds(onWall ?? '') - seconds(atDesk ?? ''))).toBeLessThanOrEqual(1)

    // The QR code is drawn in the browser; under it the code people type.
    const qr = projector.getByRole('img', { name: 'QR-kod till samlingens mobilsida' })
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100)
    await projector.getByText(meeting.joinCode ?? 'no code').waitFor()
    expect(await accessibilityViolations(projector, '.projector-overlay')).toEqual([])
    await expect.poll(() => overlayCoveringPhase(projector), { timeout: 5_000 }).toEqual([])
    await projector.screenshot({ path: path.join(screenshotDir, 'projector-phase-1920.png') })
  })

  // A projector opened from another computer, and one opened in a second window of the
  // facilitator's own browser (where tldraw would make it the same person as the facilitator).
  it.each([
    ['on a computer of its own', false],
    ['in a second window of the facilitator’s browser', true],
  ])('shows what the facilitator sees once told to, %s', async (_where, sameBrowser) => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 3 – följ mig',
      group: 'kraftsamling',
      date: '2026-03-20',
      format: 'physical',
    })
    const facilitator = await open(links.facilitator, { width: 1280, height: 800 })
    await waitForConnection(facilitator)
    const wall = { width: 1920, height: 1080 }
    let projector: Page
    if (sameBrowser) {
      projector = await facilitator.context().newPage()
      await projector.setViewportSize(wall)
      await projector.goto(links.projector)
    } else projector = await open(links.projector, wall)
    await projector
      .locator('.projector-overlay__phase')
      .filter({ hasText: 'Öppna upp' })
      .waitFor({ timeout: 20_000 })

    await facilitator.getByRole('radio', { name: 'Det jag ser' }).check()
    // Somewhere the fitted phase is not: far to the left, zoomed out.
    await facilitator.evaluate(() => {
      window.__samla?.editor.setCamera({ x: 2400, y: 900, z: 0.5 })
    })
    const seen = await viewport(facilitator)
    expect(seen.x).toBeCloseTo(-2400, 0)
    await expect
      .poll(async () => followingError(seen, await viewport(projector)), { timeout: 10_000 })
      .toBe(0)

    // And on again when the facilitator moves on, closer in.
    await facilitator.evaluate(() => {
      window.__samla?.editor.setCamera({ x: -300, y: -200, z: 1.5 })
    })
    const closer = await viewport(facilitator)
    await expect
      .poll(async () => followingError(closer, await viewport(projector)), { timeout: 10_000 })
      .toBe(0)
    const shot = sameBrowser ? 'same-browser' : 'own-computer'
    await facilitator.screenshot({
      path: path.join(screenshotDir, `projector-follow-${shot}-facilitator.png`),
    })
    await projector.screenshot({ path: path.join(screenshotDir, `projector-follow-${shot}.png`) })
  })
})
