import path from 'node:path'
import {
  VOTER_HEADER,
  type VoteStatus,
  voterCredentialSchema,
  voterHeaderValue,
} from '@samla/shared'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { overlayCoveringPhase } from './src/ui.ts'
import { emptyFindings, type WatchOptions, watchContext } from './src/watch.ts'

/**
 * One Samling with everyone the issue names: a facilitator and a remote participant on
 * laptops, the projector at 1920×1080 and a phone at 360×740 that joins by typing the code.
 */
const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

async function open(
  url: string,
  viewport: { width: number; height: number },
  options?: WatchOptions,
): Promise<Page> {
  const context = await samla.browser.newContext({ viewport })
  watchContext(context, () => samla.server.url, findings, options)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

const noteTexts = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samla?.editor as unknown as {
      getPages(): { id: string }[]
      getPageShapeIds(id: string): Set<string>
      getShape(
        id: string,
      ): { type: string; props: { color: string; richText: unknown } } | undefined
    }
    return editor
      .getPages()
      .flatMap((p) => [...editor.getPageShapeIds(p.id)])
      .map((id) => editor.getShape(id))
      .filter((s) => s?.type === 'note')
      .map((s) => `${s?.props.color}:${JSON.stringify(s?.props.richText)}`)
  })

describe('a Samling with a facilitator, a remote participant, the projector and a phone', () => {
  it('the phone joins by code, its note reaches the canvas and the wall, and it votes', async () => {
    const { meeting, links } = await createMeeting(samla.server.url, {
      title: 'Samling 2 – hybrid',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    })
    const facilitator = await open(links.facilitator, { width: 1280, height: 800 })
    const participant = await open(links.participant, { width: 1280, height: 800 })
    const projector = await open(links.projector, { width: 1920, height: 1080 })
    await projector
      .locator('.projector-overlay__phase', { hasText: 'Öppna upp' })
      .waitFor({ timeout: 20_000 })

    // A wrong code says so; the right one leads to the phone page.
    const phone = await open(
      `${samla.server.url}/j`,
      { width: 360, height: 740 },
      {
        expectedConsoleErrors: [/status of 404/],
      },
    )
    const code = phone.getByLabel('Koden på skärmen (sex tecken)')
    await code.fill('ZZZZZZ')
    await phone.getByRole('button', { name: 'Gå med' }).click()
    await phone.getByRole('alert').getByText('Koden finns inte').waitFor()
    expect(await accessibilityViolations(phone)).toEqual([])
    await phone.screenshot({ path: path.join(screenshotDir, 'phone-join-360.png') })
    await code.fill((meeting.joinCode ?? '').toLowerCase())
    await phone.getByRole('button', { name: 'Gå med' }).click()
    await phone.getByText('Fas: Öppna upp').waitFor({ timeout: 20_000 })

    await phone.getByLabel('Ditt namn (valfritt)').fill('Sara')
    await phone.getByLabel('Din lapp').fill('Fler vuxna på rasterna')
    await phone.getByRole('radio', { name: 'Grön' }).check()
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await phone.getByText('Lappen finns nu på tavlan.').waitFor()
    expect(await accessibilityViolations(phone)).toEqual([])
    await phone.screenshot({ path: path.join(screenshotDir, 'phone-note-360.png'), fullPage: true })

    // On the remote participant's canvas, green, in the phase's Inkorg; and on the wall.
    // In the DOM: the Inkorg may lie outside the participant's view, where tldraw hides
    // (culls) shapes, depending on where the camera happens to be on a loaded machine.
    await participant
      .getByText('Fler vuxna på rasterna')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 })
    expect((await noteTexts(participant)).join()).toContain('green:')
    const inInbox = await participant.evaluate(() => {
      const doc = (
        window.__samla as unknown as { doc: { getMap(n: string): { toJSON(): object } } }
      ).doc
      const records = Object.values(doc.getMap('records').toJSON()) as Array<{
        id: string
        type?: string
        parentId?: string
        meta?: { samla?: string; samlaAuthor?: string }
        props?: { richText?: unknown }
      }>
      const note = records.find(
        (r) => r.type === 'note' && JSON.stringify(r.props?.richText).includes('rasterna'),
      )
      const parent = records.find((r) => r.id === note?.parentId)
      return { inbox: parent?.meta?.samla, author: note?.meta?.samlaAuthor }
    })
    expect(inInbox).toEqual({ inbox: 'inbox', author: 'Sara' })
    await projector.getByText('Fler vuxna på rasterna').first().waitFor({ timeout: 15_000 })

    // Dot voting on the phone: two dots, counted for the facilitator, then revealed to all.
    await facilitator.getByRole('button', { name: 'Starta röstning i Öppna upp' }).click()
    const vote = phone.getByRole('button', { name: 'Rösta (Fler vuxna på rasterna)' })
    // A target a thumb hits on a 360 px phone.
    expect((await vote.boundingBox())?.height).toBeGreaterThanOrEqual(44)
    await vote.click()
    await phone.getByText('Dina röster: 1').waitFor()
    await vote.click()
    await phone.getByText('Dina röster: 2').waitFor()
    await facilitator
      .locator('[data-testid="tally"] li', { hasText: 'Fler vuxna på rasterna' })
      .filter({ hasText: '2 röster' })
      .waitFor({ timeout: 10_000 })
    // The phone voted with the one credential the server issued it, kept for this meeting.
    const kept = await phone.evaluate(
      (key) => localStorage.getItem(key),
      `samla.voter.${meeting.id}`,
    )
    const asPhone = await fetch(`${samla.server.url}/api/meetings/${meeting.id}/votes`, {
      headers: {
        authorization: `Bearer ${new URL(links.participant).hash.slice('#k='.length)}`,
        [VOTER_HEADER]: voterHeaderValue(voterCredentialSchema.parse(JSON.parse(kept ?? 'null'))),
      },
    })
    expect(Object.values(((await asPhone.json()) as VoteStatus).mine)).toEqual([2])
    await facilitator.getByRole('button', { name: 'Visa resultatet för alla' }).click()
    await projector
      .locator('.projector-overlay__results', { hasText: 'Fler vuxna på rasterna' })
      .waitFor()
    await phone.getByText('Så här röstade alla.').waitFor()
    await phone.screenshot({
      path: path.join(screenshotDir, 'phone-voting-360.png'),
      fullPage: true,
    })
    // The fit leaves the phase clear of the bar, the QR code and the results.
    await expect.poll(() => overlayCoveringPhase(projector), { timeout: 5_000 }).toEqual([])
    await projector.screenshot({ path: path.join(screenshotDir, 'samling-projector-1920.png') })

    // The facilitator moves on: the server takes a snapshot of the phase that ended, and the
    // facilitator's board draws and uploads its pictures.
    await facilitator.getByRole('button', { name: 'Gå hit med alla (Testa)' }).click()
    await projector.locator('.projector-overlay__phase', { hasText: 'Testa' }).waitFor()
    const token = new URL(links.facilitator).hash.replace('#k=', '')
    await expect
      .poll(
        async () => {
          const list = (await (
            await fetch(`${samla.server.url}/api/meetings/${meeting.id}/snapshots`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as Array<{ reason: string; pageId: string; images: string[] }>
          return list.find((s) => s.reason === 'phase-change')?.images.length ?? 0
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0)

    // The documentation lists that snapshot with the phases it lay between.
    const docs = await facilitator.context().newPage()
    await docs.goto(`${samla.server.url}/docs/${meeting.id}#k=${token}`)
    const listed = docs.locator('.docs__snapshot-list li').first()
    await listed.getByText(/· Fasbyte · Öppna upp → Testa$/).waitFor()
    await docs
      .locator('.docs__snapshots')
      .screenshot({ path: path.join(screenshotDir, 'documentation-snapshots.png') })
  })
})
