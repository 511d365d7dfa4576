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
  // Font faces tldraw declares are fetched on first use (the first note written offline would
  // ask for one): load every declared face now, while the server is up.
  await page.evaluate(async () => {
    const faces: FontFace[] = []
    document.fonts.forEach((face) => {
      faces.push(face)
    })
    await Promise.all(faces.map((face) => face.load()))
  })
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

/**
 * Which parts of the projector's overlay (phase bar, QR code, results) cover part of the
 * current phase as drawn on screen: none should, once the camera has fitted the phase.
 */
export const overlayCoveringPhase = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor
    const bounds = editor?.getCurrentPageBounds()
    if (!editor || !bounds) return ['no phase']
    const a = editor.pageToScreen({ x: bounds.x, y: bounds.y })
    const b = editor.pageToScreen({ x: bounds.x + bounds.w, y: bounds.y + bounds.h })
    return Array.from(document.querySelectorAll<HTMLElement>('[data-projector-reserve]'))
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.left < b.x && r.right > a.x && r.top < b.y && r.bottom > a.y
      })
      .map((el) => el.dataset.projectorReserve ?? '?')
  })

/** A facilitator's board once it is connected and laid out: its panel lists the phases. */
export async function waitForFacilitatorBoard(page: Page): Promise<Page> {
  await waitForConnection(page)
  await page.getByRole('heading', { name: 'Faser' }).waitFor({ timeout: 20_000 })
  return page
}

/** Reads state only: the words of every note in the page's store, sorted. */
export const noteTexts = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor as unknown as
      | {
          store: {
            allRecords(): Array<{ typeName: string; type?: string; props?: { richText?: unknown } }>
          }
        }
      | undefined
    return (editor?.store.allRecords() ?? [])
      .filter((r) => r.typeName === 'shape' && r.type === 'note')
      .map((r) => {
        const rich = r.props?.richText as {
          content?: Array<{ content?: Array<{ text?: string }> }>
        }
        return rich?.content?.flatMap((p) => p.content?.map((c) => c.text ?? '') ?? []).join('\n')
      })
      .sort()
  })
