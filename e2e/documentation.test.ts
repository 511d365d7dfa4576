import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { longBoard } from '../server/test/fixtures/longBoard.ts'
import { addedNoteUpdate, seededBoardUpdate } from '../server/test/fixtures/seededBoard.ts'
import { writeBoard } from '../server/test/writeBoard.ts'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { pdfPages, pdfText } from './src/pdf.ts'
import { waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, type WatchOptions, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

async function open(
  url: string,
  viewport = { width: 1280, height: 900 },
  options?: WatchOptions,
): Promise<Page> {
  const context = await samla.browser.newContext({ viewport, acceptDownloads: true })
  watchContext(context, () => samla.server.url, findings, options)
  const page = await context.newPage()
  // An executed payload would open a dialog; none may.
  page.on('dialog', (dialog) => {
    findings.consoleErrors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.goto(url)
  return page
}

describe('the documentation of a meeting in a real browser', () => {
  it('shows every note under its question, publishes a public link, and prints to a PDF with the notes', async () => {
    const { meeting, facilitatorToken: token } = await createMeeting(samla.server.url, {
      title: 'Möte 8 – utblick',
      group: 'kraftsamling',
      date: '2026-10-20',
      format: 'hybrid',
    })
    await writeBoard(samla.server.url, meeting.boardId, token, seededBoardUpdate())
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${samla.server.url}/api/meetings/${meeting.id}${p}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      })
    // The end of the meeting, taken through the API: no picture yet. The facilitator's
    // documentation page draws each phase with tldraw and uploads it.
    expect(
      (
        await api('/snapshots', {
          method: 'POST',
          body: JSON.stringify({ label: 'Efter gruppdiskussion', reason: 'end' }),
        })
      ).status,
    ).toBe(201)

    const page = await open(`${samla.server.url}/docs/${meeting.id}#k=${token}`)
    await page.getByRole('heading', { level: 1, name: 'Möte 8 – utblick' }).waitFor()
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(['Öppna upp', 'Lära', 'Ögonblicksbilder']),
    )
    const question = page.getByRole('heading', {
      level: 3,
      name: 'Vad kan du göra i din verksamhet?',
    })
    await question.waitFor()
    // The question's answers are the list right after its heading, in reading order.
    const answers = page.locator('h3:has-text("Vad kan du göra i din verksamhet?") + ul > li')
    expect(await answers.count()).toBe(3)
    await expect
      .poll(() => answers.first().textContent())
      .toContain('Bidra med en helhetssyn på barnet')
    expect(await answers.first().textContent()).toContain('4 röster')
    // Pasted markup stays text: shown as typed, never run. (In the record itself: the
    // off-screen canvas that draws the phases' pictures, hidden from everyone, holds it too.)
    const record = page.getByRole('article')
    const lara = record.getByRole('region', { name: 'Lära' })
    await lara.getByText('<script>alert(1)</script> & **fetstil**').waitFor()
    await lara.getByText('av Charlotte').waitFor()
    // The seeded board's controls revealed a round on Lära that nobody voted in through the
    // server: it is documented with every note of the phase, as text, and no votes.
    const rounds = record.getByRole('region', { name: 'Röstningar' })
    await rounds.getByText('<script>alert(1)</script> & **fetstil**').waitFor()
    expect(await rounds.getByText('0 röstande').count()).toBe(1)
    const picture = page.getByRole('img', { name: 'Bild av tavlan i fasen Lära' })
    await picture.waitFor({ timeout: 30_000 })
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(400)
    await page.getByRole('img', { name: 'Bild av tavlan i fasen Öppna upp' }).waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
    await page.screenshot({
      path: path.join(screenshotDir, 'documentation-1280.png'),
      fullPage: true,
    })

    // A download is the server's file, named after the meeting.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner: CSV (kalkylark)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('mote-8-utblick-2026-10-20.csv')
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8')
    expect(csv).toContain(`'=HYPERLINK`)

    // Publish, read it without any token, then withdraw it.
    await page.getByRole('button', { name: 'Publicera en läslänk' }).click()
    const publicLink = page.locator('.docs__url a')
    await publicLink.waitFor()
    const publicUrl = (await publicLink.getAttribute('href')) ?? ''
    expect(publicUrl).toMatch(new RegExp(`^${samla.server.url}/d/`))
    // After the link is withdrawn, its page looks it up and gets the 404 it reports.
    const reader = await open(
      publicUrl,
      { width: 360, height: 740 },
      {
        expectedConsoleErrors: [/status of 404/],
      },
    )
    await reader
      .getByRole('region', { name: 'Lära' })
      .getByText('Länka till rapporterna internt.')
      .waitFor()
    expect(await reader.getByRole('button', { name: 'Publicera en läslänk' }).count()).toBe(0)
    expect(await reader.getByRole('heading', { name: 'Ögonblicksbilder' }).count()).toBe(0)
    await reader.screenshot({
      path: path.join(screenshotDir, 'documentation-published-360.png'),
      fullPage: true,
    })

    // Chromium's print to PDF carries the notes' text (the print stylesheet hides the buttons).
    const pdf = await reader.pdf({ format: 'A4' })
    const text = await pdfText(new Uint8Array(pdf))
    expect(text).toContain('Vad kan du göra redan i morgon?')
    expect(text).toContain('Länka till rapporterna internt.')
    expect(text).not.toContain('Skriv ut eller spara som PDF')

    // The snapshot, read-only on the canvas, beside what changed on the live board since.
    await writeBoard(
      samla.server.url,
      meeting.boardId,
      token,
      addedNoteUpdate('shape:later', 'Skrivet efteråt'),
    )
    await page.getByRole('link', { name: 'Visa på tavlan' }).click()
    await page.getByRole('heading', { level: 3, name: 'Nya lappar (1)' }).waitFor()
    await page.getByText('Skrivet efteråt').waitFor()
    await page.locator('.tl-canvas').waitFor()
    expect(
      await page.evaluate(() => {
        const editor = window.__samla?.editor
        const lara = editor?.getPages().find((p) => p.name === 'Lära')
        if (!editor || !lara) return null
        return {
          readonly: editor.getIsReadonly(),
          notes: [...editor.getPageShapeIds(lara.id)].filter(
            (id) => editor.getShape(id)?.type === 'note',
          ).length,
        }
      }),
    ).toEqual({ readonly: true, notes: 6 })
    expect(await accessibilityViolations(page, '.viewer__side')).toEqual([])
    await page.screenshot({ path: path.join(screenshotDir, 'snapshot-viewer-1280.png') })
    await page.getByRole('link', { name: 'Tillbaka till dokumentationen' }).click()

    await page.getByRole('button', { name: 'Ta tillbaka läslänken' }).click()
    await page.getByRole('button', { name: 'Publicera en läslänk' }).waitFor()
    await reader.reload()
    await reader.getByRole('heading', { name: 'Dokumentationen finns inte här' }).waitFor()
  })

  it('shows every voting round a facilitator ran, on two phases, with the votes of each note', async () => {
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Samling 3 – två röstningar',
      group: 'kraftsamling',
      date: '2026-03-13',
      format: 'digital',
    })
    const facilitator = await open(links.facilitator, { width: 1280, height: 800 })
    await waitForConnection(facilitator)
    // The facilitator's first visit lays out the phases; the participant comes after.
    await expect
      .poll(() => facilitator.evaluate(() => window.__samla?.editor.getPages().length), {
        timeout: 15_000,
      })
      .toBe(4)
    const participant = await open(links.participant, { width: 1280, height: 800 })
    await waitForConnection(participant)
    const phaseOf = (page: Page) =>
      page.evaluate(() => window.__samla?.editor.getCurrentPage().name)
    await expect.poll(() => phaseOf(participant), { timeout: 15_000 }).toBe('Öppna upp')
    const vote = async (text: string, mine: number) => {
      await participant.getByRole('button', { name: `Rösta (${text})` }).click()
      await participant
        .locator('.facilitation-vote', { hasText: text })
        .getByText(`Dina röster: ${mine}`)
        .waitFor()
    }
    const tallied = (text: string, n: number) =>
      facilitator
        .locator('[data-testid="tally"] li', { hasText: text })
        .filter({ hasText: n === 1 ? '1 röst' : `${n} röster` })
        .waitFor({ timeout: 10_000 })

    // Round 1 on Öppna upp, three dots each: revealed, then ended.
    await writeNote(participant, { x: 300, y: 350 }, 'Fler vuxna på rasterna')
    await writeNote(participant, { x: 700, y: 350 }, 'Längre lunch')
    await facilitator.getByRole('button', { name: 'Starta röstning i Öppna upp' }).click()
    await vote('Fler vuxna på rasterna', 1)
    await vote('Fler vuxna på rasterna', 2)
    await vote('Längre lunch', 1)
    await tallied('Fler vuxna på rasterna', 2)
    await tallied('Längre lunch', 1)
    await facilitator.getByRole('button', { name: 'Visa resultatet för alla' }).click()
    await participant.getByText('Så här röstade alla.').waitFor()
    await facilitator.getByRole('button', { name: 'Avsluta', exact: true }).click()

    // Round 2 on Testa, one dot each: ended while it still runs, never revealed.
    await facilitator.getByRole('button', { name: 'Gå hit med alla (Testa)' }).click()
    await expect.poll(() => phaseOf(participant), { timeout: 5_000 }).toBe('Testa')
    await writeNote(participant, { x: 300, y: 350 }, 'Läxhjälp')
    await facilitator.getByLabel('Röster per person').fill('1')
    await facilitator.getByRole('button', { name: 'Starta röstning i Testa' }).click()
    await vote('Läxhjälp', 1)
    await tallied('Läxhjälp', 1)
    await facilitator.getByRole('button', { name: 'Avsluta', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Starta röstning i Testa' }).waitFor()

    // The documentation lists both rounds, though the controls hold neither any more.
    const docs = await open(`${samla.server.url}/docs/${meeting.id}#k=${facilitatorToken}`)
    await docs.getByRole('heading', { level: 2, name: 'Röstningar' }).waitFor()
    const round = (name: string) => ({
      heading: docs.getByRole('heading', { level: 3, name }),
      facts: docs.locator(`h3:has-text("${name}") + p`),
      notes: docs.getByRole('list', { name }).getByRole('listitem'),
    })
    const first = round('Röstning 1: Öppna upp')
    const second = round('Röstning 2: Testa')
    await first.heading.waitFor()
    await second.heading.waitFor()
    expect(await first.facts.textContent()).toMatch(
      / · 3 röster per person · 1 röstande · resultatet visat för alla$/,
    )
    expect(await first.notes.allTextContents()).toEqual([
      'Fler vuxna på rasterna2 röster',
      'Längre lunch1 röst',
    ])
    expect(await second.facts.textContent()).toMatch(
      / · 1 röst per person · 1 röstande · resultatet visades inte för deltagarna$/,
    )
    expect(await second.notes.allTextContents()).toEqual(['Läxhjälp1 röst'])
    expect(await accessibilityViolations(docs)).toEqual([])
    await docs.screenshot({ path: '/tmp/rounds-docs.png', fullPage: true })
    await docs.screenshot({
      path: path.join(screenshotDir, 'documentation-rounds-1280.png'),
      fullPage: true,
    })

    // The Markdown download says the same.
    const md = await (
      await fetch(`${samla.server.url}/api/meetings/${meeting.id}/export/md`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
    ).text()
    expect(md).toContain('### Röstning 1: Öppna upp')
    expect(md).toContain('- Fler vuxna på rasterna *(2 röster)*\n- Längre lunch *(1 röst)*')
    expect(md).toContain('### Röstning 2: Testa')
  })

  it('documents a note written on the canvas with who wrote it and when, the Inkorg after the questions', async () => {
    const {
      meeting,
      links,
      facilitatorToken: token,
    } = await createMeeting(samla.server.url, {
      title: 'Samling 4 – på tavlan',
      group: 'kraftsamling',
      date: '2026-12-01',
      format: 'hybrid',
    })
    // The facilitator's first visit lays out the phases from the templates.
    const facilitator = await open(links.facilitator, { width: 1280, height: 800 })
    await waitForConnection(facilitator)
    await expect
      .poll(() => facilitator.evaluate(() => window.__samla?.editor.getPages().length))
      .toBe(4)
    const participant = await open(links.participant, { width: 1280, height: 800 })
    await waitForConnection(participant)
    await participant.evaluate(() =>
      window.__samla?.editor.user.updateUserPreferences({ name: 'Elin Testsson' }),
    )
    const minute = (at: number) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(at)
    // In the first question's frame (the templates put it at 0,0, 1200 × 420).
    const inQuestion = await participant.evaluate(() => {
      const canvas = document.querySelector('.tl-canvas')?.getBoundingClientRect()
      const at = window.__samla?.editor.pageToScreen({ x: 300, y: 250 })
      return at && canvas ? { x: at.x - canvas.x, y: at.y - canvas.y } : null
    })
    if (!inQuestion) throw new Error('no canvas')
    const before = minute(Date.now())
    await writeNote(participant, inQuestion, 'Skrivet på tavlan')
    const api = (p: string) =>
      fetch(`${samla.server.url}/api/meetings/${meeting.id}${p}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    const csvRow = async () =>
      (await (await api('/export/csv')).text())
        .split('\r\n')
        .find((row) => row.includes('Skrivet på tavlan'))
    await expect.poll(csvRow, { timeout: 10_000 }).toBeTruthy()
    const after = minute(Date.now())
    // The exports name the author and the time, in the deployment's zone (Stockholm here).
    const row = (await csvRow()) ?? ''
    expect(row).toMatch(
      /^Öppna upp,Vad ser vi\?,Skrivet på tavlan,yellow,,Elin Testsson,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    )
    const written = row.slice(-'2026-12-01 10:00:00'.length, -':00'.length)
    expect([before, after]).toContain(written)

    const page = await open(`${samla.server.url}/docs/${meeting.id}#k=${token}`)
    const phase = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Öppna upp' }),
    })
    await phase.getByText('Skrivet på tavlan').waitFor()
    await phase.getByText('av Elin Testsson').waitFor()
    // The questions first, then what came in (the Inkorg stands beside the first question).
    expect(await phase.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Vad ser vi?',
      'Vad ligger under ytan?',
      'Inkorg',
    ])
    await phase.screenshot({ path: path.join(screenshotDir, 'documentation-canvas-note.png') })
  })

  it('prints no heading alone at the foot of a page, on the page and from the HTML export', async () => {
    const { meeting, facilitatorToken: token } = await createMeeting(samla.server.url, {
      title: 'Samling 5 – lång dokumentation',
      group: 'kraftsamling',
      date: '2026-12-01',
      format: 'hybrid',
    })
    const long = longBoard()
    await writeBoard(samla.server.url, meeting.boardId, token, long.update)
    const page = await open(`${samla.server.url}/docs/${meeting.id}#k=${token}`)
    await page.getByRole('heading', { level: 3, name: long.lastQuestion }).waitFor()
    const fromPage = await pdfPages(
      new Uint8Array(
        await page.pdf({ format: 'A4', path: path.join(screenshotDir, 'documentation-long.pdf') }),
      ),
    )

    const exported = await fetch(`${samla.server.url}/api/meetings/${meeting.id}/export/html`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(exported.status).toBe(200)
    const file = await page.context().newPage()
    await file.setContent(await exported.text())
    const fromExport = await pdfPages(
      new Uint8Array(
        await file.pdf({ format: 'A4', path: path.join(screenshotDir, 'export-long.pdf') }),
      ),
    )

    for (const [name, pages] of [
      ['page', fromPage],
      ['export', fromExport],
    ] as const) {
      expect(pages.length, name).toBeGreaterThan(3)
      const lastLines = pages.slice(0, -1).map((lines) => lines.at(-1) ?? '')
      // A heading is a phase ("Fas 2") or a question ("Fråga 2.3 …"); notes say "Lapp".
      expect(
        lastLines.filter((line) => /^(Fas \d|Fråga \d)/.test(line)),
        `${name}: pages ending in a heading`,
      ).toEqual([])
    }
  })
})
