import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection, waitForFacilitatorBoard } from './src/ui.ts'

/**
 * Where a board opens (issue 14, items 6 and 10): the whole phase in view with its Inkorg
 * clear of tldraw's style panel at 1280 px, and the facilitator's link opened again lands on
 * the phase the bar names.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

interface Canvas {
  getCurrentPageShapes(): Array<{ id: string; type: string; props: { name?: string } }>
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
  pageToScreen(point: { x: number; y: number }): { x: number; y: number }
  getCurrentPage(): { name: string }
  getZoomLevel(): number
}

/** Whether the Inkorg frame lies wholly on the canvas and clear of the style panel. */
const inboxInView = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor as unknown as Canvas
    const inbox = editor
      .getCurrentPageShapes()
      .find((s) => s.type === 'frame' && s.props.name === 'Inkorg')
    const b = inbox && editor.getShapePageBounds(inbox.id)
    const canvas = document.querySelector('.tl-canvas')?.getBoundingClientRect()
    if (!b || !canvas) return 'no inbox'
    const a = editor.pageToScreen({ x: b.x, y: b.y })
    const z = editor.pageToScreen({ x: b.x + b.w, y: b.y + b.h })
    const inside =
      a.x >= canvas.left && a.y >= canvas.top && z.x <= canvas.right && z.y <= canvas.bottom
    const panel = document.querySelector('.tlui-style-panel')?.getBoundingClientRect()
    const covered =
      !!panel && panel.left < z.x && panel.right > a.x && panel.top < z.y && panel.bottom > a.y
    return inside && !covered ? 'in view' : `inside ${inside}, covered ${covered}`
  })

describe('where the board opens', () => {
  it('shows the Inkorg at 1280 px, and the facilitator lands on the current phase again', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 7',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'hybrid',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))
    await expect.poll(() => inboxInView(facilitator), { timeout: 10_000 }).toBe('in view')

    const participant = await open(links.participant)
    await waitForConnection(participant)
    await expect.poll(() => inboxInView(participant), { timeout: 15_000 }).toBe('in view')

    await facilitator.getByRole('button', { name: 'Gå hit med alla (Testa)' }).click()
    // The facilitator's link opened again (another window, or after a restart of the laptop).
    const again = await waitForFacilitatorBoard(await open(links.facilitator))
    await expect
      .poll(() =>
        again.evaluate(() => {
          const editor = window.__samla?.editor as unknown as Canvas | undefined
          return editor
            ? { page: editor.getCurrentPage().name, fitted: editor.getZoomLevel() !== 1 }
            : null
        }),
      )
      .toEqual({ page: 'Testa', fitted: true })
    await expect.poll(() => inboxInView(again)).toBe('in view')
  })
})
