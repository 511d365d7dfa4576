import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForFacilitatorBoard } from './src/ui.ts'

/**
 * A phone chooses its question (issue 14, item 6): the phone page offers the current phase's
 * questions (the Inkorg by default), shows the timer, and lists the notes it wrote, to edit
 * or delete while the phase is open.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

interface Canvas {
  store: {
    allRecords(): Array<{
      typeName: string
      type?: string
      id: string
      parentId?: string
      props?: Record<string, unknown>
    }>
  }
}

/** Every note on the facilitator's board with the name of the frame it is in. */
const notesByFrame = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor as unknown as Canvas | undefined
    const records = editor?.store.allRecords() ?? []
    const byId = new Map(records.map((r) => [r.id, r]))
    return records
      .filter((r) => r.typeName === 'shape' && r.type === 'note')
      .map((r) => {
        const rich = r.props?.richText as {
          content?: Array<{ content?: Array<{ text?: string }> }>
        }
        return {
          text: rich?.content?.flatMap((p) => p.content?.map((c) => c.text ?? '') ?? []).join(''),
          frame: (byId.get(r.parentId ?? '')?.props?.name as string | undefined) ?? null,
        }
      })
  })

describe('a phone in the room', () => {
  it('chooses the question, sees the timer, and edits and deletes its own note while the phase is open', async () => {
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Samling 6',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'physical',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))
    await facilitator.getByRole('button', { name: 'Starta', exact: true }).click()

    const join = (await api(`/api/meetings/${meeting.id}/join-info`, facilitatorToken)) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })
    await phone.getByRole('button', { name: 'Hoppa över' }).click()
    const question = phone.getByLabel('Till vilken fråga?')
    await expect
      .poll(() => question.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['Vad ser vi?', 'Vad ligger under ytan?', 'Inkorgen'])
    await expect.poll(() => phone.getByRole('timer').textContent()).toMatch(/^Tid kvar: 4:[0-5]\d$/)

    // A note for the second question, one for the Inkorg.
    await question.selectOption({ label: 'Vad ligger under ytan?' })
    await phone.getByLabel('Din lapp').fill('Ingen vuxen i korridoren')
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await phone.getByText('Lappen finns nu på tavlan.').waitFor()
    await question.selectOption({ label: 'Inkorgen' })
    await phone.getByLabel('Din lapp').fill('Vet inte var den hör hemma')
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await expect
      .poll(() => notesByFrame(facilitator), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          { text: 'Ingen vuxen i korridoren', frame: 'Vad ligger under ytan?' },
          { text: 'Vet inte var den hör hemma', frame: 'Inkorg' },
        ]),
      )

    // Its own notes, listed: edit one, delete the other.
    const mine = phone.getByRole('region', { name: 'Dina lappar i den här fasen' })
    await mine.getByText('Ingen vuxen i korridoren', { exact: true }).waitFor()
    expect(await accessibilityViolations(phone)).toEqual([])
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await phone.screenshot({
      path: path.join(screenshotDir, 'phone-questions-360.png'),
      fullPage: true,
    })
    await mine.getByRole('button', { name: 'Ändra (Ingen vuxen i korridoren)' }).click()
    await mine.getByLabel('Lappens text').fill('Ingen vuxen i korridoren på rasterna')
    await mine.getByRole('button', { name: 'Spara' }).click()
    await mine.getByRole('button', { name: 'Ta bort (Vet inte var den hör hemma)' }).click()
    await expect
      .poll(() => notesByFrame(facilitator), { timeout: 10_000 })
      .toEqual([{ text: 'Ingen vuxen i korridoren på rasterna', frame: 'Vad ligger under ytan?' }])
    for (const button of await mine.getByRole('button').all()) {
      const box = await button.boundingBox()
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    }

    // Locked: the phone keeps showing its note, without offering to change it.
    await facilitator.getByRole('button', { name: 'Lås Öppna upp', exact: true }).click()
    await phone.getByText('Fasen är låst just nu.', { exact: false }).waitFor()
    expect(await mine.getByRole('button').count()).toBe(0)
    await mine.getByText('Ingen vuxen i korridoren på rasterna', { exact: true }).waitFor()
  })
})
