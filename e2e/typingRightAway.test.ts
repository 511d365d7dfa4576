import { describe, expect, it } from 'vitest'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { noteTexts, waitForConnection, waitForFacilitatorBoard } from './src/ui.ts'

/**
 * Issue 14's minor: "typing right after placing a note scrambled its text ('Test 0 skriver…' →
 * 'est 0 skriverT…')". Several participants place a note and type into it at once, at full
 * speed, with no pause after the click; every note must read exactly what its writer typed, on
 * every board. A binding that wrote a remote copy of a record back over the one being typed
 * into (resetting the caret) would scramble them the way the issue saw.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

describe('typing right after placing a note', () => {
  it('keeps every writer’s words in order while several type at once', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 9',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'hybrid',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))
    const writers = await Promise.all([0, 1, 2].map(() => open(links.participant)))
    for (const page of writers) {
      await waitForConnection(page)
      await page.locator('.tl-canvas').waitFor()
    }
    const texts = writers.map((_, i) => `Test ${i} skriver en mening utan paus efter klicket`)
    await Promise.all(
      writers.map(async (page, i) => {
        const canvas = page.locator('.tl-canvas')
        await canvas.click({ position: { x: 640, y: 600 } })
        await page.keyboard.press('n')
        await canvas.click({ position: { x: 300 + i * 130, y: 420 } })
        await page.keyboard.type(texts[i] ?? '', { delay: 0 })
        await page.keyboard.press('Escape')
      }),
    )
    const expected = [...texts].sort()
    for (const page of [facilitator, ...writers])
      await expect.poll(() => noteTexts(page), { timeout: 10_000 }).toEqual(expected)
  })
})
