import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { shapeCount, waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, type WatchOptions, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()

afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

const PHASES = ['Öppna upp', 'Testa', 'Lära', 'Integrera']
const PANEL = '.facilitation-panel'

const meetingOf = (group: 'kraftsamling' | 'demokratilabb') =>
  createMeeting(samla.server.url, {
    title: group === 'kraftsamling' ? 'Samling 2 – digital' : 'Träff 1',
    group,
    date: '2026-03-13',
    format: 'digital',
  })

async function open(url: string, options?: WatchOptions): Promise<Page> {
  const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchContext(context, () => samla.server.url, findings, options)
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

/** What a page's editor and document hold, read through the test handles. */
interface Handles {
  editor: {
    getPages(): { id: string; name: string }[]
    getCurrentPageId(): string
    getCurrentPage(): { name: string }
    getIsReadonly(): boolean
    getCurrentPageShapes(): unknown[]
    getCollaborators(): { userName: string }[]
    getViewportPageBounds(): { x: number; y: number; w: number; h: number }
    setCamera(camera: { x: number; y: number; z: number }): void
    user: { updateUserPreferences(prefs: { name: string }): void }
  }
  doc: {
    getMap(name: string): {
      get(key: string): unknown
      set(key: string, value: unknown): void
      toJSON(): Record<string, unknown>
    }
  }
  provider: { on(event: 'closed', cb: (event: { code: number }) => void): void }
}
const pageNames = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __samla?: Handles }).__samla?.editor.getPages().map((p) => p.name),
  )
const currentPageName = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __samla?: Handles }).__samla?.editor.getCurrentPage().name,
  )
const controls = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __samla: Handles }).__samla.doc.getMap('meeting').toJSON(),
  )

/** "4:57" → seconds. */
const seconds = (text: string) => {
  const [m = '0', s = '0'] = text.trim().split(':')
  return Number(m) * 60 + Number(s)
}

describe('facilitating a meeting in real browsers', () => {
  it('lays out the phases, moves the participant, shares the timer, brings everyone, locks a phase, refuses a forced write, counts and reveals dot votes', async () => {
    const { meeting, links } = await meetingOf('kraftsamling')
    const facilitator = await open(links.facilitator)
    // The facilitator's first visit lays out the four phases, on the first page.
    await expect.poll(() => pageNames(facilitator), { timeout: 15_000 }).toEqual(PHASES)
    expect((await controls(facilitator)).templatesVersion).toBe(1)

    // The participant's first vote is refused once, on purpose (a stale voter credential).
    const participant = await open(links.participant, { expectedConsoleErrors: [/status of 401/] })
    await expect.poll(() => pageNames(participant), { timeout: 15_000 }).toEqual(PHASES)
    await expect.poll(() => currentPageName(participant)).toBe('Öppna upp')
    // Every phase has its Inkorg, marked for the phone page.
    const inboxes = await participant.evaluate(() => {
      const records = Object.values(
        (window as unknown as { __samla: Handles }).__samla.doc.getMap('records').toJSON(),
      ) as { typeName: string; meta?: { samla?: string } }[]
      return records.filter((r) => r.typeName === 'shape' && r.meta?.samla === 'inbox').length
    })
    expect(inboxes).toBe(4)
    // Participants cannot rename or add phases: their page menu is a plain list.
    expect(await participant.locator('.tlui-page-menu__trigger').count()).toBe(0)
    await participant.getByRole('combobox', { name: 'Fas att titta på' }).waitFor()

    // Phase 2 becomes current: the participant is moved there.
    await facilitator.getByRole('button', { name: 'Gå hit med alla (Testa)' }).click()
    const movedAt = Date.now()
    await expect.poll(() => currentPageName(participant), { timeout: 5_000 }).toBe('Testa')
    expect(Date.now() - movedAt).toBeLessThan(1_000)
    await participant.locator('[data-testid="current-phase"]', { hasText: 'Testa' }).waitFor()

    // A five-minute timer, the same on both screens.
    await facilitator.getByRole('button', { name: '5 min', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Starta', exact: true }).click()
    await participant.locator('.facilitation-status__timer--running').waitFor({ timeout: 5_000 })
    const [shownByFacilitator, shownToParticipant] = await Promise.all(
      [facilitator, participant].map((page) => page.locator('[data-testid="timer"]').textContent()),
    )
    expect(seconds(shownByFacilitator ?? '')).toBeGreaterThan(290)
    expect(
      Math.abs(seconds(shownByFacilitator ?? '') - seconds(shownToParticipant ?? '')),
    ).toBeLessThanOrEqual(1)

    // "Bring everyone to me": the participant's view centres where the facilitator looks.
    const center = (page: Page) =>
      page.evaluate(() => {
        const b = handlesOf().editor.getViewportPageBounds()
        return { x: b.x + b.w / 2, y: b.y + b.h / 2 }
      })
    await facilitator.evaluate(() => {
      handlesOf().editor.setCamera({ x: -1500, y: -300, z: 1 })
    })
    await facilitator.getByRole('button', { name: 'Hämta alla hit' }).click()
    const target = await center(facilitator)
    await expect
      .poll(async () => {
        const seen = await center(participant)
        return Math.hypot(seen.x - target.x, seen.y - target.y)
      })
      .toBeLessThan(5)

    // Before the lock the participant writes; afterwards the canvas refuses.
    await writeNote(participant, { x: 300, y: 350 }, 'Prova samtalsgrupper')
    await expect.poll(() => shapeCount(facilitator)).toBeGreaterThan(0)
    // Outside anonymous mode tldraw keeps its editors' names in the document (see the
    // anonymous test below, which would fail the same way).
    await expect
      .poll(() =>
        facilitator.evaluate(() => JSON.stringify(handlesOf().doc.getMap('records').toJSON())),
      )
      .toContain('"typeName":"user"')
    const before = await shapeCount(participant)

    await facilitator.getByRole('button', { name: 'Lås Testa', exact: true }).click()
    await expect
      .poll(() => participant.evaluate(() => handlesOf().editor.getIsReadonly()))
      .toBe(true)
    await participant.getByText('Fasen är låst').waitFor()
    // The button now offers the way back, and says for which phase; the others still lock.
    const unlock = facilitator.getByRole('button', { name: 'Lås upp Testa', exact: true })
    await unlock.waitFor()
    expect(await unlock.evaluate((b) => b.firstChild?.textContent)).toBe('Lås upp')
    await facilitator.getByRole('button', { name: 'Lås Lära', exact: true }).waitFor()
    await facilitator
      .locator(PANEL)
      .screenshot({ path: `${screenshotDir}/facilitation-phase-locked.png` })
    await participant.screenshot({ path: `${screenshotDir}/facilitation-participant-locked.png` })
    await writeNote(participant, { x: 500, y: 450 }, 'Klotter')
    expect(await shapeCount(participant)).toBe(before)
    expect(await shapeCount(facilitator)).toBe(before)

    // A participant who writes the meeting's controls through the document is cut off with
    // 4409; the page drops its copy, syncs afresh, and the facilitator's controls stand.
    const lara = await facilitator.evaluate(
      () =>
        handlesOf()
          .editor.getPages()
          .find((p) => p.name === 'Lära')?.id,
    )
    const testa = (await controls(facilitator)).currentPhase
    await participant.evaluate((pageId) => {
      const samla = handlesOf()
      const w = window as unknown as { closedWith?: number; oldDoc?: unknown }
      w.oldDoc = samla.doc
      samla.provider.on('closed', (event) => {
        w.closedWith = event.code
      })
      samla.doc.getMap('meeting').set('currentPhase', pageId)
    }, lara)
    await expect
      .poll(() => participant.evaluate(() => (window as { closedWith?: number }).closedWith))
      .toBe(4409)
    // The notice says why: the controls are the facilitator's (not "the phase is locked").
    await participant
      .getByText('Ändringen kunde inte sparas – bara processledaren styr fas, tid och röstning.')
      .waitFor()
    await expect
      .poll(
        () =>
          participant.evaluate(() => {
            const w = window as unknown as { oldDoc?: unknown; __samla?: Handles }
            return (
              w.__samla?.doc !== w.oldDoc && w.__samla?.doc.getMap('meeting').get('currentPhase')
            )
          }),
        { timeout: 15_000 },
      )
      .toBe(testa)
    await waitForConnection(participant)
    expect((await controls(facilitator)).currentPhase).toBe(testa)
    await expect.poll(() => currentPageName(participant)).toBe('Testa')

    expect(await accessibilityViolations(facilitator, PANEL)).toEqual([])
    await facilitator.screenshot({ path: `${screenshotDir}/facilitation-panel-1280.png` })
    // Folded away, the panel leaves the canvas the whole width but one button.
    await facilitator.getByRole('button', { name: 'Dölj processledningen' }).click()
    const canvasWidth = () =>
      facilitator.locator('.tl-canvas').evaluate((el) => el.getBoundingClientRect().width)
    await expect.poll(canvasWidth).toBeGreaterThan(1200)
    await facilitator.screenshot({ path: `${screenshotDir}/facilitation-panel-collapsed.png` })
    await facilitator.getByRole('button', { name: 'Visa processledningen' }).click()
    await expect.poll(canvasWidth).toBeLessThan(1000)

    // Dot voting on the unlocked phase: the participant's two dots reach the facilitator's
    // tally, and once revealed the participant sees the count.
    await unlock.click()
    await expect
      .poll(() => participant.evaluate(() => handlesOf().editor.getIsReadonly()))
      .toBe(false)
    await facilitator.getByRole('button', { name: 'Lås Testa', exact: true }).waitFor()
    // A voter credential the server does not know, as after its database was reset: the page
    // fetches a new one, once, and votes with that.
    const voterKey = `samla.voter.${meeting.id}`
    const stale = { voterId: 'A'.repeat(22), secret: 'B'.repeat(22) }
    await participant.evaluate(([key, value]) => localStorage.setItem(key, value), [
      voterKey,
      JSON.stringify(stale),
    ] as const)
    await facilitator.getByRole('button', { name: 'Starta röstning i Testa' }).click()
    const tallyOf = (text: string) =>
      facilitator.locator('[data-testid="tally"] li', { hasText: text }).locator('strong')
    await voteTwice(participant, 'Prova samtalsgrupper', async () => {
      // One vote is "1 röst", in the singular.
      await tallyOf('Prova samtalsgrupper').getByText('1 röst', { exact: true }).waitFor()
      await facilitator
        .locator('[data-testid="tally"]')
        .screenshot({ path: `${screenshotDir}/facilitation-tally-one-vote.png` })
    })
    await participant
      .locator('.facilitation-voting')
      .screenshot({ path: `${screenshotDir}/facilitation-participant-one-left.png` })
    const kept = await participant.evaluate((key) => localStorage.getItem(key), voterKey)
    expect(JSON.parse(kept ?? 'null')).toMatchObject({
      voterId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    })
    expect(JSON.parse(kept ?? 'null').voterId).not.toBe(stale.voterId)
    await facilitator
      .locator('[data-testid="tally"] li', { hasText: 'Prova samtalsgrupper' })
      .filter({ hasText: '2 röster' })
      .waitFor({ timeout: 10_000 })
    await facilitator.getByRole('button', { name: 'Visa resultatet för alla' }).click()
    await expectRevealed(participant, 'Prova samtalsgrupper', 2)
    expect(await accessibilityViolations(facilitator, PANEL)).toEqual([])
    expect(await accessibilityViolations(participant, '.facilitation-voting')).toEqual([])
    await facilitator.screenshot({ path: `${screenshotDir}/facilitation-voting-1280.png` })
    await participant.screenshot({ path: `${screenshotDir}/facilitation-participant-voting.png` })

    // A rotated participant link ends the open page's session for good, with a word why.
    const facilitatorToken = new URL(links.facilitator).hash.slice('#k='.length)
    const rotated = await fetch(
      `${samla.server.url}/api/meetings/${meeting.id}/links/participant/rotate`,
      { method: 'POST', headers: { authorization: `Bearer ${facilitatorToken}` } },
    )
    expect(rotated.status).toBe(200)
    await participant
      .getByRole('heading', { name: 'Länken gäller inte längre' })
      .waitFor({ timeout: 15_000 })
  })

  it('shows no names in an anonymous Demokratilabb meeting, neither on cursors nor in the document', async () => {
    const { links } = await meetingOf('demokratilabb')
    const facilitator = await open(links.facilitator)
    await expect.poll(() => pageNames(facilitator), { timeout: 15_000 }).toEqual(PHASES)
    const participant = await open(links.participant)
    await participant.evaluate(() =>
      handlesOf().editor.user.updateUserPreferences({ name: 'Elin Testsson' }),
    )
    await writeNote(participant, { x: 300, y: 350 }, 'Mer rast')
    await participant.mouse.move(400, 300)
    await participant.mouse.move(420, 320)

    await expect
      .poll(() =>
        facilitator.evaluate(() =>
          handlesOf()
            .editor.getCollaborators()
            .map((c) => c.userName),
        ),
      )
      .toEqual(['Deltagare'])
    await expect.poll(() => shapeCount(facilitator)).toBeGreaterThan(0)
    expect(await facilitator.getByText('Elin Testsson').count()).toBe(0)
    for (const page of [facilitator, participant]) {
      const stored = await page.evaluate(() =>
        JSON.stringify(handlesOf().doc.getMap('records').toJSON()),
      )
      expect(stored).not.toContain('Elin Testsson')
      expect(stored).not.toContain('"typeName":"user"')
    }
  })
})

/**
 * Two dots on the note with `text`, given in the participant's voting panel (of three), with
 * `afterFirst` run after the first.
 */
async function voteTwice(page: Page, text: string, afterFirst: () => Promise<void>) {
  const note = page.locator('.facilitation-vote', { hasText: text })
  const vote = page.getByRole('button', { name: `Rösta (${text})` })
  await vote.click()
  await note.getByText('Dina röster: 1').waitFor()
  await page.getByText('Du har 2 röster kvar.').waitFor()
  await afterFirst()
  await vote.click()
  await note.getByText('Dina röster: 2').waitFor()
  await page.getByText('Du har 1 röst kvar.').waitFor()
}

/** The participant sees the revealed count on the note with `text`. */
async function expectRevealed(page: Page, text: string, n: number) {
  await page
    .locator('.facilitation-vote', { hasText: text })
    .getByText(`${n} röster`)
    .waitFor({ timeout: 10_000 })
}

/** The page's handles inside page.evaluate (the init script in `open` defines it there). */
declare function handlesOf(): Handles
