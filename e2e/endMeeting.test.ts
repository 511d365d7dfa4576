import type { Meeting } from '@samla/shared'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

/**
 * "Avsluta samlingen" through the pages: the facilitator ends the meeting from the board's
 * panel, the participant's board is locked and a forced write is refused by the relay, the
 * start page marks the meeting ended and opens it again, and the documentation page says
 * when the board has moved on from its last snapshot.
 */
const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

const PANEL = '.facilitation-panel'

interface Handles {
  editor: {
    getPages(): { id: string; name: string }[]
    getIsReadonly(): boolean
    getCurrentPageShapes(): { id: string; type: string; x: number }[]
  }
  doc: {
    getMap(name: string): {
      get(key: string): unknown
      set(key: string, value: unknown): void
      has(key: string): boolean
    }
  }
  provider: { on(event: 'closed', cb: (event: { code: number; reason?: string }) => void): void }
}
declare function handlesOf(): Handles

async function newContext(): Promise<BrowserContext> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchContext(context, () => samla.server.url, findings)
  // Injected by the DevTools protocol, so the page's CSP (no inline scripts) stays as it is.
  await context.addInitScript(() => {
    const w = window as unknown as { handlesOf: () => unknown; __samla?: unknown }
    w.handlesOf = () => w.__samla
  })
  return context
}

async function openBoard(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  // "Avsluta samlingen" asks first; the facilitator says yes.
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(url)
  await waitForConnection(page)
  return page
}

const noteIds = (page: Page) =>
  page.evaluate(() =>
    handlesOf()
      .editor.getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => s.id),
  )
const xOf = (page: Page, id: string) =>
  page.evaluate((id) => (handlesOf().doc.getMap('records').get(id) as { x: number }).x, id)
const isReadonly = (page: Page) => page.evaluate(() => handlesOf().editor.getIsReadonly())

describe('ending a meeting in a real browser', () => {
  it('ends from the panel: the participant is locked out and refused, the start page says Avslutad and reopens it, the documentation says it is older than the board', async () => {
    const created = await createMeeting(samla.server.url, {
      title: 'Samling 4 – avslut',
      group: 'kraftsamling',
      date: '2026-04-17',
      format: 'digital',
    })
    const { meeting, links, facilitatorToken } = created
    const facilitatorContext = await newContext()
    const facilitator = await openBoard(facilitatorContext, links.facilitator)
    await expect
      .poll(() => facilitator.evaluate(() => handlesOf().editor.getPages().length), {
        timeout: 15_000,
      })
      .toBe(4)
    const participant = await openBoard(await newContext(), links.participant)
    await expect
      .poll(() => participant.evaluate(() => handlesOf().editor.getPages().length), {
        timeout: 15_000,
      })
      .toBe(4)

    // The participant writes while the meeting runs.
    await writeNote(participant, { x: 300, y: 350 }, 'Fler mötesplatser')
    await expect.poll(async () => (await noteIds(facilitator)).length).toBe(1)
    const [note = ''] = await noteIds(participant)

    // The facilitator ends it from the panel.
    await facilitator.locator(PANEL).getByRole('button', { name: 'Avsluta samlingen' }).click()
    await facilitator.locator(PANEL).getByTestId('meeting-ended').waitFor()
    await facilitator.locator(PANEL).getByRole('button', { name: 'Öppna igen' }).waitFor()
    const ended = (await (
      await fetch(`${samla.server.url}/api/meetings/${meeting.id}`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
    ).json()) as Meeting
    expect(ended.endedAt).not.toBeNull()

    // Every phase is locked on the participant's board, which says why.
    await expect.poll(() => isReadonly(participant)).toBe(true)
    await participant
      .locator('.facilitation-status__locked', { hasText: 'Samlingen är avslutad' })
      .waitFor()
    const locked = await participant.evaluate(
      () => handlesOf().doc.getMap('meeting').get('lockedPhases') as string[],
    )
    expect(locked).toHaveLength(4)
    await participant.screenshot({ path: `${screenshotDir}/end-meeting-participant.png` })
    await facilitator
      .locator(PANEL)
      .screenshot({ path: `${screenshotDir}/end-meeting-facilitator-panel.png` })

    // The phone says the meeting is over instead of offering a note.
    const { phoneLink } = (await (
      await fetch(`${samla.server.url}/api/meetings/${meeting.id}/join-info`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
    ).json()) as { phoneLink: string }
    const phoneContext = await samla.browser.newContext({ viewport: { width: 360, height: 740 } })
    watchContext(phoneContext, () => samla.server.url, findings)
    const phone = await phoneContext.newPage()
    await phone.goto(phoneLink)
    const over = phone.getByText('Samlingen är avslutad. Tack för att du var med!')
    await over.waitFor()
    await waitForConnection(phone)
    await over.scrollIntoViewIfNeeded()
    await phone.screenshot({ path: `${screenshotDir}/end-meeting-phone-360.png` })
    await phoneContext.close()

    // Even with Öppna upp unlocked again, the relay refuses what a participant forces in.
    await facilitator.getByRole('button', { name: 'Lås upp Öppna upp', exact: true }).click()
    await expect
      .poll(() =>
        participant.evaluate(
          () => (handlesOf().doc.getMap('meeting').get('lockedPhases') as string[]).length,
        ),
      )
      .toBe(3)
    expect(await isReadonly(participant)).toBe(true)
    const x = await xOf(facilitator, note)
    await participant.evaluate((id) => {
      const samla = handlesOf()
      const w = window as unknown as { refusedWith?: { code: number; reason?: string } }
      samla.provider.on('closed', (event) => {
        w.refusedWith = { code: event.code, reason: event.reason }
      })
      const records = samla.doc.getMap('records')
      const record = records.get(id) as { x: number }
      records.set(id, { ...record, x: record.x + 80 })
    }, note)
    await expect
      .poll(() => participant.evaluate(() => (window as { refusedWith?: unknown }).refusedWith))
      .toEqual({ code: 4409, reason: 'meeting-ended' })
    await participant
      .getByText('Ändringen kunde inte sparas – samlingen är avslutad. Tavlan har hämtats på nytt.')
      .waitFor()
    await waitForConnection(participant)
    expect(await xOf(facilitator, note)).toBe(x)
    await expect.poll(() => xOf(participant, note)).toBe(x)

    // The facilitator adds to the board after the final snapshot: the documentation says so,
    // and a new snapshot brings it up to date.
    await writeNote(facilitator, { x: 300, y: 500 }, 'Sammanfattning efteråt')
    await expect.poll(async () => (await noteIds(facilitator)).length).toBe(2)
    const docs = await facilitatorContext.newPage()
    docs.on('dialog', (dialog) => void dialog.accept())
    await docs.goto(`${samla.server.url}/docs/${meeting.id}#k=${facilitatorToken}`)
    const stale = docs.locator('.docs__stale')
    await stale.getByText('Tavlan har ändrats sedan ögonblicksbilden').waitFor()
    await docs.screenshot({ path: `${screenshotDir}/end-meeting-docs-stale.png` })
    await stale.getByRole('button', { name: 'Ta en ny ögonblicksbild' }).click()
    await docs.getByText('Sammanfattning efteråt').first().waitFor()
    await expect.poll(() => stale.count()).toBe(0)

    // The start page of the browser that made it lists it as ended, and opens it again.
    const start = await facilitatorContext.newPage()
    await start.goto(`${samla.server.url}/`)
    // Loaded before the reload below, which would otherwise cut its scripts off mid-way.
    await start.getByRole('heading', { level: 1 }).first().waitFor()
    await start.evaluate(
      (saved) => {
        localStorage.setItem('samla.meetings', JSON.stringify([saved]))
      },
      {
        id: meeting.id,
        title: meeting.title,
        date: meeting.date,
        group: meeting.group,
        format: meeting.format,
        joinCode: meeting.joinCode,
        links,
      },
    )
    await start.reload()
    const item = start.locator('.start-meeting__list li', { hasText: meeting.title })
    await item.locator('.start-meeting__ended', { hasText: 'Avslutad' }).waitFor()
    await item.locator('summary').click()
    await item.screenshot({ path: `${screenshotDir}/end-meeting-start.png` })
    await item.getByRole('button', { name: 'Öppna igen' }).click()
    await expect.poll(() => item.locator('.start-meeting__ended').count()).toBe(0)
    const reopened = (await (
      await fetch(`${samla.server.url}/api/meetings/${meeting.id}`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
    ).json()) as Meeting
    expect(reopened.endedAt).toBeNull()

    // Open again: the facilitator's panel offers to end it, and the participant writes on the
    // phase that was unlocked (the others stay locked).
    await facilitator.locator(PANEL).getByRole('button', { name: 'Avsluta samlingen' }).waitFor()
    await expect.poll(() => isReadonly(participant)).toBe(false)
    await writeNote(participant, { x: 500, y: 350 }, 'Vi fortsätter')
    await expect.poll(async () => (await noteIds(facilitator)).length).toBe(3)

    // Ended again, from the documentation's snapshots: a second final snapshot, locked again.
    await docs.reload()
    const snapshots = docs.locator('.docs__snapshots')
    await snapshots.getByRole('button', { name: 'Avsluta samlingen' }).click()
    await snapshots.getByText('Samlingen är avslutad.').waitFor()
    await expect.poll(() => snapshots.locator('li', { hasText: 'Samlingens slut' }).count()).toBe(2)
    await expect.poll(() => isReadonly(participant)).toBe(true)
    await facilitator.locator(PANEL).getByTestId('meeting-ended').waitFor()
  })
})
