import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()

afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

const PHASES = ['Öppna upp', 'Testa', 'Lära', 'Integrera']
/** The first question of Öppna upp, as client/src/facilitation/templates.ts lays it out. */
const QUESTION = 'shape:samla-oppna-upp-ytan'
const QUESTION_NAME = 'Vad ser vi?'
const INBOX = 'shape:samla-oppna-upp-inkorg'
const LOCK = 'Lås för deltagare'
const PANEL = '.facilitation-panel'

async function open(url: string): Promise<Page> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchContext(context, () => samla.server.url, findings)
  // Injected by the DevTools protocol, so the page's CSP (no inline scripts) stays as it is.
  await context.addInitScript(() => {
    const w = window as unknown as { handlesOf: () => unknown; __samla?: unknown }
    w.handlesOf = () => w.__samla
  })
  const page = await context.newPage()
  await page.goto(url)
  await waitForConnection(page)
  return page
}

/** What the test reads of a page's editor and document (Board.tsx's handles), and nothing else. */
interface Handles {
  editor: {
    getPages(): { name: string }[]
    getCurrentPage(): { name: string }
    getCurrentPageShapes(): { id: string; type: string }[]
    getShape(id: string): { x: number; y: number } | undefined
    getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
    getSelectedShapeIds(): string[]
    getEditingShapeId(): string | null
    pageToScreen(point: { x: number; y: number }): { x: number; y: number }
  }
  doc: unknown
}
/** The page's handles inside page.evaluate (the init script in `open` defines it there). */
declare function handlesOf(): Handles

/** Where a shape is on its page (rounded), or null once it is gone. */
const placeOf = (page: Page, id: string) =>
  page.evaluate((id) => {
    const shape = handlesOf().editor.getShape(id)
    return shape ? { x: Math.round(shape.x), y: Math.round(shape.y) } : null
  }, id)

/** The middle of a shape on the screen. */
const screenCentre = (page: Page, id: string) =>
  page.evaluate((id) => {
    const editor = handlesOf().editor
    const b = editor.getShapePageBounds(id)
    if (!b) throw new Error(`${id} is not on the page`)
    return editor.pageToScreen({ x: b.x + b.w / 2, y: b.y + b.h / 2 })
  }, id)

const selected = (page: Page) => page.evaluate(() => handlesOf().editor.getSelectedShapeIds())

/**
 * Drags with the mouse, in small steps as a hand does, from `from` by `by`; the pointer comes
 * from elsewhere, so that a click just before on the same spot does not make a double click.
 */
async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(from.x - 80, from.y - 80)
  await page.mouse.move(from.x, from.y, { steps: 4 })
  await page.mouse.down()
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 })
  await page.mouse.up()
}

/**
 * What a participant does to get rid of a shape at `at`: drags it away, then clicks it and
 * presses Delete and Backspace (the drag first: a click and a press on one spot would make a
 * double click).
 */
async function tryToMoveAndDelete(page: Page, at: { x: number; y: number }) {
  await drag(page, at, { x: 150, y: 90 })
  await page.mouse.click(at.x, at.y)
  await page.keyboard.press('Delete')
  await page.keyboard.press('Backspace')
}

describe('the layout of a meeting, locked for participants', () => {
  it('a participant can neither delete nor move a question frame; a note the facilitator locks is out of reach until it is unlocked', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 3 – digital',
      group: 'kraftsamling',
      date: '2026-03-20',
      format: 'digital',
    })
    const facilitator = await open(links.facilitator)
    await expect
      .poll(
        () =>
          facilitator.evaluate(() =>
            handlesOf()
              ?.editor.getPages()
              .map((p) => p.name),
          ),
        {
          timeout: 15_000,
        },
      )
      .toEqual(PHASES)
    const participant = await open(links.participant)
    await expect
      .poll(() => participant.evaluate(() => handlesOf()?.editor.getCurrentPage().name), {
        timeout: 15_000,
      })
      .toBe('Öppna upp')
    await expect.poll(() => placeOf(participant, QUESTION)).not.toBeNull()
    const frameAt = await placeOf(participant, QUESTION)
    // A refused edit would make the page drop its document and sync a new one.
    await participant.evaluate(() => {
      ;(window as unknown as { firstDoc: unknown }).firstDoc = handlesOf().doc
    })
    const metaOn = (page: Page, id: string) =>
      page.evaluate(
        (id) => JSON.stringify((handlesOf().editor.getShape(id) as { meta?: unknown })?.meta),
        id,
      )
    const sameDoc = () =>
      participant.evaluate(
        () => (window as unknown as { firstDoc: unknown }).firstDoc === handlesOf().doc,
      )

    // The question's title, where a participant grabs a frame: dragged, clicked, Delete; and
    // double-clicked, to rename it.
    const title = participant.locator('.tl-frame-heading', { hasText: QUESTION_NAME })
    const box = await title.boundingBox()
    if (!box) throw new Error('no frame heading')
    await tryToMoveAndDelete(participant, { x: box.x + box.width / 2, y: box.y + box.height / 2 })
    expect(await selected(participant)).toEqual([])
    await title.dblclick()
    expect(await participant.evaluate(() => handlesOf().editor.getEditingShapeId())).not.toBe(
      QUESTION,
    )
    await participant.keyboard.press('Escape')
    // The Inkorg beside it the same way, grabbed in the middle.
    await tryToMoveAndDelete(participant, await screenCentre(participant, INBOX))
    for (const page of [participant, facilitator]) {
      expect(await placeOf(page, QUESTION)).toEqual(frameAt)
      expect(await placeOf(page, INBOX)).not.toBeNull()
    }
    expect(await sameDoc()).toBe(true)
    expect(await participant.getByText('Ändringen kunde inte sparas').count()).toBe(0)
    await participant.screenshot({ path: '/tmp/lock-participant-frames-tried.png' })

    // A note of the participant's own, which the facilitator then locks.
    await writeNote(participant, { x: 400, y: 300 }, 'Mer tid för samtal')
    const noteOf = (page: Page) =>
      page.evaluate(
        () =>
          handlesOf()
            .editor.getCurrentPageShapes()
            .find((s) => s.type === 'note')?.id ?? null,
      )
    await expect.poll(() => noteOf(facilitator)).not.toBeNull()
    const noteId = (await noteOf(facilitator)) as string
    const lockButton = facilitator.getByRole('button', { name: LOCK })
    expect(await lockButton.isDisabled()).toBe(true)
    await facilitator.screenshot({ path: '/tmp/lock-facilitator-nothing-selected.png' })

    const noteOnFacilitator = await screenCentre(facilitator, noteId)
    await facilitator.mouse.click(noteOnFacilitator.x, noteOnFacilitator.y)
    await expect.poll(() => selected(facilitator)).toEqual([noteId])
    await facilitator.getByText('Det markerade är öppet för deltagarna.').waitFor()
    await lockButton.click()
    await facilitator
      .getByText('Det markerade är låst: deltagarna kan inte flytta, ändra eller ta bort det.')
      .waitFor()
    expect(await lockButton.getAttribute('aria-pressed')).toBe('true')
    expect(await accessibilityViolations(facilitator, PANEL)).toEqual([])
    await facilitator.screenshot({ path: '/tmp/lock-facilitator-locked.png' })
    await facilitator.locator('.facilitation-panel').screenshot({ path: '/tmp/lock-panel.png' })

    await expect.poll(() => metaOn(participant, noteId)).toContain('"samlaLocked":true')
    const noteAt = await placeOf(participant, noteId)
    await tryToMoveAndDelete(participant, await screenCentre(participant, noteId))
    expect(await selected(participant)).toEqual([])
    expect(await placeOf(participant, noteId)).toEqual(noteAt)
    expect(await placeOf(facilitator, noteId)).toEqual(noteAt)
    expect(await sameDoc()).toBe(true)

    // Unlocked, it is the participant's again: moved, then deleted, for everyone.
    await facilitator.mouse.click(noteOnFacilitator.x, noteOnFacilitator.y)
    await expect.poll(() => selected(facilitator)).toEqual([noteId])
    await lockButton.click()
    await facilitator.getByText('Det markerade är öppet för deltagarna.').waitFor()
    await expect.poll(() => metaOn(participant, noteId)).toContain('"samlaLocked":false')
    await drag(participant, await screenCentre(participant, noteId), { x: 120, y: 60 })
    await expect.poll(() => placeOf(facilitator, noteId)).not.toEqual(noteAt)
    // Dragged, it is selected (a click on it now would edit its text).
    expect(await selected(participant)).toEqual([noteId])
    await participant.keyboard.press('Delete')
    await expect.poll(() => placeOf(facilitator, noteId)).toBeNull()
    expect(await sameDoc()).toBe(true)

    // The same control in English.
    await facilitator.getByRole('button', { name: 'English' }).click()
    await facilitator.getByRole('button', { name: 'Lock for participants' }).waitFor()
    await facilitator.locator('.facilitation-panel').screenshot({ path: '/tmp/lock-panel-en.png' })
  })
  it('locks the question hints of a board laid out before hints carried the lock, once its facilitator opens it', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 1 – hybrid',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    })
    const hint = `${QUESTION}-hint`
    const flagOf = (page: Page) =>
      page.evaluate(
        (id) =>
          (handlesOf().editor.getShape(id) as { meta?: Record<string, unknown> } | undefined)?.meta
            ?.samlaLocked,
        hint,
      )
    const first = await open(links.facilitator)
    await expect.poll(() => flagOf(first), { timeout: 15_000 }).toBe(true)
    // As an older Samla laid it out: the hint without the flag.
    await first.evaluate((id) => {
      const records = (
        handlesOf().doc as { getMap(name: string): Map<string, { meta: object }> }
      ).getMap('records')
      const stored = records.get(id)
      if (stored) records.set(id, { ...stored, meta: {} })
    }, hint)
    await expect.poll(() => flagOf(first)).toBeUndefined()
    await first.context().close()

    const again = await open(links.facilitator)
    await expect.poll(() => flagOf(again), { timeout: 15_000 }).toBe(true)
  })
})
