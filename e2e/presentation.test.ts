import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * The wall read from the back of the room (issue 14, item 5): the facilitator presents one
 * question frame; the projector at 1920×1080 fills the screen with it, its name large, no
 * cursors, the QR code folded away on request.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

interface Canvas {
  getCurrentPageShapes(): Array<{
    id: string
    type: string
    parentId: string
    props: { name?: string }
  }>
  createShape(shape: unknown): void
  getZoomLevel(): number
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
  pageToScreen(point: { x: number; y: number }): { x: number; y: number }
}

/**
 * A question frame of its own below the phase's, with twelve notes four to a row, as a
 * facilitator adds one for a round of proposals and a roomful writes into it.
 */
const addFrameOfTwelve = (page: Page, name: string) =>
  page.evaluate((frameName) => {
    const editor = window.__samla?.editor as unknown as Canvas
    const id = `shape:presented${Date.now()}`
    editor.createShape({
      id,
      type: 'frame',
      x: 0,
      y: 4000,
      props: { w: 920, h: 760, name: frameName },
    })
    for (let i = 0; i < 12; i++)
      editor.createShape({
        type: 'note',
        parentId: id,
        x: 20 + (i % 4) * 220,
        y: 80 + Math.floor(i / 4) * 220,
        props: {
          richText: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: `Förslag nummer ${i + 1}` }] },
            ],
          },
        },
      })
  }, name)

/** On the projector: how large note text and the heading are on screen, and what is cut off. */
const wall = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor as unknown as Canvas
    const note = document.querySelector(
      '.tl-note__text, .tl-shape[data-shape-type="note"] .tl-rich-text',
    )
    const notePx = note
      ? Number.parseFloat(getComputedStyle(note).fontSize) * editor.getZoomLevel()
      : 0
    const heading = document.querySelector('.projector-overlay__question')
    const header = document.querySelector('.projector-overlay__top')?.getBoundingClientRect()
    const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note')
    const outside = notes.filter((n) => {
      const b = editor.getShapePageBounds(n.id)
      if (!b) return true
      const a = editor.pageToScreen({ x: b.x, y: b.y })
      const z = editor.pageToScreen({ x: b.x + b.w, y: b.y + b.h })
      return a.x < 0 || a.y < (header?.bottom ?? 0) || z.x > innerWidth || z.y > innerHeight
    }).length
    return {
      notePx,
      headingPx: heading ? Number.parseFloat(getComputedStyle(heading).fontSize) : 0,
      heading: heading?.textContent ?? '',
      notes: notes.length,
      outside,
      cursors: document.querySelectorAll('.tl-collaborator__cursor').length,
      qr: document.querySelectorAll('.projector-overlay__join').length,
    }
  })

describe('presenting a question on the projector', () => {
  it('one frame of 12 notes fills a 1920×1080 wall: note text ≥ 32 px, its name ≥ 40 px, no cursors', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 5',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'physical',
    })
    const facilitator = await open(links.facilitator)
    await waitForConnection(facilitator)
    await facilitator.getByRole('heading', { name: 'Faser' }).waitFor({ timeout: 20_000 })
    await addFrameOfTwelve(facilitator, 'Vad gör vi nu?')

    const projector = await open(links.projector, { width: 1920, height: 1080 })
    await projector.locator('.projector-overlay__join').waitFor({ timeout: 20_000 })
    await facilitator.getByLabel('En fråga, stort (presentation)').check()
    await expect.poll(() => facilitator.getByLabel('Vilken fråga').inputValue()).not.toBe('')
    await facilitator.getByLabel('Vilken fråga').selectOption({ label: 'Vad gör vi nu?' })
    await facilitator.getByLabel('QR-kod och kod för telefoner').uncheck()
    // The facilitator moves about the canvas: the wall shows no cursor of theirs.
    await facilitator.mouse.move(500, 400)
    await facilitator.mouse.move(700, 500, { steps: 5 })

    // Once the camera has come to rest on the frame (it glides there): all twelve on screen.
    await expect
      .poll(
        async () => {
          const { notePx, ...rest } = await wall(projector)
          return { ...rest, large: notePx >= 32 }
        },
        { timeout: 15_000 },
      )
      .toMatchObject({
        heading: 'Fråga: Vad gör vi nu?',
        notes: 12,
        outside: 0,
        cursors: 0,
        qr: 0,
        large: true,
      })
    const seen = await wall(projector)
    expect(seen.notePx).toBeGreaterThanOrEqual(32)
    expect(seen.headingPx).toBeGreaterThanOrEqual(40)
    await projector.screenshot({
      path: path.join(screenshotDir, 'projector-presentation-1920.png'),
    })
    await facilitator
      .locator('fieldset', { hasText: 'Projektorn visar' })
      .screenshot({ path: path.join(screenshotDir, 'projector-presentation-controls.png') })

    // Back to the whole phase, the QR code back: the wall returns to its usual layout.
    await facilitator.getByLabel('Hela den aktuella fasen').check()
    await facilitator.getByLabel('QR-kod och kod för telefoner').check()
    await projector.locator('.projector-overlay__join').waitFor()
    await expect.poll(async () => (await wall(projector)).heading).toBe('')
  })
})
