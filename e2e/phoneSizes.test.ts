import path from 'node:path'
import type { CreatedMeeting } from '@samla/shared'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

/**
 * The phone's first screens at 360×740 (issue #14, item 9): nothing wider than the screen,
 * and every button a thumb hits at least 44 px tall.
 */
const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

async function phone(url: string): Promise<Page> {
  const context = await samla.browser.newContext({ viewport: { width: 360, height: 740 } })
  watchContext(context, () => samla.server.url, findings)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/** The heights of the page's visible buttons, by their names. */
const buttonHeights = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => ({
        name: b.textContent?.trim() ?? '',
        height: Math.round(b.getBoundingClientRect().height),
      })),
  )

describe('the phone’s first screens at 360 px', () => {
  it('the join page fits the screen, and its buttons are 44 px targets', async () => {
    const page = await phone(`${samla.server.url}/j`)
    await page.getByRole('button', { name: 'Gå med' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const input = await page.getByLabel('Koden på skärmen (sex tecken)').boundingBox()
    const card = await page.locator('.card').boundingBox()
    expect((input?.x ?? 0) + (input?.width ?? 0)).toBeLessThanOrEqual(
      (card?.x ?? 0) + (card?.width ?? 0),
    )
    for (const button of await buttonHeights(page))
      expect(button.height, button.name).toBeGreaterThanOrEqual(44)
    await page.screenshot({ path: path.join(screenshotDir, 'join-360.png') })
  })

  it('the phone page’s buttons are 44 px targets and it fits the screen', async () => {
    const res = await fetch(`${samla.server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Samling 2',
        group: 'kraftsamling',
        date: '2026-02-13',
        format: 'hybrid',
      }),
    })
    const { links } = (await res.json()) as CreatedMeeting
    const page = await phone(links.participant.replace('/b/', '/p/'))
    await page.getByRole('button', { name: 'Lägg upp lappen' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    for (const button of await buttonHeights(page))
      expect(button.height, button.name).toBeGreaterThanOrEqual(44)
    await page.screenshot({ path: path.join(screenshotDir, 'phone-page-360.png') })
  })
})
