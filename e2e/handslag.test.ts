import path from 'node:path'
import type { CreatedProcess } from '@samla/shared'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { pdfText } from './src/pdf.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

/**
 * Verkstad 3 as the people in it would do it (seed 004): the organiser writes the Handslag on
 * its page with two organisations and their commitments and copies each one's confirmation
 * link; the region's representative confirms on a laptop, the municipality's on a phone at
 * 360×740, each in a browser of its own; the Handslag is signed, and the published process
 * record, on the page and printed to PDF, carries it with who confirmed.
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
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await samla.browser.newContext({ viewport })
  watchContext(context, () => samla.server.url, findings)
  const page = await context.newPage()
  await page.goto(url)
  return { page, context }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

const today = () => new Date().toISOString().slice(0, 10)
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** An organisation's card on the Handslag page. */
const card = (page: Page, name: string) =>
  page.getByTestId('handslag-organisation').filter({ has: page.getByRole('heading', { name }) })

async function addOrganisation(page: Page, name: string, commitment: string, due: string) {
  const add = page.getByRole('region', { name: 'Lägg till organisation' })
  await add.getByLabel('Organisation', { exact: true }).fill(name)
  await add.getByRole('button', { name: 'Lägg till organisationen' }).click()
  await add.getByText(`${name} är tillagd.`).waitFor()
  const org = card(page, name)
  await org.getByRole('button', { name: 'Lägg till åtagande' }).click()
  await org.getByLabel('Åtagande 1', { exact: true }).fill(commitment)
  await org.getByLabel('Klart senast (Åtagande 1)').fill(due)
  await org.getByRole('button', { name: `Spara ${name}` }).click()
  await org.getByText('Sparat.').waitFor()
}

describe('a Handslag from Verkstad 3', () => {
  it('the organiser writes it, two organisations confirm from their own links, and the signed Handslag is in the published record and its PDF', async () => {
    const created = (await (
      await fetch(`${samla.server.url}/api/processes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kraftsamling Blekinge' }),
      })
    ).json()) as CreatedProcess
    const token = new URL(created.link).hash.slice(3)
    await fetch(`${samla.server.url}/api/processes/${created.process.id}/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Verkstad 3',
        group: 'kraftsamling',
        date: today(),
        format: 'physical',
      }),
    })

    // The organiser makes the Handslag on the process page and lands on its own page.
    const { page: organiser, context } = await open(created.link)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: samla.server.url,
    })
    const section = organiser.locator('section', {
      has: organiser.getByRole('heading', { name: 'Handslag', level: 2 }),
    })
    await section.getByText('Inga handslag än.').waitFor()
    await section.getByLabel('Handslagets namn').fill('Handslag 2.3 Huskurer')
    await section.getByLabel('Gjort på (valfritt)').selectOption({ label: 'Verkstad 3' })
    await section.getByRole('button', { name: 'Skapa handslaget' }).click()
    await organiser.getByRole('heading', { name: 'Handslag 2.3 Huskurer', level: 1 }).waitFor()
    expect(organiser.url()).toMatch(/\/k\/[A-Za-z0-9_-]{22}\/h\/[A-Za-z0-9_-]{22}#k=/)
    await organiser.getByText('Gjort på Verkstad 3').waitFor()

    // The work plan: two initiatives.
    const plan = organiser.locator('section', {
      has: organiser.getByRole('heading', { name: 'Arbetsplan' }),
    })
    for (const [n, text] of [
      [1, 'Sammanställa och sprida fem huskurer som alla borde känna till'],
      [2, 'Anpassa huskurerna för att nå särskilda målgrupper'],
    ] as const) {
      await plan.getByRole('button', { name: 'Lägg till initiativ' }).click()
      await plan.getByLabel(`Initiativ ${n}: Vad initiativet är`).fill(text)
    }
    await plan.getByRole('button', { name: 'Spara arbetsplanen' }).click()
    await plan.getByText('Arbetsplanen är sparad.').waitFor()

    await addOrganisation(organiser, 'Region Blekinge', 'Anställa två skolkuratorer', inDays(40))
    await addOrganisation(organiser, 'Karlskrona kommun', 'Lugna rum i tre skolor', inDays(60))
    await organiser.getByText('0 av 2 organisationer har bekräftat.', { exact: false }).waitFor()
    expect(await accessibilityViolations(organiser)).toEqual([])
    await shot(organiser, 'handslag-1280.png')
    // The organiser's page works on a phone too.
    const { page: small } = await open(organiser.url(), { width: 360, height: 740 })
    await card(small, 'Karlskrona kommun').getByText('Lugna rum i tre skolor').waitFor()
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(small, 'handslag-page-360.png')

    // Each organisation's link: copied with its button, and the same as the one shown.
    const linkOf = async (name: string) => {
      const org = card(organiser, name)
      await org.getByRole('button', { name: `Kopiera länken för ${name}` }).click()
      await org.getByText(`Länken för ${name} är kopierad.`).waitFor()
      const copied = await organiser.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(await org.getByTestId('confirmation-link').textContent())
      expect(copied).toMatch(/\/h\/[A-Za-z0-9_-]{22}#c=[A-Za-z0-9_-]{22}$/)
      return copied
    }
    const regionLink = await linkOf('Region Blekinge')
    const kommunLink = await linkOf('Karlskrona kommun')

    // The region's representative confirms on a laptop, in a browser of their own.
    const { page: region } = await open(regionLink)
    await region.getByRole('heading', { name: 'Handslag 2.3 Huskurer', level: 1 }).waitFor()
    await region.getByText('Anställa två skolkuratorer').waitFor()
    await region
      .getByText('Namn, roll och organisation är de enda personuppgifter', { exact: false })
      .waitFor()
    expect(await region.getByLabel('Organisation', { exact: true }).inputValue()).toBe(
      'Region Blekinge',
    )
    await region.getByLabel('Ditt namn').fill('Anna Berg')
    await region.getByLabel('Din roll').fill('Hälso- och sjukvårdsdirektör')
    await region.getByRole('button', { name: 'Bekräfta handslaget' }).click()
    await region.getByText('Tack! Region Blekinge har bekräftat handslaget.').waitFor()
    await region
      .getByText('Bekräftat av Anna Berg, Hälso- och sjukvårdsdirektör, Region Blekinge', {
        exact: false,
      })
      .waitFor()
    expect(await region.getByRole('button', { name: 'Bekräfta handslaget' }).count()).toBe(0)

    // Back on the Handslag page: new commitments would take the region's confirmation away, and it says so.
    await organiser.reload()
    const regionCard = card(organiser, 'Region Blekinge')
    await regionCard.getByText('Bekräftat av Anna Berg', { exact: false }).waitFor()
    await regionCard.getByLabel('Åtagande 1', { exact: true }).fill('Anställa tre skolkuratorer')
    await regionCard.getByTestId('will-clear').waitFor()
    await regionCard.getByLabel('Åtagande 1', { exact: true }).fill('Anställa två skolkuratorer')
    await expect(regionCard.getByTestId('will-clear').count()).resolves.toBe(0)

    // The municipality's representative confirms on a phone.
    const { page: phone } = await open(kommunLink, { width: 360, height: 740 })
    await phone.getByRole('heading', { name: 'Handslag 2.3 Huskurer', level: 1 }).waitFor()
    await phone.getByText('Region Blekinge:').waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(phone)).toEqual([])
    await shot(phone, 'handslag-confirm-360.png')
    await phone.getByLabel('Ditt namn').fill('Karin Holm')
    await phone.getByLabel('Din roll').fill('Skolchef')
    await phone.getByRole('button', { name: 'Bekräfta handslaget' }).click()
    await phone
      .getByText(
        'Tack! Karlskrona kommun har bekräftat handslaget. Alla organisationer har bekräftat: handslaget är undertecknat.',
      )
      .waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    await shot(phone, 'handslag-confirmed-360.png')
    // The link again: confirmed already, no form.
    await phone.reload()
    await phone
      .getByText('Bekräftat av Karin Holm, Skolchef, Karlskrona kommun', { exact: false })
      .waitFor()
    expect(await phone.getByRole('button', { name: 'Bekräfta handslaget' }).count()).toBe(0)

    // The Handslag page shows it signed, read-only, with who confirmed and when.
    await organiser.reload()
    await organiser
      .getByTestId('handslag-progress')
      .getByText('Undertecknat', { exact: false })
      .waitFor()
    await expect(
      organiser.getByRole('button', { name: 'Spara arbetsplanen' }).count(),
    ).resolves.toBe(0)
    await organiser
      .getByText('Bekräftat av Karin Holm, Skolchef, Karlskrona kommun', { exact: false })
      .waitFor()
    expect(await accessibilityViolations(organiser)).toEqual([])
    await shot(organiser, 'handslag-signed-1280.png')

    // The process page lists it as signed; the organiser publishes the process.
    await organiser.goto(created.link)
    const entry = organiser
      .getByTestId('handslag-entry')
      .filter({ hasText: 'Handslag 2.3 Huskurer' })
    await entry.getByText('Undertecknat').waitFor()
    await entry.getByText('2 av 2 har bekräftat').waitFor()
    await entry.scrollIntoViewIfNeeded()
    await organiser.screenshot({ path: path.join(screenshotDir, 'handslag-process-page-1280.png') })
    await organiser.getByRole('button', { name: 'Publicera' }).click()
    const published = organiser.getByTestId('process-published-link')
    await published.waitFor()

    const { page: record } = await open((await published.getAttribute('href')) ?? '')
    await record.getByRole('heading', { name: 'Kraftsamling Blekinge', level: 1 }).waitFor()
    const signed = record
      .getByTestId('record-handslag')
      .filter({ hasText: 'Handslag 2.3 Huskurer' })
    await signed.getByText('Lugna rum i tre skolor').waitFor()
    await signed
      .getByText('Bekräftat av Anna Berg, Hälso- och sjukvårdsdirektör, Region Blekinge', {
        exact: false,
      })
      .waitFor()
    expect(await accessibilityViolations(record)).toEqual([])
    await signed.scrollIntoViewIfNeeded()
    await record.screenshot({ path: path.join(screenshotDir, 'handslag-record-1280.png') })
    const pdf = await pdfText(new Uint8Array(await record.pdf({ format: 'A4' })))
    for (const text of [
      'Handslag 2.3 Huskurer',
      'Sammanställa och sprida fem huskurer',
      'Anställa två skolkuratorer',
      'Bekräftat av Anna Berg',
      'Bekräftat av Karin Holm, Skolchef, Karlskrona kommun',
    ])
      expect(pdf).toContain(text)
  })
})
