import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

describe('a facilitator starts a meeting from the start page', () => {
  it('creates "Samling 2 – digital", gets three links and a join code, finds it again after a reload', async () => {
    const context = await samla.browser.newContext({ viewport: { width: 1280, height: 900 } })
    watchContext(context, () => samla.server.url, findings)
    const page = await context.newPage()
    await page.goto(samla.server.url)
    expect(await accessibilityViolations(page)).toEqual([])

    await page.getByLabel('Samlingens namn').fill('Samling 2 – digital')
    await page.getByRole('radio', { name: 'Demokratilabb' }).check()
    await page.getByLabel('Datum').fill('2026-02-13')
    await page.getByRole('radio', { name: 'Digital' }).check()
    await page.getByRole('button', { name: 'Skapa samlingen' }).click()

    const heading = page.getByRole('heading', { level: 2, name: 'Samling 2 – digital är skapad' })
    await heading.waitFor()
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true)
    const created = page.getByRole('region', { name: 'Ny samling' })
    const links = await created.locator('.start-meeting__link code').allTextContents()
    expect(links).toHaveLength(3)
    for (const link of links)
      expect(link).toMatch(new RegExp(`^${samla.server.url}/b/[\\w-]{22}#k=[\\w-]{22}$`))
    await created.getByText(/Kod för mobiler: [A-Z2-9]{6}/).waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
    await page.screenshot({
      path: path.join(screenshotDir, 'start-meeting-created-1280.png'),
      fullPage: true,
    })

    // The server has it, as a Demokratilabb meeting: anonymous by default.
    const facilitator = await created
      .locator('.start-meeting__link[data-role="facilitator"] code')
      .textContent()
    const participantLink = await created
      .locator('.start-meeting__link[data-role="participant"] code')
      .textContent()
    const boardId = new URL(facilitator ?? '').pathname.split('/')[2]
    const token = new URL(facilitator ?? '').hash.replace('#k=', '')
    const access = await fetch(`${samla.server.url}/api/boards/${boardId}/access`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await access.json()).toMatchObject({
      role: 'facilitator',
      meeting: {
        title: 'Samling 2 – digital',
        group: 'demokratilabb',
        format: 'digital',
        anonymous: true,
      },
    })

    await page.reload()
    const mine = page.getByRole('region', { name: 'Mina samlingar' })
    await mine.getByText('Samling 2 – digital').waitFor()
    await page.setViewportSize({ width: 360, height: 740 })
    await page.screenshot({ path: path.join(screenshotDir, 'start-360.png'), fullPage: true })
    await mine.getByText('Samling 2 – digital').click()
    // Editing: the name, the phone code off, a new participant link (the old one stops).
    page.on('dialog', (dialog) => void dialog.accept())
    const api = (p: string) =>
      fetch(`${samla.server.url}${p}`, { headers: { authorization: `Bearer ${token}` } })
    const meetingId = (await (await api(`/api/boards/${boardId}/access`)).json())
      .meetingId as string
    await mine.getByLabel('Samlingens namn').fill('Samling 2 – digital, ny tid')
    await mine.getByRole('button', { name: 'Spara ändringarna' }).click()
    await mine.getByRole('status').getByText('Sparat.').waitFor()
    await expect
      .poll(async () => (await (await api(`/api/meetings/${meetingId}`)).json()).title)
      .toBe('Samling 2 – digital, ny tid')
    await mine.getByRole('button', { name: 'Stäng av koden för mobiler' }).click()
    await mine.getByRole('button', { name: 'Slå på koden för mobiler' }).waitFor()
    expect((await (await api(`/api/meetings/${meetingId}`)).json()).joinCode).toBeNull()
    const oldParticipant = new URL(participantLink ?? '').hash.replace('#k=', '')
    await mine.getByRole('button', { name: 'Ge deltagarna en ny länk' }).click()
    await mine.getByText('Ny länk skapad. Dela den nya.').waitFor()
    const refused = await fetch(`${samla.server.url}/api/boards/${boardId}/access`, {
      headers: { authorization: `Bearer ${oldParticipant}` },
    })
    expect(refused.status).toBe(401)
    expect(
      await mine.locator('.start-meeting__link[data-role="participant"] code').textContent(),
    ).not.toContain(oldParticipant)
    expect(await accessibilityViolations(page)).toEqual([])

    // A facilitator link shared by mistake: a new one, saved here; the old one stops at once.
    await mine.getByRole('button', { name: 'Ge mig en ny processledarlänk' }).click()
    await mine.getByText('Ny processledarlänk sparad här.').waitFor()
    await mine.screenshot({ path: path.join(screenshotDir, 'start-settings-360.png') })
    expect((await api(`/api/meetings/${meetingId}`)).status).toBe(401)
    const saved = await page.evaluate(() => localStorage.getItem('samla.meetings') ?? '')
    const newToken = /#k=([A-Za-z0-9_-]+)/.exec(
      (JSON.parse(saved) as Array<{ id: string; links: { facilitator: string } }>).find(
        (m) => m.id === meetingId,
      )?.links.facilitator ?? '',
    )?.[1]
    expect(newToken).toBeTruthy()
    expect(newToken).not.toBe(token)
    const fresh = await fetch(`${samla.server.url}/api/meetings/${meetingId}`, {
      headers: { authorization: `Bearer ${newToken}` },
    })
    expect(fresh.status).toBe(200)

    await mine.getByRole('link', { name: 'Öppna tavlan som processledare' }).click()
    await page.locator('.tl-canvas').waitFor({ timeout: 30_000 })
    expect(await page.evaluate(() => location.hash)).toBe(`#k=${newToken}`)
  })
})
