import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection, writeNote } from './src/ui.ts'

const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

const PHASES = ['Öppna upp', 'Testa', 'Lära', 'Integrera']
/** Lära's frames, as client/src/facilitation/templates.ts lays them out. */
const LARA = [
  { name: 'Vad kan du göra i din verksamhet?', mark: 'prompt' },
  { name: 'Vad kan du göra redan i morgon?', mark: 'prompt' },
  { name: 'Inkorg', mark: 'inbox' },
]
const PANEL = '.facilitation-panel'

interface Shape {
  id: string
  type: string
  parentId: string
  meta: Record<string, unknown>
  props: { name?: string }
}
/** What the test reads of a page's editor (Board.tsx's test handles). */
interface Editor {
  getPages(): { id: string; name: string }[]
  getCurrentPageId(): string
  getPageShapeIds(pageId: string): Set<string>
  getShape(id: string): Shape | undefined
}

const pageNames = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __samla?: { editor: Editor } }).__samla?.editor
      .getPages()
      .map((p) => p.name),
  )

/** The name of the page `page` is on. */
const currentPhase = (page: Page) =>
  page.evaluate(() => {
    const editor = (window as unknown as { __samla: { editor: Editor } }).__samla.editor
    return editor.getPages().find((p) => p.id === editor.getCurrentPageId())?.name
  })

/** The frames on the phase called `name`, as that page's editor has them, by name. */
const framesOn = (page: Page, name: string) =>
  page.evaluate((name) => {
    const editor = (window as unknown as { __samla: { editor: Editor } }).__samla.editor
    const onPage = editor.getPages().find((p) => p.name === name)
    if (!onPage) return null
    return [...editor.getPageShapeIds(onPage.id)]
      .map((id) => editor.getShape(id))
      .filter((s): s is Shape => s?.type === 'frame')
      .sort((a, b) => (a.props.name ?? '').localeCompare(b.props.name ?? '', 'sv'))
      .map((s) => ({ id: s.id, name: s.props.name, mark: s.meta.samla, onPage: s.parentId }))
  }, name)

/** How many shapes the phase called `name` holds. */
const shapesOn = (page: Page, name: string) =>
  page.evaluate((name) => {
    const editor = (window as unknown as { __samla: { editor: Editor } }).__samla.editor
    const onPage = editor.getPages().find((p) => p.name === name)
    return onPage ? editor.getPageShapeIds(onPage.id).size : null
  }, name)

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv')

describe('adding a phase in the facilitation panel', () => {
  it('lays out the chosen template’s questions and Inkorg, which a participant cannot delete; "Tom fas" stays blank', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 4 – hybrid',
      group: 'kraftsamling',
      date: '2026-05-07',
      format: 'hybrid',
    })
    const facilitator = await open(links.facilitator)
    await waitForConnection(facilitator)
    await expect.poll(() => pageNames(facilitator), { timeout: 15_000 }).toEqual(PHASES)
    const panel = facilitator.locator(PANEL)

    // "Ny fas: Lära": a fifth page, called apart from the Lära already there, with Lära's
    // frames, and the facilitator taken to it.
    const choice = panel.getByLabel('Ny fas')
    await choice.selectOption({ label: 'Lära' })
    await panel.getByText('Med frågorna ”Vad kan du göra i din verksamhet?”').waitFor()
    await panel.getByRole('button', { name: 'Lägg till fasen' }).click()
    await expect.poll(() => pageNames(facilitator)).toEqual([...PHASES, 'Lära 2'])
    await panel.getByRole('status').getByText('Lära 2 är tillagd.').waitFor()
    const added = await framesOn(facilitator, 'Lära 2')
    expect(added?.map(({ name, mark }) => ({ name, mark }))).toEqual(
      [...LARA].sort(byName).map(({ name, mark }) => ({ name, mark })),
    )
    // Frames of their own, not the first Lära's moved or shared.
    const first = await framesOn(facilitator, 'Lära')
    expect(first).toHaveLength(3)
    for (const frame of added ?? []) expect(first?.map((f) => f.id)).not.toContain(frame.id)
    expect(await currentPhase(facilitator)).toBe('Lära 2')
    await facilitator.locator('.tl-frame-heading', { hasText: LARA[0]?.name ?? '' }).waitFor()
    expect(await accessibilityViolations(facilitator, PANEL)).toEqual([])
    await facilitator.screenshot({ path: path.join(screenshotDir, 'add-phase-1280.png') })

    // Everyone is taken there; a participant tries to delete a question and the Inkorg.
    await panel.getByRole('button', { name: 'Gå hit med alla (Lära 2)' }).click()
    const participant = await open(links.participant)
    await waitForConnection(participant)
    await expect.poll(() => framesOn(participant, 'Lära 2'), { timeout: 15_000 }).toEqual(added)
    await expect.poll(() => currentPhase(participant)).toBe('Lära 2')
    for (const name of ['Vad kan du göra redan i morgon?', 'Inkorg']) {
      const heading = participant.locator('.tl-frame-heading', { hasText: name })
      await heading.click()
      await participant.keyboard.press('Delete')
      await participant.keyboard.press('Backspace')
    }
    // Through the editor as well, as a page with its guard taken off would.
    await participant.evaluate(
      ({ ids }) => {
        const editor = (
          window as unknown as { __samla: { editor: { deleteShapes(ids: string[]): void } } }
        ).__samla.editor
        editor.deleteShapes(ids)
      },
      { ids: (added ?? []).map((f) => f.id) },
    )
    // A note written after the attempts reaches the facilitator after them, on the same socket.
    await writeNote(participant, { x: 500, y: 420 }, 'Prata med rektorn')
    await expect
      .poll(() => facilitator.getByText('Prata med rektorn').count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
    expect(await framesOn(facilitator, 'Lära 2')).toEqual(added)
    await expect.poll(() => framesOn(participant, 'Lära 2')).toEqual(added)
    await participant.waitForLoadState('networkidle')
    await participant.context().close()

    // "Tom fas" gives what tldraw's own menu gives: a page with nothing on it.
    await choice.selectOption({ label: 'Tom fas' })
    await panel.getByText('En tom sida utan frågor.').waitFor()
    await panel.getByRole('button', { name: 'Lägg till fasen' }).click()
    await expect.poll(() => pageNames(facilitator)).toEqual([...PHASES, 'Lära 2', 'Ny fas'])
    expect(await shapesOn(facilitator, 'Ny fas')).toBe(0)
  })
})
