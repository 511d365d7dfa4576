import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection } from './src/ui.ts'

const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

const QR = 'QR-kod till samlingens mobilsida'
const DANGER = 'rgb(161, 26, 26)'

/** The colours a block of links is told apart by: its background and its thick left border. */
const looks = (page: Page, role: string) =>
  page
    .locator(`.start-link[data-role="${role}"]`)
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el)
      return `${style.backgroundColor} / ${style.borderLeftColor}`
    })

const accessStatus = async (boardLink: string) => {
  const url = new URL(boardLink)
  const res = await fetch(`${samla.server.url}/api/boards/${url.pathname.split('/')[2]}/access`, {
    headers: { authorization: `Bearer ${url.hash.replace('#k=', '')}` },
  })
  return res.status
}

describe('the links of a new meeting on the start page', () => {
  it('say who each is for, look different, draw the projector’s QR code beside the participant link, and open the projector view in a new tab', async () => {
    const page = await open(samla.server.url)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: samla.server.url,
    })
    await page.getByLabel('Samlingens namn').fill('Samling 3 – hybrid')
    await page.getByRole('button', { name: 'Skapa samlingen' }).click()
    const created = page.getByRole('region', { name: 'Ny samling' })
    await created.getByRole('heading', { name: 'Samling 3 – hybrid är skapad' }).waitFor()

    // Each audience its own block, headed by who it is for and saying what to do with it.
    const participant = created.getByRole('group', { name: 'Till deltagarna' })
    const projector = created.getByRole('group', { name: 'Till projektorn' })
    const facilitator = created.getByRole('group', { name: 'Bara till dig som processledare' })
    await participant.getByText('skannar mobilerna QR-koden').waitFor()
    await projector.getByText('Öppna på datorn som visar väggen').waitFor()
    await facilitator.getByText('Dela den inte.').waitFor()
    const link = async (group: typeof participant) =>
      (await group.locator('code').textContent()) ?? ''
    const links = {
      participant: await link(participant),
      projector: await link(projector),
      facilitator: await link(facilitator),
    }
    expect(new Set(Object.values(links)).size).toBe(3)
    for (const l of Object.values(links)) expect(await accessStatus(l)).toBe(200)
    const styles = await Promise.all(
      ['participant', 'projector', 'facilitator'].map((role) => looks(page, role)),
    )
    expect(new Set(styles).size, styles.join(' | ')).toBe(3)
    // The join code sits with the participants' link and QR code, not on its own.
    await participant.getByText(/Kod för mobiler: [A-Z2-9]{6}/).waitFor()

    // Copy buttons are still there, and copy the link of their block.
    await participant.getByRole('button', { name: 'Kopiera: Till deltagarna' }).click()
    await created.getByRole('status').getByText('Kopierad.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.participant)
    await projector.getByRole('button', { name: 'Kopiera: Till projektorn' }).waitFor()
    await facilitator
      .getByRole('button', { name: 'Kopiera: Bara till dig som processledare' })
      .waitFor()

    const qr = participant.getByRole('img', { name: QR })
    await qr.waitFor()
    const startQr = (await qr.getAttribute('src')) ?? ''
    expect(startQr).toMatch(/^data:image\/png;base64,/)
    expect(await accessibilityViolations(page)).toEqual([])
    await page.screenshot({
      path: path.join(screenshotDir, 'start-links-1280.png'),
      fullPage: true,
    })

    // "Öppna projektorvyn" opens the projector's link in a tab of its own, and the wall there
    // shows the very QR code the start page shows: the same phone link, drawn the same way.
    const openProjector = projector.getByRole('link', { name: /^Öppna projektorvyn/ })
    expect(await openProjector.getAttribute('target')).toBe('_blank')
    const [wall] = await Promise.all([page.context().waitForEvent('page'), openProjector.click()])
    await wall.waitForURL(links.projector)
    const wallQr = wall.getByRole('img', { name: QR })
    await wallQr.waitFor({ timeout: 30_000 })
    expect(await wallQr.getAttribute('src')).toBe(startQr)
    expect(page.url()).toBe(`${samla.server.url}/`)
    await wall.close()

    // On a phone the blocks stack, the QR code under its text, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const qrBox = await qr.boundingBox()
    const textBox = await participant.locator('code').boundingBox()
    expect(qrBox && textBox && qrBox.y >= textBox.y + textBox.height).toBe(true)
    await page.screenshot({ path: path.join(screenshotDir, 'start-links-360.png'), fullPage: true })
  })
})

describe('removing a meeting from the start page', () => {
  it('"Ta bort från listan" is quiet and leaves the meeting reachable; "Radera samlingen" is red, asks, says it is permanent, and erases it', async () => {
    const made = await Promise.all(
      ['Samling 1 – fysisk', 'Samling 2 – digital'].map((title) =>
        createMeeting(samla.server.url, {
          title,
          group: 'kraftsamling',
          date: '2026-04-02',
          format: 'hybrid',
        }),
      ),
    )
    const [kept, erased] = made
    if (!kept || !erased) throw new Error('no meetings')
    // Saved as the start page saves a meeting it creates (savedMeetings.ts), before the page
    // loads: a reload to pick them up would cut off the first load's lazy chunks.
    const saved = made.map(({ meeting, links }) => ({
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      group: meeting.group,
      format: meeting.format,
      joinCode: meeting.joinCode,
      links,
    }))
    const page = await open(samla.server.url, undefined, (page) =>
      page.addInitScript((list) => {
        if (sessionStorage.getItem('seeded')) return
        sessionStorage.setItem('seeded', '1')
        localStorage.setItem('samla.meetings', list)
      }, JSON.stringify(saved)),
    )
    const mine = page.getByRole('region', { name: 'Mina samlingar' })
    const item = (title: string) => mine.locator('.start-meeting__list > li', { hasText: title })
    for (const { meeting } of made) await item(meeting.title).locator('summary').click()

    const forget = item(kept.meeting.title).getByRole('button', { name: 'Ta bort från listan' })
    const remove = item(kept.meeting.title).getByRole('button', { name: 'Radera samlingen' })
    const style = (button: typeof forget) =>
      button.evaluate((el) => {
        const s = getComputedStyle(el)
        return { color: s.color, border: s.borderTopWidth, background: s.backgroundColor }
      })
    const quiet = await style(forget)
    const red = await style(remove)
    expect(red.color).toBe(DANGER)
    expect(red.border).not.toBe('0px')
    expect(quiet.color).not.toBe(red.color)
    expect(quiet.border).toBe('0px')
    expect(quiet.background).toBe('rgba(0, 0, 0, 0)')
    // The quiet one says, to the eye and to a screen reader, that the meeting itself stays.
    const hintId = (await forget.getAttribute('aria-describedby')) ?? ''
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toContain('Samlingen finns kvar')

    await item(kept.meeting.title)
      .locator('.start-meeting__actions')
      .screenshot({ path: path.join(screenshotDir, 'start-forget-delete-1280.png') })

    // Forgotten here: gone from the list, and its links still open the meeting.
    await forget.click()
    await expect.poll(() => item(kept.meeting.title).count()).toBe(0)
    expect(await accessStatus(kept.links.participant)).toBe(200)
    expect(await accessStatus(kept.links.facilitator)).toBe(200)
    const board = await open(kept.links.participant)
    await waitForConnection(board)
    // Closed only once it has loaded all it asked for: a load cut off counts as a failure.
    await board.waitForLoadState('networkidle')
    await board.context().close()

    // Erasing asks first, in words that say it is for good and what goes; Cancel keeps it.
    const eraseButton = item(erased.meeting.title).getByRole('button', { name: 'Radera samlingen' })
    await eraseButton.click()
    const dialog = page.getByRole('dialog', { name: `Radera ${erased.meeting.title} för alltid?` })
    await dialog.waitFor()
    await dialog.getByText('Det går inte att ångra.').waitFor()
    for (const what of ['tavlan med alla faser', 'dokumentation och exporter', 'alla länkar'])
      await dialog.getByText(what).waitFor()
    expect(
      await page.evaluate(() => document.activeElement?.textContent),
      'the safe choice has the focus',
    ).toBe('Avbryt')
    const confirm = dialog.getByRole('button', { name: 'Radera för alltid' })
    expect(await confirm.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(DANGER)
    expect(await accessibilityViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(screenshotDir, 'start-delete-confirm-1280.png') })
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    expect(await accessStatus(erased.links.participant)).toBe(200)
    await item(erased.meeting.title).waitFor()

    await eraseButton.click()
    await confirm.click()
    await expect.poll(() => item(erased.meeting.title).count()).toBe(0)
    expect(await accessStatus(erased.links.participant)).toBe(404)
    expect(await accessStatus(erased.links.facilitator)).toBe(404)
  })
})
