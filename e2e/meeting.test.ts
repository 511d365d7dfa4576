import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { shapeCount, waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, type WatchOptions, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()

async function open(
  url: string,
  viewport = { width: 1280, height: 800 },
  options?: WatchOptions,
): Promise<Page> {
  const context = await samla.browser.newContext({ viewport })
  watchContext(context, () => samla.server.url, findings, options)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

describe('a meeting in real browsers', () => {
  it('a participant writes, the projector shows it read-only, a link without its token is refused', async () => {
    const { meeting, links } = await createMeeting(samla.server.url, {
      title: 'Samling 2 – hybrid',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    })

    const participant = await open(links.participant)
    const projector = await open(links.projector, { width: 1920, height: 1080 })
    for (const page of [participant, projector]) await waitForConnection(page)

    await writeNote(participant, { x: 500, y: 350 }, 'Mer tid för samtal i klassen')
    await projector.getByText('Mer tid för samtal i klassen').first().waitFor({ timeout: 15_000 })

    // The projector's canvas offers no editing, and trying anyway changes nothing anywhere.
    expect(await projector.evaluate(() => window.__samla?.editor.getIsReadonly())).toBe(true)
    await projector.locator('.tl-canvas').click({ position: { x: 900, y: 500 } })
    await projector.keyboard.press('n')
    await projector.locator('.tl-canvas').click({ position: { x: 1200, y: 500 } })
    await projector.keyboard.type('Klotter')
    await projector.keyboard.press('Escape')
    expect(await shapeCount(projector)).toBe(1)
    expect(await shapeCount(participant)).toBe(1)
    // The projector is not a person in the room: no cursor, not in the people menu.
    await participant.mouse.move(600, 300)
    // (The projector has no people menu: it sees the participant through tldraw's collaborators.)
    await expect
      .poll(() => projector.evaluate(() => window.__samla?.editor.getCollaborators().length), {
        timeout: 15_000,
      })
      .toBe(1)
    expect(await participant.evaluate(() => window.__samla?.editor.getCollaborators().length)).toBe(
      0,
    )
    await projector.screenshot({ path: `${screenshotDir}/projector-1920.png` })

    // Chromium logs the refused access check (401) as a console error; that one is the point.
    const stranger = await open(`${samla.server.url}/b/${meeting.boardId}`, undefined, {
      expectedConsoleErrors: [/status of 401/],
    })
    await stranger
      .getByRole('heading', { name: 'Länken saknar behörighet' })
      .waitFor({ timeout: 15_000 })
  })
})
