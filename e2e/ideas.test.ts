import fs from 'node:fs'
import path from 'node:path'
import type { CreatedProcess, JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { useWatchedPages } from './src/pages.ts'
import { pdfText } from './src/pdf.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * From a sticky note to an idea on its way: a young person's phone note on Träff 1 is made
 * idea I-1 by the facilitator, described in the seed's template by the organiser and a young
 * person at once (the idea's own link, on a phone) until the criteria are met, downloaded and
 * printed, moved to "dialogforum" with a public reason, and read on the youth feedback page.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

describe('an idea from a youth note', () => {
  it('note → I-1 → idébeskrivning meeting the criteria → dialogforum with a reason → the youth feedback page', async () => {
    const created = (await (
      await fetch(`${samla.server.url}/api/processes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kraftsamling Blekinge' }),
      })
    ).json()) as CreatedProcess
    const token = new URL(created.link).hash.slice(3)
    const { meeting } = (await api(`/api/processes/${created.process.id}/meetings`, token, {
      title: 'Träff 1',
      group: 'demokratilabb',
      date: new Date().toISOString().slice(0, 10),
      format: 'physical',
    })) as { meeting: { id: string; boardId: string } }

    const board = await open(`${samla.server.url}/b/${meeting.boardId}#k=${token}`)
    await waitForConnection(board)
    await board.getByRole('heading', { name: 'Idéer' }).waitFor({ timeout: 20_000 })
    const join = (await api(`/api/meetings/${meeting.id}/join-info`, token)) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })
    await phone.getByLabel('Din lapp').fill('Lugna rum på rasterna')
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await phone.getByText('Lappen finns nu på tavlan.').waitFor()
    // (In the Inkorg, which may lie outside the facilitator's view: read from the editor.)
    await expect
      .poll(
        () =>
          board.evaluate(() =>
            JSON.stringify(
              (
                window.__samla?.editor as unknown as
                  | { store: { allRecords(): unknown[] } }
                  | undefined
              )?.store.allRecords() ?? [],
            ),
          ),
        { timeout: 15_000 },
      )
      .toContain('Lugna rum på rasterna')

    // The facilitator selects the note and makes it an idea; the note gets its badge.
    await board.evaluate(() => {
      const editor = window.__samla?.editor as unknown as {
        getCurrentPageShapeIds(): Set<string>
        getShape(id: string): { type: string } | undefined
        select(...ids: string[]): void
      }
      editor.select(
        ...[...editor.getCurrentPageShapeIds()].filter(
          (id) => editor.getShape(id)?.type === 'note',
        ),
      )
    })
    await board.getByRole('button', { name: 'Gör till idé' }).click()
    await board.getByText('I-1 är skapad: Lugna rum på rasterna').waitFor()
    await board.getByTestId('note-thread').filter({ hasText: 'Idé I-1 · idé' }).waitFor()

    // The ledger on the process page, and the idea's own page.
    const organiser = await open(created.link)
    const row = organiser.getByTestId('idea-row').filter({ hasText: 'I-1' })
    await row.waitFor()
    expect(await row.textContent()).toContain('Demokratilabb · Träff 1')
    expect(await accessibilityViolations(organiser)).toEqual([])
    await organiser.getByRole('heading', { name: 'Idéer', level: 2 }).scrollIntoViewIfNeeded()
    await organiser.screenshot({
      path: path.join(screenshotDir, 'idea-ledger-1280.png'),
      fullPage: true,
    })
    await row.getByRole('link', { name: 'Lugna rum på rasterna' }).click()
    await organiser.getByRole('heading', { name: 'Lugna rum på rasterna', level: 1 }).waitFor()

    // A co-editing link for the young people: the idea and its description, nothing more.
    await organiser.getByRole('button', { name: 'Skapa en länk' }).click()
    const editLink = await organiser.getByLabel('Länk för att skriva tillsammans').inputValue()
    expect(editLink).toContain('#r=')
    const youth = await open(editLink, { width: 360, height: 740 })
    await youth.getByRole('heading', { name: 'Lugna rum på rasterna', level: 1 }).waitFor()
    expect(await youth.getByRole('button', { name: 'Ändra status' }).count()).toBe(0)
    expect(await youth.getByRole('link', { name: 'Tillbaka till kraftsamlingen' }).count()).toBe(0)
    for (const page of [organiser, youth])
      await page.getByText('Sparas medan ni skriver.').waitFor()

    // Both write at once: half the fields each, and both in "Syfte".
    const fields: Array<[string | RegExp, string, Page]> = [
      ['Bakgrund', 'Rasterna är stökiga och många unga mår dåligt av det.', youth],
      ['Mål', 'Ett lugnt rum på varje högstadieskola.', organiser],
      [/Mått för utvärdering/, 'Elevenkät före och efter.', organiser],
      ['Målgrupp', 'Elever 13–16 år', youth],
      ['Barnrättsperspektiv', 'Idén kommer från unga själva.', youth],
      ['Brukarmedverkan', 'Demokratilabbet är med i hela arbetet.', youth],
      ['Evidens eller beprövad erfarenhet', 'Beprövad erfarenhet från två skolor.', organiser],
      ['Budget och ekonomiska effekter', '120 000 kr', organiser],
      [/Plan för utvärdering/, 'Följs upp efter en termin.', organiser],
    ]
    const field = (page: Page, label: string | RegExp) =>
      page.getByLabel(label, { exact: typeof label === 'string' })
    await Promise.all([
      field(organiser, 'Syfte').pressSequentially('En lugnare skoldag.'),
      field(youth, 'Syfte').pressSequentially('Unga vill vila.'),
    ])
    await Promise.all(
      [organiser, youth].map(async (page) => {
        for (const [label, text, writer] of fields)
          if (writer === page) await field(page, label).fill(text)
      }),
    )
    // Each sees the other's words, and "Syfte" holds both.
    for (const [label, text] of fields) {
      await expect.poll(() => field(organiser, label).inputValue()).toBe(text)
      await expect.poll(() => field(youth, label).inputValue()).toBe(text)
    }
    await expect
      .poll(() => field(youth, 'Syfte').inputValue())
      .toBe(await field(organiser, 'Syfte').inputValue())
    const syfte = await field(youth, 'Syfte').inputValue()
    // Each one's words whole: the caret followed what the other typed before it.
    expect(syfte).toContain('En lugnare skoldag.')
    expect(syfte).toContain('Unga vill vila.')
    expect(syfte.length).toBe('En lugnare skoldag.'.length + 'Unga vill vila.'.length)

    await youth.getByRole('button', { name: 'Lägg till en aktör' }).click()
    await youth.getByLabel('Organisation 1', { exact: true }).fill('Karlskrona kommun')
    const criteria = organiser.getByTestId('criteria')
    await criteria
      .getByText('Minst en kommunal och en regional verksamhet måste medverka.')
      .waitFor()
    await expect
      .poll(() => organiser.getByLabel('Organisation 1').inputValue())
      .toBe('Karlskrona kommun')
    await organiser.getByRole('button', { name: 'Lägg till en aktör' }).click()
    await organiser.getByLabel('Organisation 2', { exact: true }).fill('Region Blekinge')
    await organiser.getByLabel('Sektor', { exact: true }).nth(1).selectOption('region')
    await criteria.getByText('Idébeskrivningen uppfyller kriterierna.').waitFor()
    await youth
      .getByTestId('criteria')
      .getByText('Idébeskrivningen uppfyller kriterierna.')
      .waitFor()
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(youth)).toEqual([])
    await youth.screenshot({
      path: path.join(screenshotDir, 'idea-coedit-360.png'),
      fullPage: true,
    })

    // The description to send in: a Markdown download, and the page printed to A4.
    const [download] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Ladda ner (Markdown)' }).click(),
    ])
    const markdown = await fs.promises.readFile(await download.path(), 'utf8')
    expect(download.suggestedFilename()).toBe('i-1-lugna-rum-pa-rasterna.md')
    expect(markdown).toContain(
      '## Medverkande aktörer\n\n- Karlskrona kommun (kommun)\n- Region Blekinge (region)',
    )
    expect(markdown).toContain('Idébeskrivningen uppfyller kriterierna')
    const printed = await organiser.pdf({ format: 'A4' })
    await fs.promises.writeFile(path.join(screenshotDir, 'idea-description.pdf'), printed)
    const pdf = await pdfText(new Uint8Array(printed))
    for (const heading of ['Bakgrund', 'Syfte', 'Medverkande aktörer', 'Plan för utvärdering'])
      expect(pdf).toContain(heading)
    expect(pdf).toContain('Rasterna är stökiga')
    expect(pdf).not.toContain('Skapa en ny länk')

    await organiser.getByLabel('Ny status').selectOption('dialogforum')
    await organiser.getByLabel(/Offentlig motivering/).fill('Tas upp på kvalitetscaféet i mars.')
    await organiser.getByRole('button', { name: 'Ändra status' }).click()
    await organiser.getByText('Nu: dialogforum').waitFor()
    expect(await accessibilityViolations(organiser)).toEqual([])
    await organiser.screenshot({
      path: path.join(screenshotDir, 'idea-page-1280.png'),
      fullPage: true,
    })
    await board.getByTestId('note-thread').filter({ hasText: 'Idé I-1 · dialogforum' }).waitFor()

    // The young people read where their idea is, and why.
    const feedback = await open(
      `${samla.server.url}/svar/${meeting.id}#k=${new URL(join.phoneLink).hash.slice(3)}`,
      { width: 360, height: 740 },
    )
    const idea = feedback.getByTestId('feedback-idea')
    await idea.getByText('Er idé I-1 är nu i dialogforum').waitFor()
    await idea.getByText('Tas upp på kvalitetscaféet i mars.').waitFor()
    expect(await feedback.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(feedback)).toEqual([])
    await feedback.screenshot({
      path: path.join(screenshotDir, 'idea-feedback-360.png'),
      fullPage: true,
    })

    // Verkstad 3: a Handslag on I-1, made with the process link; two organisations confirm
    // from their own links, one on a phone.
    const base = `/api/processes/${created.process.id}`
    const { id: ideaId } = (
      (await api(`${base}/ideas`, token)) as Array<{ id: string; number: number }>
    ).find((i) => i.number === 1) as { id: string }
    const made = (await api(`${base}/handslag`, token, {
      title: 'Handslag Lugna rum',
      initiatives: [{ ideaId, text: 'Lugna rum på rasterna' }],
    })) as { id: string }
    const links: string[] = []
    for (const [name, text] of [
      ['Karlskrona kommun', 'Ett lugnt rum på varje högstadieskola'],
      ['Region Blekinge', 'Skolkuratorer i rummen två dagar i veckan'],
    ])
      links.push(
        (
          (await api(`${base}/handslag/${made.id}/organisations`, token, {
            name,
            commitments: [{ text, due: '2027-06-01' }],
          })) as { confirmationLink: { link: string } }
        ).confirmationLink.link,
      )
    for (const [link, who, viewport] of [
      [links[0], 'Karin Ek', { width: 1280, height: 800 }],
      [links[1], 'Anna Berg', { width: 360, height: 740 }],
    ] as const) {
      const confirm = await open(link ?? '', viewport)
      await confirm.getByLabel('Ditt namn').fill(who)
      await confirm.getByLabel('Din roll').fill('Förvaltningschef')
      await confirm.getByRole('button', { name: 'Bekräfta handslaget' }).click()
      await confirm.getByText('har bekräftat handslaget.', { exact: false }).waitFor()
    }

    // The published record: the idea, its status history with the reason, the signed Handslag.
    const { link: published } = (await (
      await fetch(`${samla.server.url}${base}/publication`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { link: string }
    const record = await open(published)
    await record.getByRole('heading', { name: 'Kraftsamling Blekinge', level: 1 }).waitFor()
    await record.getByText('Tas upp på kvalitetscaféet i mars.').waitFor()
    await record.getByText('Handslag Lugna rum').first().waitFor()
    expect(await accessibilityViolations(record)).toEqual([])
    const recordPdf = await pdfText(new Uint8Array(await record.pdf({ format: 'A4' })))
    for (const expected of [
      'I-1 Lugna rum på rasterna',
      'Tas upp på kvalitetscaféet i mars.',
      'Handslag Lugna rum',
      'Undertecknat',
      'Karin Ek',
      'Anna Berg',
    ])
      expect(recordPdf).toContain(expected)
  })
})
