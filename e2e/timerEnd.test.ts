import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * When the time is up (issue 14, item 10): every screen says so in words and colour, the
 * facilitator's page and the projector sound a chime made in the browser (which the
 * facilitator can switch off); and a participant looking at another, locked phase is told
 * which phase is locked (minor).
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

/** Counts the tones a page starts (Web Audio oscillators), from before its scripts run. */
const listenForTones = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { __tones: number }
    w.__tones = 0
    const start = OscillatorNode.prototype.start
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      w.__tones++
      return start.apply(this, args)
    }
  })
/** The facilitator's page sets the timer running with two seconds left, as its controls do. */
const lastSeconds = (page: Page) =>
  page.evaluate(() => {
    const doc = (window.__samla as unknown as { doc?: unknown } | undefined)?.doc as
      | { getMap(name: string): { set(key: string, value: unknown): void } }
      | undefined
    doc?.getMap('meeting').set('timer', {
      state: 'running',
      durationMs: 60_000,
      endsAt: Date.now() + 2000,
    })
  })
const tones = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tones: number }).__tones)

describe('the end of the time', () => {
  it('reads "Tiden är ute" everywhere, chimes on the facilitator’s page and the wall, and can be silenced', async () => {
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Samling 8',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'physical',
    })
    const facilitator = await open(links.facilitator, undefined, listenForTones)
    await waitForConnection(facilitator)
    await facilitator.getByRole('heading', { name: 'Faser' }).waitFor({ timeout: 20_000 })
    const projector = await open(links.projector, { width: 1920, height: 1080 }, listenForTones)
    await projector.locator('.projector-overlay__join').waitFor({ timeout: 20_000 })
    const participant = await open(links.participant)
    await waitForConnection(participant)
    const join = (await api(`/api/meetings/${meeting.id}/join-info`, facilitatorToken)) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })

    // A round in its last two seconds (the shortest a facilitator can set is a minute).
    await lastSeconds(facilitator)

    const timerSection = facilitator.getByRole('region', { name: 'Timer' })
    await timerSection.getByText('Tiden är ute', { exact: true }).waitFor({ timeout: 10_000 })
    expect(await timerSection.locator('.facilitation-timer--up').count()).toBe(1)
    await projector.getByText('Tiden är ute').waitFor()
    await participant.locator('.facilitation-status__timer--up').getByText('Tiden är ute').waitFor()
    await phone.getByRole('timer').filter({ hasText: 'Tiden är ute' }).waitFor()
    await expect.poll(() => tones(facilitator)).toBe(2)
    await expect.poll(() => tones(projector)).toBe(2)
    await timerSection.screenshot({ path: path.join(screenshotDir, 'timer-up-panel.png') })

    // Silenced: the next round ends without a sound, in words all the same.
    await timerSection.getByLabel('Ljud när tiden är ute (här och på projektorn)').uncheck()
    await lastSeconds(facilitator)
    await timerSection.getByText('Går').waitFor()
    await timerSection.getByText('Tiden är ute', { exact: true }).waitFor({ timeout: 10_000 })
    await projector.getByText('Tiden är ute').waitFor()
    expect(await tones(facilitator)).toBe(2)
    expect(await tones(projector)).toBe(2)

    // A participant looking at another phase, shown to them and locked: the banner names it.
    await facilitator
      .getByRole('button', { name: 'Visa för deltagarna Testa', exact: true })
      .click()
    await facilitator.getByRole('button', { name: 'Lås Testa', exact: true }).click()
    await participant.getByLabel('Fas att titta på').selectOption({ label: 'Testa' })
    await participant.getByText('Fasen Testa är låst').waitFor()
  })
})
