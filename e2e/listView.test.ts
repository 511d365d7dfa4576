import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection, waitForFacilitatorBoard, writeNote } from './src/ui.ts'

/**
 * Taking part without the canvas (issue 15): a participant with only a keyboard finds the list
 * as the first Tab stop, adds a note to the second question of the current phase, edits it and
 * votes; the facilitator's canvas has it in that frame. The facilitator's own path through the
 * panel is the keyboard's too.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)
const shot = (name: string) => path.join(screenshotDir, name)
/** The facilitator's note, wherever on the fitted canvas it landed (a question, or outside). */
const NEW_NOTE = /^Ny lapp (i ”[^”]+”|utanför ramarna): Fler vuxna ute$/

/** What has focus, as a person hears it: its accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return el.tagName
    return (el.textContent || el.getAttribute('aria-label') || el.tagName)
      .replace(/\s+/g, ' ')
      .trim()
  })

/** Presses Tab until the focused control's text contains `name` (a keyboard user's way). */
async function tabTo(page: Page, name: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if ((await focused(page)).includes(name)) return
  }
  throw new Error(`no control "${name}" within ${limit} Tab presses; at "${await focused(page)}"`)
}

/** Every text the polite live region took, in order (recorded in the page). */
const listenToAnnouncements = (page: Page) =>
  page.evaluate(() => {
    const region = document.querySelector('[data-testid="list-announcer"]')
    const heard: string[] = []
    ;(window as unknown as { __heard: string[] }).__heard = heard
    if (!region) throw new Error('no live region')
    new MutationObserver(() => {
      const text = region.textContent ?? ''
      if (text) heard.push(text)
    }).observe(region, { childList: true, characterData: true, subtree: true })
  })
const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)

/** The facilitator's canvas: the note's text and the name of the frame it sits in. */
const notesOnCanvas = (page: Page) =>
  page.evaluate(() => {
    type Shape = {
      type: string
      parentId: string
      props: {
        name?: string
        richText?: { content?: Array<{ content?: Array<{ text?: string }> }> }
      }
    }
    const editor = window.__samla?.editor as unknown as
      | { getCurrentPageShapes(): Shape[]; getShape(id: string): Shape | undefined }
      | undefined
    if (!editor) return []
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => ({
        text: s.props.richText?.content
          ?.flatMap((p) => p.content?.map((c) => c.text ?? '') ?? [])
          .join(''),
        frame: editor.getShape(s.parentId)?.props.name ?? null,
      }))
  })

describe('the board as a list', () => {
  it('a keyboard-only participant writes, edits and votes from the list; the canvas has it in its frame', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 3',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'hybrid',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))

    const participant = await open(links.participant)
    await waitForConnection(participant)
    await participant.getByRole('region', { name: 'Välkommen!' }).waitFor({ timeout: 20_000 })
    // The first Tab stop of the page is the way to the list.
    await participant.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await participant.keyboard.press('Tab')
    expect(await focused(participant)).toBe('Hoppa till listan')
    await participant.keyboard.press('Enter')
    const list = participant.getByRole('region', { name: 'Tavlan som lista' })
    await list.waitFor()
    expect(await focused(participant)).toBe('Tavlan som lista')
    await expect
      .poll(() => list.ariaSnapshot(), { timeout: 10_000 })
      .toContain('heading "Vad ligger under ytan?" [level=4]')
    const snapshot = await list.ariaSnapshot()
    for (const part of [
      'heading "Tavlan som lista" [level=2]',
      'heading "Öppna upp · pågår nu" [level=3]',
      'heading "Vad ser vi?" [level=4]',
    ])
      expect(snapshot).toContain(part)
    // Phases the facilitator has not opened yet are not listed (nor open to writes).
    expect(snapshot).not.toContain('heading "Testa"')
    await listenToAnnouncements(participant)

    // A note in the second question, by keyboard only.
    await tabTo(participant, 'Skriv en lapp i ”Vad ligger under ytan?”')
    await participant.keyboard.press('Enter')
    expect(await focused(participant)).toBe('TEXTAREA')
    await participant.keyboard.type('Tystnad i korridoren')
    await participant.keyboard.press('Tab')
    await participant.keyboard.press('Tab')
    expect(await focused(participant)).toBe('Lägg upp lappen')
    await participant.keyboard.press('Enter')
    await list.getByText('Lappen är upplagd i ”Vad ligger under ytan?”.').waitFor()
    // Focus is back where the person was, not lost.
    expect(await focused(participant)).toBe('Skriv en lapp i ”Vad ligger under ytan?”')
    await expect
      .poll(() => notesOnCanvas(facilitator), { timeout: 10_000 })
      .toContainEqual({ text: 'Tystnad i korridoren', frame: 'Vad ligger under ytan?' })

    // Edit it.
    await tabTo(participant, 'Ändra (Tystnad i korridoren)')
    await participant.keyboard.press('Enter')
    await participant.keyboard.press('ControlOrMeta+A')
    await participant.keyboard.type('Tystnad i korridoren på rasterna')
    await participant.keyboard.press('Tab')
    await participant.keyboard.press('Enter')
    await expect
      .poll(() => notesOnCanvas(facilitator), { timeout: 10_000 })
      .toContainEqual({ text: 'Tystnad i korridoren på rasterna', frame: 'Vad ligger under ytan?' })

    // Someone else writes on the canvas, one key at a time: the list hears it once.
    await writeNote(facilitator, { x: 300, y: 300 }, 'Fler vuxna ute')
    await list.getByText('Fler vuxna ute').waitFor()
    await expect
      .poll(() => heard(participant), { timeout: 10_000 })
      .toEqual([expect.stringMatching(NEW_NOTE)])

    // Voting, from the list.
    await facilitator.getByRole('button', { name: /^Starta röstning/ }).click()
    await list.getByText('Du har 3 röster kvar', { exact: false }).waitFor({ timeout: 10_000 })
    await tabTo(participant, 'Rösta (Tystnad i korridoren på rasterna)')
    await participant.keyboard.press('Enter')
    await list.getByText('Du har 2 röster kvar', { exact: false }).waitFor()

    // The facilitator locks the phase: heard once, and the list no longer offers to write.
    await facilitator.getByRole('button', { name: 'Lås Öppna upp', exact: true }).click()
    await expect
      .poll(() => heard(participant), { timeout: 10_000 })
      .toEqual([expect.stringMatching(NEW_NOTE), 'Fasen Öppna upp är låst.'])
    await expect.poll(() => list.getByRole('button', { name: /^Skriv en lapp/ }).count()).toBe(0)
    expect(await list.getByRole('button', { name: /^Ändra/ }).count()).toBe(0)

    expect(await accessibilityViolations(participant, '.board-list')).toEqual([])
    await participant.screenshot({ path: shot('list-view-1280.png'), fullPage: true })
  })

  it('fits a phone and 200 % zoom without scrolling sideways, and passes axe there', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling med ett mycket långt namn som inte får tvinga fram sidledes rullning',
      group: 'demokratilabb',
      date: '2026-12-02',
      format: 'physical',
    })
    await waitForFacilitatorBoard(await open(links.facilitator))
    // 360 px, and 1280 px at 200 % (640 CSS px).
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 640, height: 400 },
    ]) {
      const page = await open(links.participant, viewport)
      await waitForConnection(page)
      await page.getByRole('button', { name: 'Hoppa till listan' }).focus()
      await page.keyboard.press('Enter')
      const list = page.getByRole('region', { name: 'Tavlan som lista' })
      await list
        .getByRole('heading', { name: 'Vad ligger under ytan?' })
        .waitFor({ timeout: 10_000 })
      expect(
        await page.locator('.board-list').evaluate((el) => el.scrollWidth <= el.clientWidth),
      ).toBe(true)
      expect(await accessibilityViolations(page, '.board-list')).toEqual([])
      if (viewport.width === 360) await page.screenshot({ path: shot('list-view-360.png') })
    }
  })

  it('the facilitator reaches the panel by a skip link and keeps focus through its actions', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 4',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'digital',
    })
    const page = await waitForFacilitatorBoard(await open(links.facilitator))
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Hoppa till listan')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Hoppa till panelen för processledaren')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('Processledning')
    // Start the timer, then voting: each control that goes away leaves focus in its section.
    await tabTo(page, 'Starta')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('Pausa')
    await tabTo(page, 'Starta röstning')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Avsluta', exact: true }).waitFor()
    expect(await focused(page)).not.toBe('body')
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('.facilitation-panel')),
    ).toBe(true)
    // Focus is visible: the focused control draws an outline.
    expect(
      await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
    ).not.toBe('none')
  })
})
