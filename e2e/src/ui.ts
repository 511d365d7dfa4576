import type { Page } from 'playwright-core'

/** The board's connection badge (BoardTopPanel) says the relay is reachable. */
export async function waitForConnection(page: Page, state: 'online' | 'offline' = 'online') {
  await page.locator(`[data-connection="${state}"]`).waitFor({ timeout: 30_000 })
}

/**
 * tldraw fetches fonts and translations after the canvas shows; a test that stops the server
 * on purpose waits for them first, so that a missing asset still counts as a failure.
 */
export async function waitForAssets(page: Page) {
  await page.waitForLoadState('networkidle')
}

/**
 * Writes a sticky note the way a person does: a click on empty canvas to leave any text
 * editing, the note tool's shortcut, a click where the note goes, typing, Escape.
 */
export async function writeNote(page: Page, at: { x: number; y: number }, text: string) {
  const canvas = page.locator('.tl-canvas')
  await canvas.click({ position: { x: 640, y: 600 } })
  await page.keyboard.press('n')
  await canvas.click({ position: at })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/** Reads state only: how many shapes the page's editor holds. */
export const shapeCount = (page: Page) =>
  page.evaluate(() => window.__samla?.editor.getCurrentPageShapes().length)
