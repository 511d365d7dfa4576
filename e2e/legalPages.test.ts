import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { useWatchedPages } from './src/pages.ts'

/**
 * The pages a Swedish public body must publish: the accessibility statement (DIGG's model) and
 * the personal-data page, with the deploying organisation and its retention taken from the
 * configuration, reached from the footer of the start page and of the phone's join page.
 */
const samla = useSamlaAndBrowser({
  SAMLA_ORGANISATION_NAME: 'Region Blekinge',
  SAMLA_ORGANISATION_CONTACT: 'samla@regionblekinge.se, 0455-73 10 00',
  SAMLA_RETENTION_DAYS: '90',
})
const { open } = useWatchedPages(samla)

describe('the accessibility statement and the personal-data page', () => {
  it('are linked from the footers, name the organisation, and pass axe at 1280 and 360 px', async () => {
    const start = await open(samla.server.url)
    await start.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet' }).click()
    await start
      .getByRole('heading', { name: 'Tillgänglighetsredogörelse för Samla', level: 1 })
      .waitFor()
    await start
      .getByText('Region Blekinge står bakom den här tjänsten.', { exact: false })
      .waitFor()
    for (const heading of [
      'Hur tillgänglig är tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
    ])
      await start.getByRole('heading', { name: heading }).waitFor()
    await start.getByText('Tavlan ritas på en canvas.', { exact: false }).waitFor()
    expect(
      await start.getByText('Kontakt: samla@regionblekinge.se', { exact: false }).count(),
    ).toBe(2)
    expect(await accessibilityViolations(start)).toEqual([])
    await start.screenshot({
      path: path.join(screenshotDir, 'accessibility-1280.png'),
      fullPage: true,
    })

    // From the join page a phone opens at 360 px, to the personal data.
    const phone = await open(`${samla.server.url}/j`, { width: 360, height: 740 })
    await phone.getByRole('link', { name: 'Personuppgifter' }).click()
    await phone.getByRole('heading', { name: 'Personuppgifter i Samla', level: 1 }).waitFor()
    await phone.getByText('Region Blekinge är personuppgiftsansvarig', { exact: false }).waitFor()
    await phone.getByText('Ett möte raderas automatiskt 90 dagar efter mötesdagen.').waitFor()
    await phone.getByText('Serverns loggar innehåller inga IP-adresser', { exact: false }).waitFor()
    await phone
      .getByText('Organisation och sektor som du själv anger när du går med', { exact: false })
      .waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(phone)).toEqual([])
    await phone.screenshot({ path: path.join(screenshotDir, 'privacy-360.png'), fullPage: true })

    // In English too.
    await phone.getByRole('button', { name: /English/ }).click()
    await phone.getByRole('heading', { name: 'Personal data in Samla', level: 1 }).waitFor()
    await phone.getByRole('link', { name: 'Accessibility' }).click()
    await phone.getByRole('heading', { name: 'Accessibility statement for Samla' }).waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(phone)).toEqual([])
    await phone.screenshot({
      path: path.join(screenshotDir, 'accessibility-en-360.png'),
      fullPage: true,
    })
  })
})
