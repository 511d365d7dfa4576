import path from 'node:path'
import type { CreatedProcess, JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { waitForConnection } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

/**
 * From a sticky note to an idea on its way: a young person's phone note on Träff 1 is made
 * idea I-1 by the facilitator, described in the seed's template until the criteria are met,
 * moved to "dialogforum" with a public reason, and read on the youth feedback page at 360×740.
 */
const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

async function open(url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await samla.browser.newContext({ viewport })
  watchContext(context, () => samla.server.url, findings)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

const api = async (path: string, token: string, body?: unknown) => {
  const res = await fetch(`${samla.server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  return res.json()
}

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

    const fields: Array<[string, string]> = [
      ['Bakgrund', 'Rasterna är stökiga och många unga mår dåligt av det.'],
      ['Syfte', 'En lugnare skoldag.'],
      ['Mål', 'Ett lugnt rum på varje högstadieskola.'],
      [/Mått för utvärdering/ as unknown as string, 'Elevenkät före och efter.'],
      ['Målgrupp', 'Elever 13–16 år'],
      ['Barnrättsperspektiv', 'Idén kommer från unga själva.'],
      ['Brukarmedverkan', 'Demokratilabbet är med i hela arbetet.'],
      ['Evidens eller beprövad erfarenhet', 'Beprövad erfarenhet från två skolor.'],
      ['Budget och ekonomiska effekter', '120 000 kr'],
      [/Plan för utvärdering/ as unknown as string, 'Följs upp efter en termin.'],
    ]
    for (const [label, text] of fields)
      await organiser.getByLabel(label, { exact: typeof label === 'string' }).fill(text)
    await organiser.getByRole('button', { name: 'Lägg till en aktör' }).click()
    await organiser.getByLabel('Organisation', { exact: true }).fill('Karlskrona kommun')
    await organiser.getByRole('button', { name: 'Spara idébeskrivningen' }).click()
    const criteria = organiser.getByTestId('criteria')
    await criteria
      .getByText('Minst en kommunal och en regional verksamhet måste medverka.')
      .waitFor()
    await organiser.getByRole('button', { name: 'Lägg till en aktör' }).click()
    await organiser.getByLabel('Organisation', { exact: true }).nth(1).fill('Region Blekinge')
    await organiser.getByLabel('Sektor', { exact: true }).nth(1).selectOption('region')
    await organiser.getByRole('button', { name: 'Spara idébeskrivningen' }).click()
    await criteria.getByText('Idébeskrivningen uppfyller kriterierna.').waitFor()

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
  })
})
