import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForFacilitatorBoard } from './src/ui.ts'

/**
 * Issue 14, item 10: "the first click on the panel after a tldraw menu is swallowed". With one
 * of tldraw's menus open, a single click on a button of the facilitation panel must both close
 * the menu and do what the button says.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

describe('the facilitation panel after a tldraw menu', () => {
  it('takes the first click while a tldraw menu is open', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 8',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'hybrid',
    })
    const page = await waitForFacilitatorBoard(
      await open(links.facilitator, { width: 1440, height: 900 }),
    )
    const start = page.getByRole('button', { name: 'Starta', exact: true })
    const pause = page.getByRole('button', { name: 'Pausa', exact: true })
    let menus = 0
    for (const menu of [
      'main-menu.button',
      'page-menu.button',
      'style.more',
      'tools.more-button',
    ]) {
      const trigger = page.getByTestId(menu)
      if ((await trigger.count()) === 0) continue
      await trigger.first().click()
      await page.locator('.tlui-menu, .tlui-popover__content').first().waitFor()
      menus++
      // One click: the timer starts (the button becomes "Pausa") and the menu is gone.
      await start.click({ timeout: 5000 })
      await pause.waitFor({ timeout: 2000 })
      await expect.poll(() => page.locator('.tlui-menu, .tlui-popover__content').count()).toBe(0)
      await page.getByRole('button', { name: 'Börja om', exact: true }).click()
      await start.waitFor()
    }
    expect(menus).toBeGreaterThanOrEqual(2)
    await page.screenshot({ path: path.join(screenshotDir, 'facilitator-board-1440.png') })
  })
})
