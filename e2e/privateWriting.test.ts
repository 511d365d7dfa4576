import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { noteTexts, waitForConnection, waitForFacilitatorBoard, writeNote } from './src/ui.ts'

/**
 * "Skriv enskilt" (issue 14, item 11): while the facilitator has it on, each participant sees
 * the words of their own notes and others' as blank cards, and the words of others' notes do
 * not reach a participant's, the projector's or a phone's browser at all (every WebSocket
 * frame each page receives is searched for them) until the facilitator reveals them.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

/** Opens a page that keeps every WebSocket frame it receives (the relay's updates and presence). */
async function openListening(url: string, viewport: { width: number; height: number }) {
  const frames: Buffer[] = []
  const page = await open(url, viewport, async (p) => {
    p.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) =>
        frames.push(typeof payload === 'string' ? Buffer.from(payload) : payload),
      ),
    )
  })
  const received = (text: string) => frames.some((f) => f.includes(Buffer.from(text)))
  return { page, received }
}

const ANNA = 'Hemlig tanke från Anna'
const PHONE = 'Telefonens egen idé'

describe('writing privately', () => {
  it('keeps each one’s words in their own browser until the facilitator reveals them, then shows them to all', async () => {
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Samling 7',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'hybrid',
    })
    const facilitator = await openListening(links.facilitator, { width: 1280, height: 800 })
    await waitForFacilitatorBoard(facilitator.page)
    const join = (await api(`/api/meetings/${meeting.id}/join-info`, facilitatorToken)) as JoinInfo
    const participant = await openListening(links.participant, { width: 1280, height: 800 })
    const projector = await openListening(links.projector, { width: 1920, height: 1080 })
    const phone = await openListening(join.phoneLink, { width: 360, height: 740 })
    await waitForConnection(participant.page)

    await facilitator.page
      .getByRole('button', { name: 'Starta enskilt skrivande i Öppna upp' })
      .click()
    await participant.page.getByTestId('private-writing-notice').waitFor()
    await projector.page.getByText('Alla skriver enskilt – lapparna visas snart.').waitFor()
    await phone.page.getByTestId('private-writing-notice').waitFor({ timeout: 20_000 })

    // Anna writes on the canvas, the phone through its form.
    const annaSaved = participant.page.waitForResponse(
      (r) =>
        r.request().method() === 'PUT' &&
        r.url().includes('/private-notes/') &&
        (r.request().postData() ?? '').includes(ANNA),
    )
    await writeNote(participant.page, { x: 420, y: 420 }, ANNA)
    expect((await annaSaved).status()).toBe(204)
    await phone.page.getByRole('button', { name: 'Hoppa över' }).click()
    await phone.page.getByLabel('Din lapp').fill(PHONE)
    await phone.page.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await phone.page.getByText('Lappen finns nu på tavlan.').waitFor()
    await facilitator.page
      .getByText('Pågår i Öppna upp: 2 lappar skrivna enskilt.')
      .waitFor({ timeout: 10_000 })

    // Each sees their own words, the other's card blank; the facilitator and the wall see two
    // blank cards.
    await expect.poll(() => noteTexts(participant.page)).toEqual(['', ANNA])
    await expect.poll(() => noteTexts(projector.page)).toEqual(['', ''])
    expect(await noteTexts(facilitator.page)).toEqual(['', ''])
    const mine = phone.page.getByRole('region', { name: 'Dina lappar i den här fasen' })
    await mine.getByText(PHONE, { exact: true }).waitFor()
    // Not hidden: absent. No frame any of them received carries the other's words.
    expect(participant.received(PHONE)).toBe(false)
    expect(phone.received(ANNA)).toBe(false)
    for (const page of [projector, facilitator])
      expect([page.received(ANNA), page.received(PHONE)]).toEqual([false, false])

    await participant.page.screenshot({
      path: path.join(screenshotDir, 'private-participant-1280.png'),
    })
    await projector.page.screenshot({
      path: path.join(screenshotDir, 'private-projector-1920.png'),
    })
    await phone.page.screenshot({
      path: path.join(screenshotDir, 'private-phone-360.png'),
      fullPage: true,
    })
    await facilitator.page.screenshot({
      path: path.join(screenshotDir, 'private-facilitator-1280.png'),
    })
    expect(await accessibilityViolations(phone.page)).toEqual([])

    // After a reload Anna's words come back from the server, to her alone.
    await participant.page.reload()
    await waitForConnection(participant.page)
    await expect.poll(() => noteTexts(participant.page), { timeout: 20_000 }).toEqual(['', ANNA])

    // The reveal: every text into its card, for everyone at once; the notices go.
    await facilitator.page.getByRole('button', { name: 'Visa alla lappar' }).click()
    await facilitator.page.getByText('2 lappar visas nu för alla.').waitFor()
    for (const page of [projector.page, participant.page, facilitator.page])
      await expect.poll(() => noteTexts(page)).toEqual([ANNA, PHONE].sort())
    await projector.page.getByText('Alla skriver enskilt').waitFor({ state: 'detached' })
    await participant.page.getByTestId('private-writing-notice').waitFor({ state: 'detached' })
    await projector.page.screenshot({ path: path.join(screenshotDir, 'private-revealed-1920.png') })
  })
})
