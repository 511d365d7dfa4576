import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { seededBoardUpdate } from '../server/test/fixtures/seededBoard.ts'
import { writeBoard } from '../server/test/writeBoard.ts'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { pdfText } from './src/pdf.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * The meeting record as the organisers publish it (seed 002): participants say where they come
 * from when they join, on the board and on a phone; the facilitator sees who is there, writes
 * the introduction, the Spaning för dagen and the links on the documentation page, publishes,
 * and the published page (at 360 px) and its PDF carry them.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)
const shot = (name: string) => path.join(screenshotDir, name)

describe('the meeting record', () => {
  it('who took part, the Spaning and a link: written, published, read on a phone and in the PDF', async () => {
    const created = await createMeeting(samla.server.url, {
      title: 'Möte 8: Utblick från nationell satsning',
      group: 'kraftsamling',
      date: '2026-10-20',
      format: 'hybrid',
    })
    const { meeting, links, facilitatorToken } = created
    // The board of seed 002's meeting: its two reflection questions with their answers.
    await writeBoard(samla.server.url, meeting.boardId, facilitatorToken, seededBoardUpdate())

    // A remote participant on the board: a banner asks, a dialog takes the answer.
    const participant = await open(links.participant)
    await waitForConnection(participant)
    const banner = participant.getByRole('region', { name: 'Välkommen!' })
    await banner.waitFor({ timeout: 20_000 })
    await participant.screenshot({ path: shot('attendance-banner-1280.png') })
    await banner.getByRole('button', { name: 'Svara' }).click()
    const dialog = participant.getByRole('dialog', { name: 'Välkommen!' })
    await dialog.getByLabel('Ditt namn på tavlan (frivilligt)').fill('Eva')
    await dialog.getByLabel('Organisation (frivilligt)').fill('Region Blekinge')
    await dialog.getByLabel('Sektor (frivilligt)').selectOption('region')
    await participant.screenshot({ path: shot('attendance-dialog-1280.png') })
    await dialog.getByRole('button', { name: 'Klar' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await participant.evaluate(() => window.__samla?.editor.user.getName())).toBe('Eva')

    // A phone in the room: the same question as a card, with the board's answer suggested.
    const join = (await api(`/api/meetings/${meeting.id}/join-info`, facilitatorToken)) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })
    const organisation = phone.getByLabel('Organisation (frivilligt)')
    await organisation.waitFor()
    await expect
      .poll(() =>
        phone.locator('datalist option').evaluateAll((o) => o.map((e) => e.getAttribute('value'))),
      )
      .toEqual(['Region Blekinge'])
    await organisation.fill('Karlskrona kommun')
    await phone.getByLabel('Sektor (frivilligt)').selectOption('kommun')
    expect(await accessibilityViolations(phone)).toEqual([])
    await phone.screenshot({ path: shot('attendance-phone-360.png'), fullPage: true })
    await phone.getByRole('button', { name: 'Klar' }).click()
    await phone.getByText('Du deltar från Karlskrona kommun.').waitFor()
    // The note form is still the phone's main task, right below.
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).waitFor()

    // The facilitator sees who is there, live (the phone is on the board too).
    const board = await open(links.facilitator)
    await waitForConnection(board)
    const section = board.getByRole('region', { name: 'Deltagare' })
    await expect
      .poll(() => section.getByTestId('attendance-counts').textContent(), { timeout: 15_000 })
      .toBe('På tavlan nu: 2 · anmälda: 2')
    await section.getByText('Region Blekinge').waitFor()
    await section.getByText('Sektorer: kommun 1, region 1').waitFor()
    await section.screenshot({ path: shot('attendance-panel-1280.png') })

    // The documentation page: the organisers' words, written in place, saved as typed.
    const docs = await open(`${samla.server.url}/docs/${meeting.id}#k=${facilitatorToken}`)
    await docs
      .getByText('Ca 2 personer från Karlskrona kommun och Region Blekinge deltog.')
      .first()
      .waitFor()
    await docs
      .getByLabel('Inledning')
      .fill(
        'Vi genomförde det åttonde mötet i kraftsamlingen den 20 oktober. Sammanfattning från mötet och länkar hittar du nedan.',
      )
    const spaning = docs.getByRole('group', { name: 'Spaning för dagen' })
    await spaning
      .getByLabel('Vem talade (namn och roll)')
      .fill('Charlotte Nylander, barnhälsovårdsöverläkare i Region Sörmland')
    await spaning.getByLabel('Rubrik').fill('Kraftsamling för ungas psykiska hälsa')
    await spaning
      .getByLabel('Vad det handlade om')
      .fill('Svenska läkarsällskapet har tagit initiativet och samlat rekommendationer.')
    const linksEditor = docs.getByRole('group', { name: 'Tips på rapporter, material, initiativ' })
    await linksEditor.getByRole('button', { name: 'Lägg till en länk' }).click()
    await linksEditor.getByLabel('Titel').fill('Samverkanswebben')
    await linksEditor
      .getByLabel('Adress (https:// eller mailto:)')
      .fill('https://samverkan.regionsormland.se/osbr/')
    await docs.getByRole('status').filter({ hasText: 'Sparat' }).waitFor()

    // A javascript: address is refused on the page, and nothing is sent meanwhile.
    await linksEditor.getByRole('button', { name: 'Lägg till en länk' }).click()
    await linksEditor
      .getByLabel('Adress (https:// eller mailto:)')
      .nth(1)
      .fill('javascript:alert(1)')
    await linksEditor
      .getByRole('alert')
      .filter({ hasText: 'Bara adresser som börjar med' })
      .waitFor()
    await docs
      .getByRole('status')
      .filter({ hasText: 'Inte sparat: rätta länkens adress.' })
      .waitFor()
    const stored = (await api(`/api/meetings/${meeting.id}/record-texts`, facilitatorToken)) as {
      draft: { links: Array<{ url: string }> }
    }
    expect(stored.draft.links.map((l) => l.url)).toEqual([
      'https://samverkan.regionsormland.se/osbr/',
    ])
    await linksEditor.getByRole('button', { name: 'Ta bort länk 2' }).click()
    await docs.getByRole('status').filter({ hasText: 'Sparat' }).waitFor()
    expect(await accessibilityViolations(docs)).toEqual([])
    await docs.screenshot({ path: shot('record-editor-1280.png'), fullPage: true })

    await docs.getByRole('button', { name: 'Publicera en läslänk' }).click()
    const publicLink = docs.locator('.docs__url a')
    await publicLink.waitFor()
    const publicUrl = (await publicLink.getAttribute('href')) ?? ''

    // The published page on a phone, in the seed's order.
    const reader = await open(publicUrl, { width: 360, height: 740 })
    await reader.getByRole('heading', { name: 'Spaning för dagen' }).waitFor()
    // (The actions' own heading, for screen readers, sits between the title and the record.)
    const headings = (await reader.getByRole('heading').allTextContents()).filter(
      (h) => h !== 'Dela och ladda ner',
    )
    expect(headings.slice(0, 3)).toEqual([
      'Möte 8: Utblick från nationell satsning',
      'Spaning för dagen',
      'Kraftsamling för ungas psykiska hälsa',
    ])
    expect(headings.at(-1)).toBe('Tips på rapporter, material, initiativ')
    await reader
      .getByText('Ca 2 personer från Karlskrona kommun och Region Blekinge deltog.')
      .waitFor()
    const link = reader.getByRole('link', { name: 'Samverkanswebben' })
    expect(await link.getAttribute('href')).toBe('https://samverkan.regionsormland.se/osbr/')
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await reader.getByLabel('Inledning').count()).toBe(0)
    expect(
      await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true)
    expect(await accessibilityViolations(reader)).toEqual([])
    await reader.screenshot({ path: shot('record-published-360.png'), fullPage: true })

    // Written on after publishing: the public page keeps what was published.
    await docs.getByLabel('Inledning').fill('Ett utkast som inte är publicerat.')
    await docs.getByText('Du har ändrat sedan du publicerade.', { exact: false }).waitFor()
    await reader.reload()
    await reader.getByRole('heading', { name: 'Spaning för dagen' }).waitFor()
    expect(await reader.getByText('Ett utkast som inte är publicerat.').count()).toBe(0)

    const text = await pdfText(new Uint8Array(await reader.pdf({ format: 'A4' })))
    for (const part of [
      'Vi genomförde det åttonde mötet',
      'Ca 2 personer från Karlskrona kommun och Region Blekinge deltog.',
      'Spaning för dagen',
      'Charlotte Nylander, barnhälsovårdsöverläkare i Region Sörmland',
      'Tips på rapporter, material, initiativ',
      'https://samverkan.regionsormland.se/osbr/',
    ])
      expect(text).toContain(part)
    await reader.pdf({ format: 'A4', path: shot('record-published.pdf') })
  })
})
