import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { useWatchedPages } from './src/pages.ts'
import { pdfText } from './src/pdf.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * The seed year in small, as the people in it would do it: an organiser makes a Kraftsamling
 * with Samling 1, Träff 1 and Samling 2; a young person's phone note on Träff 1 is sent to
 * Samling 1, answered there, and read on the youth feedback page at 360×740; Samling 2 starts
 * with what is still open; the published process record shows all of it.
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage })

/** ISO date `days` from today. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function addToTimeline(
  page: Page,
  kind: 'Kraftsamling' | 'Demokratilabb',
  title: string,
  date: string,
  carry = false,
) {
  const form = page.locator('section', {
    has: page.getByRole('heading', { name: 'Lägg till i tidslinjen' }),
  })
  await form.getByRole('radio', { name: kind, exact: true }).check()
  await form.getByLabel('Samlingens namn').fill(title)
  await form.getByLabel('Datum').fill(date)
  if (carry) await form.getByRole('checkbox', { name: /Från förra samlingen/ }).check()
  await form.getByRole('button', { name: 'Lägg till' }).click()
  await form.getByText(`${title} är tillagd.`).waitFor()
  await page.getByTestId('timeline-entry').filter({ hasText: title }).waitFor()
}

/** The board link of a timeline entry (opened with the process link). */
const boardOf = async (page: Page, title: string) =>
  (await page
    .getByTestId('timeline-entry')
    .filter({ hasText: title })
    .getByRole('link', { name: `Tavlan: ${title}` })
    .getAttribute('href')) ?? ''

/** The parts of tldraw's editor this test reads or drives (it does not import tldraw). */
interface Editor {
  getCurrentPageShapeIds(): Set<string>
  getShape(id: string): { id: string; type: string; parentId: string; props: object } | undefined
  select(...ids: string[]): void
  zoomToFit(): void
  zoomToBounds(bounds: unknown, options?: { inset?: number }): void
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
}

const zoomToFit = (page: Page) =>
  page.evaluate(() => {
    ;(window.__samla?.editor as unknown as Editor | undefined)?.zoomToFit()
  })

/** Selects the notes whose text contains `text`, as a click on them would. */
const selectNotes = (page: Page, text: string) =>
  page.evaluate((text) => {
    const editor = window.__samla?.editor as unknown as Editor | undefined
    if (!editor) throw new Error('no editor')
    const ids = [...editor.getCurrentPageShapeIds()].filter((id) => {
      const shape = editor.getShape(id)
      return shape?.type === 'note' && JSON.stringify(shape.props).includes(text)
    })
    editor.select(...ids)
    return ids.length
  }, text)

describe('a Kraftsamling over months: notes across, answers back, the record', () => {
  it('from the start page to the published process record', async () => {
    // The organiser makes the Kraftsamling on the start page and lands on its page.
    const organiser = await open(samla.server.url)
    await organiser.getByLabel('Namn på kraftsamlingen').fill('Kraftsamling Blekinge')
    await organiser.getByLabel('Beskrivning (valfri)').fill('Ungas psykiska hälsa i skolan')
    await organiser.getByLabel('Arrangörer (valfritt)').fill('Region Blekinge, Karlskrona kommun')
    await organiser.getByRole('button', { name: 'Skapa kraftsamlingen' }).click()
    await organiser.getByRole('heading', { name: 'Kraftsamling Blekinge', level: 1 }).waitFor()
    const processUrl = organiser.url()
    expect(processUrl).toMatch(/\/k\/[A-Za-z0-9_-]{22}#k=[A-Za-z0-9_-]{22}$/)

    await addToTimeline(organiser, 'Demokratilabb', 'Träff 1', inDays(0))
    await addToTimeline(organiser, 'Kraftsamling', 'Samling 1', inDays(1))
    expect(await accessibilityViolations(organiser)).toEqual([])

    // Träff 1: the facilitator opens the board (the process link is a facilitator's there).
    const youthBoard = await open(samla.server.url + (await boardOf(organiser, 'Träff 1')))
    await waitForConnection(youthBoard)
    await youthBoard
      .getByRole('heading', { name: 'Skicka till Kraftsamlingen' })
      .waitFor({ timeout: 20_000 })
    const traffId = await youthBoard.evaluate(() => location.pathname.split('/')[2] ?? '')

    // A young person writes two notes on their phone (the QR code's link).
    const processToken = new URL(processUrl).hash.slice(3)
    const traff = (await (
      await fetch(`${samla.server.url}/api/boards/${traffId}/access`, {
        headers: { authorization: `Bearer ${processToken}` },
      })
    ).json()) as { meetingId: string }
    const joinInfo = (await (
      await fetch(`${samla.server.url}/api/meetings/${traff.meetingId}/join-info`, {
        headers: { authorization: `Bearer ${processToken}` },
      })
    ).json()) as JoinInfo
    const phone = await open(joinInfo.phoneLink, { width: 360, height: 740 })
    for (const text of ['Mer tid med kuratorn', 'Lugna rum på rasterna']) {
      await phone.getByLabel('Din lapp').fill(text)
      await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
      await phone.getByText('Lappen finns nu på tavlan.').waitFor()
    }
    await youthBoard.getByText('Lugna rum på rasterna').first().waitFor({ timeout: 15_000 })

    // Samling 1's facilitator opens its board, so that it is laid out.
    const adultBoard = await open(samla.server.url + (await boardOf(organiser, 'Samling 1')))
    await waitForConnection(adultBoard)
    await adultBoard
      .getByRole('heading', { name: 'Skicka till Demokratilabbet' })
      .waitFor({ timeout: 20_000 })

    // The youth facilitator selects both notes and sends them to the Kraftsamling.
    expect(await selectNotes(youthBoard, 'Mer tid med kuratorn')).toBe(1)
    await youthBoard.getByText('Markerade lappar: 1').waitFor()
    await youthBoard.evaluate(() => {
      const editor = window.__samla?.editor as unknown as Editor | undefined
      if (!editor) return
      editor.select(
        ...[...editor.getCurrentPageShapeIds()].filter(
          (id) => editor.getShape(id)?.type === 'note',
        ),
      )
    })
    const send = youthBoard.locator('section', {
      has: youthBoard.getByRole('heading', { name: 'Skicka till Kraftsamlingen' }),
    })
    await expect(send.getByLabel('Till').inputValue()).resolves.not.toBe('')
    await send.getByLabel('Meddelande (valfritt)').fill('Från Träff 1')
    await send.getByRole('button', { name: 'Skicka' }).click()
    await send.getByText('2 skickade till Samling 1.').waitFor()
    // Sending again says so and sends nothing.
    await send.getByRole('button', { name: 'Skicka' }).click()
    await send.getByText('0 skickade till Samling 1. 2 var redan skickade dit.').waitFor()
    await youthBoard
      .getByTestId('note-thread')
      .filter({ hasText: 'Skickad till Samling 1' })
      .first()
      .waitFor()

    // They arrive in Samling 1's Inkorg, each with where it came from, and no author.
    const received = adultBoard
      .getByTestId('note-thread')
      .filter({ hasText: 'Mer tid' })
      .or(adultBoard.getByTestId('note-thread').filter({ hasText: 'Från Demokratilabb · Träff 1' }))
    await received.first().waitFor({ timeout: 15_000 })
    await expect(adultBoard.getByTestId('note-thread').count()).resolves.toBe(2)
    await zoomToFit(adultBoard)
    await shot(adultBoard, 'process-received-note-1280.png')

    // The facilitator answers the note about the school counsellor.
    const kurator = await adultBoard.evaluate(() => {
      const editor = window.__samla?.editor as unknown as Editor | undefined
      const id = [...(editor?.getCurrentPageShapeIds() ?? [])].find((id) =>
        JSON.stringify(editor?.getShape(id)?.props ?? {}).includes('kuratorn'),
      )
      const b = id ? editor?.getShapePageBounds(id) : undefined
      // The note with room below it for its thread, whole in the viewport.
      if (editor && b) editor.zoomToBounds({ x: b.x - 50, y: b.y - 50, w: b.w + 100, h: b.h + 250 })
      return id ?? ''
    })
    const answer = adultBoard.locator(`[data-shape-id="${kurator}"]`)
    await answer.getByText('”Från Träff 1”').waitFor()
    await answer.getByRole('button', { name: 'Svara' }).click()
    const dialog = adultBoard.getByRole('dialog', { name: 'Svara på lappen' })
    await dialog.getByLabel(/Ert svar/).fill('Vi tar upp det med rektorerna i mars.')
    await shot(adultBoard, 'process-answer-dialog-1280.png')
    await dialog.getByRole('button', { name: 'Skicka svaret' }).click()
    await adultBoard.getByText('Svar: Vi tar upp det med rektorerna i mars.').waitFor()

    // The answer is back on the youth board, beside the note it answers.
    await youthBoard
      .getByText('Svar från Samling 1: Vi tar upp det med rektorerna i mars.')
      .waitFor({ timeout: 15_000 })
    await zoomToFit(youthBoard)
    await shot(youthBoard, 'process-answer-on-youth-board-1280.png')

    // The young people read it on their feedback page, on a phone.
    const feedback = await open(
      `${samla.server.url}/svar/${traff.meetingId}#k=${new URL(joinInfo.phoneLink).hash.slice(3)}`,
      { width: 360, height: 740 },
    )
    await feedback
      .getByRole('heading', { name: 'Det här sa ni – så här svarade Kraftsamlingen' })
      .waitFor()
    const items = feedback.getByTestId('feedback-item')
    await expect(items.count()).resolves.toBe(2)
    await feedback.getByText('Vi tar upp det med rektorerna i mars.').waitFor()
    await feedback.getByText('Inget svar än. Det kommer här när de har svarat.').waitFor()
    expect(await feedback.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(feedback)).toEqual([])
    await shot(feedback, 'process-feedback-360.png', true)

    // Samling 2 starts from where Samling 1 ended: the note not answered yet.
    await addToTimeline(organiser, 'Kraftsamling', 'Samling 2', inDays(30), true)
    const next = await open(samla.server.url + (await boardOf(organiser, 'Samling 2')))
    await waitForConnection(next)
    const carriedNotes = () =>
      next.evaluate(() => {
        const editor = window.__samla?.editor as unknown as Editor | undefined
        const shapes = editor
          ? [...editor.getCurrentPageShapeIds()].map((id) => editor.getShape(id))
          : []
        const frame = shapes.find(
          (s) =>
            s?.type === 'frame' && (s.props as { name: string }).name === 'Från förra samlingen',
        )
        return shapes
          .filter((s) => s?.parentId === frame?.id && s?.type === 'note')
          .map((s) => JSON.stringify(s?.props))
      })
    await expect.poll(carriedNotes, { timeout: 20_000 }).toHaveLength(1)
    expect((await carriedNotes())[0]).toContain('Lugna rum på rasterna')
    await zoomToFit(next)
    await shot(next, 'process-carried-forward-1280.png')

    // The process page shows the timeline and what was sent; then it is published.
    await organiser.reload()
    await organiser.getByTestId('crossing').first().waitFor()
    await expect(organiser.getByTestId('crossing').count()).resolves.toBe(2)
    await organiser.getByRole('button', { name: 'Publicera' }).click()
    const publishedLink = organiser.getByTestId('process-published-link')
    await publishedLink.waitFor()
    expect(await accessibilityViolations(organiser)).toEqual([])
    await shot(organiser, 'process-page-1280.png', true)

    const record = await open((await publishedLink.getAttribute('href')) ?? '')
    await record.getByRole('heading', { name: 'Kraftsamling Blekinge', level: 1 }).waitFor()
    for (const title of ['Träff 1', 'Samling 1', 'Samling 2'])
      await record.getByRole('heading', { name: title, level: 2 }).waitFor()
    await expect(record.getByTestId('record-crossing').count()).resolves.toBe(2)
    await record.getByText('Vi tar upp det med rektorerna i mars.').waitFor()
    expect(await accessibilityViolations(record)).toEqual([])
    await shot(record, 'process-record-1280.png', true)
    // Printed to A4: the record's text, without its buttons.
    const pdf = await pdfText(new Uint8Array(await record.pdf({ format: 'A4' })))
    expect(pdf).toContain('Vi tar upp det med rektorerna i mars.')
    expect(pdf).toContain('Skickat mellan grupperna')
    expect(pdf).not.toContain('Skriv ut eller spara som PDF')
  })
})
