import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
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
const PHASE_LIST = 'section[aria-labelledby="facilitation-phases"]'
const MENU = '.facilitation-pages'

async function open(url: string): Promise<Page> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchContext(context, () => samla.server.url, findings)
  const page = await context.newPage()
  await page.goto(url)
  await waitForConnection(page)
  return page
}

const pageNames = (page: Page) =>
  page.evaluate(() => window.__samla?.editor.getPages().map((p) => p.name))
const currentPageName = (page: Page) =>
  page.evaluate(() => window.__samla?.editor.getCurrentPage().name)
/** The phases a participant's page menu offers. */
const menuPhases = (page: Page) => page.locator(`${MENU} option`).allTextContents()
/** Whether a note with `text` reached this page's document. */
const hasNote = (page: Page, text: string) =>
  page.evaluate(
    (text) =>
      JSON.stringify(
        (
          window as unknown as { __samla: { doc: { getMap(n: string): { toJSON(): unknown } } } }
        ).__samla.doc.getMap('records'),
      ).includes(text),
    text,
  )

describe('phases the facilitator has not shown participants', () => {
  it('a participant’s menu lists only phase 1 at first; the facilitator shows Lära and it appears, hides it and the participant goes back', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 2 – digital',
      group: 'kraftsamling',
      date: '2026-03-13',
      format: 'digital',
    })
    const facilitator = await open(links.facilitator)
    await expect.poll(() => pageNames(facilitator), { timeout: 15_000 }).toEqual(PHASES)
    const participant = await open(links.participant)
    await expect.poll(() => pageNames(participant), { timeout: 15_000 }).toEqual(PHASES)
    await expect.poll(() => currentPageName(participant)).toBe('Öppna upp')
    await participant.getByRole('combobox', { name: 'Fas att titta på' }).waitFor()
    expect(await menuPhases(participant)).toEqual(['Öppna upp'])
    // A refused edit would make the page drop its document and sync a new one.
    type WithDoc = { __samla?: { doc: unknown } }
    const firstDoc = await participant.evaluateHandle(
      () => (window as unknown as WithDoc).__samla?.doc,
    )
    const sameDoc = () =>
      participant.evaluate(
        (first) => first === (window as unknown as WithDoc).__samla?.doc,
        firstDoc,
      )

    // Every phase has its eye; only the current one's is pressed, and it cannot be hidden.
    const eye = (name: string) =>
      facilitator.getByRole('button', { name: `Visa för deltagarna ${name}`, exact: true })
    for (const [name, pressed] of [
      ['Öppna upp', 'true'],
      ['Testa', 'false'],
      ['Lära', 'false'],
      ['Integrera', 'false'],
    ] as const)
      expect(await eye(name).getAttribute('aria-pressed')).toBe(pressed)
    const box = await eye('Lära').boundingBox()
    expect(box?.width).toBeGreaterThanOrEqual(44)
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(await eye('Lära').getAttribute('title')).toBe('Visa för deltagarna')
    await facilitator.locator(PHASE_LIST).screenshot({
      path: path.join(screenshotDir, 'hidden-phases-list-default-1280.png'),
    })

    await eye('Lära').click()
    await expect.poll(() => eye('Lära').getAttribute('aria-pressed')).toBe('true')
    expect(await eye('Lära').getAttribute('title')).toBe('Dölj för deltagarna')
    await expect.poll(() => menuPhases(participant)).toEqual(['Öppna upp', 'Lära'])
    expect(await accessibilityViolations(facilitator, PHASE_LIST)).toEqual([])
    await facilitator.locator(PHASE_LIST).screenshot({
      path: path.join(screenshotDir, 'hidden-phases-list-shown-1280.png'),
    })
    await participant.screenshot({
      path: path.join(screenshotDir, 'hidden-phases-participant-1280.png'),
    })
    // A native select's open list is not in a screenshot: shown as a list box for the picture
    // only, then back.
    const select = participant.locator(`${MENU} select`)
    await select.evaluate((el: HTMLSelectElement) => {
      el.size = el.options.length
    })
    await participant.locator(MENU).screenshot({
      path: path.join(screenshotDir, 'hidden-phases-participant-menu-1280.png'),
    })
    await select.evaluate((el: HTMLSelectElement) => {
      el.size = 0
    })

    // Shown, Lära takes the participant's note.
    await participant.getByRole('combobox', { name: 'Fas att titta på' }).selectOption('Lära')
    await expect.poll(() => currentPageName(participant)).toBe('Lära')
    await writeNote(participant, { x: 400, y: 300 }, 'Tidigt på Lära')
    await expect.poll(() => hasNote(facilitator, 'Tidigt på Lära')).toBe(true)
    expect(await sameDoc()).toBe(true)
    // tldraw's context menu offers "Move to page" with every page: to a hidden one, nothing.
    const afterMove = await participant.evaluate(() => {
      const editor = window.__samla?.editor as unknown as {
        getCurrentPageShapes(): { id: string; type: string }[]
        getPages(): { id: string; name: string }[]
        getCurrentPage(): { name: string }
        moveShapesToPage(ids: string[], pageId: string): void
      }
      const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note')
      const hidden = editor.getPages().find((page) => page.name === 'Integrera')
      if (!note || !hidden) throw new Error('no note or no Integrera')
      editor.moveShapesToPage([note.id], hidden.id)
      return { page: editor.getCurrentPage().name, notes: editor.getCurrentPageShapes().length }
    })
    expect(afterMove.page).toBe('Lära')
    expect(afterMove.notes).toBeGreaterThan(0)

    // Hidden again while the participant is on it: back to the current phase.
    await eye('Lära').click()
    await expect.poll(() => currentPageName(participant)).toBe('Öppna upp')
    await expect.poll(() => menuPhases(participant)).toEqual(['Öppna upp'])
    expect(await sameDoc()).toBe(true)
    expect(await participant.getByText('Ändringen kunde inte sparas').count()).toBe(0)

    // The same controls in English.
    await facilitator.getByRole('button', { name: 'English' }).click()
    await facilitator
      .getByRole('button', { name: 'Show to participants Lära', exact: true })
      .waitFor()
    await facilitator.locator(PHASE_LIST).screenshot({
      path: path.join(screenshotDir, 'hidden-phases-list-en-1280.png'),
    })
  })
})
