import path from 'node:path'
import type { CreatedMeeting, CreatedProcess, JoinInfo } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * Blå listan as the people in the process use it: Samling 1's facilitator puts a note the
 * process cannot meet itself on Blå listan from the board; on the process page the organiser
 * names to whom it is raised and moves it to "lyft" with a public comment, adds and removes
 * another need; the published process record shows it.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

const NEED = 'Skolkurator på varje skola – det har kommunen inte råd med själv'

describe('Blå listan', () => {
  it('a note on the board → B-1 → raised to someone with a comment → the published record', async () => {
    const created = (await (
      await fetch(`${samla.server.url}/api/processes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kraftsamling Blekinge' }),
      })
    ).json()) as CreatedProcess
    const token = new URL(created.link).hash.slice(3)
    const samling = (await api(`/api/processes/${created.process.id}/meetings`, token, {
      title: 'Samling 1',
      group: 'kraftsamling',
      date: new Date().toISOString().slice(0, 10),
      format: 'physical',
    })) as CreatedMeeting

    // The meeting's own facilitator link, not the process link, opens the board.
    const board = await open(samling.links.facilitator)
    await waitForConnection(board)
    await board.getByRole('heading', { name: 'Blå listan' }).waitFor({ timeout: 20_000 })
    const facilitatorToken = new URL(samling.links.facilitator).hash.slice(3)
    const join = (await api(
      `/api/meetings/${samling.meeting.id}/join-info`,
      facilitatorToken,
    )) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })
    await phone.getByLabel('Din lapp').fill(NEED)
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
      .toContain('Skolkurator på varje skola')

    const toBlueList = board.getByRole('button', { name: 'Till Blå listan' })
    expect(await toBlueList.isDisabled()).toBe(true)
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
    await toBlueList.click()
    await board.getByText(`B-1 är på Blå listan: ${NEED}`).waitFor()
    await board.screenshot({ path: path.join(screenshotDir, 'blue-list-board-1280.png') })

    // The process page: B-1 with its source; raised to the region's presidium, with a comment.
    const organiser = await open(created.link)
    const list = organiser.getByTestId('blue-list')
    const item = list.getByTestId('blue-item').filter({ hasText: 'B-1' })
    await item.waitFor()
    expect(await item.textContent()).toContain('En lapp i Samling 1')
    expect(await item.textContent()).toContain('ingen än')
    await item.getByText('Ändra B-1').click()
    await item.getByLabel('Lyfts till').fill('Regionens presidium')
    await item.getByRole('button', { name: 'Spara' }).click()
    await item.getByText('Sparat.').waitFor()
    await item.getByLabel('Ny status').selectOption('lyft')
    await item
      .getByLabel('Offentlig kommentar (valfri)')
      .fill('Lyft på presidiets möte den 3 mars.')
    await item.getByRole('button', { name: 'Ändra status' }).click()
    await item.getByText('Statusen är nu lyft.').waitFor()
    const facts = item.locator('.blue-item__facts')
    await facts.getByText('Regionens presidium').waitFor()
    await facts.getByText('Lyft på presidiets möte den 3 mars.').waitFor()
    expect(await item.getByRole('heading', { level: 3 }).textContent()).toBe('B-1 lyft')

    // Another need from the form, with a meeting of the process as its source, then removed.
    const add = list.locator('form', {
      has: organiser.getByRole('heading', { name: 'Lägg till ett behov' }),
    })
    await add.getByLabel('Behov').fill('Lokaler för ungdomsverksamhet på kvällar')
    await add.getByLabel('Kom från').selectOption({ label: `Samling 1 (${samling.meeting.date})` })
    await add.getByRole('button', { name: 'Lägg till på Blå listan' }).click()
    await add.getByText('B-2 är på Blå listan.').waitFor()
    const second = list.getByTestId('blue-item').filter({ hasText: 'B-2' })
    expect(await second.textContent()).toContain('Lokaler för ungdomsverksamhet på kvällar')

    expect(await accessibilityViolations(organiser, '[data-testid="blue-list"]')).toEqual([])
    await list.scrollIntoViewIfNeeded()
    await list.screenshot({ path: path.join(screenshotDir, 'blue-list-1280.png') })

    organiser.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Ta bort B-2 från Blå listan? Det går inte att ångra.')
      void dialog.accept()
    })
    await second.getByText('Ändra B-2').click()
    await second.getByRole('button', { name: 'Ta bort B-2' }).click()
    await expect.poll(() => list.getByTestId('blue-item').count()).toBe(1)

    // The same section on a phone: nothing wider than the screen.
    const small = await open(created.link, { width: 360, height: 740 })
    const smallList = small.getByTestId('blue-list')
    await smallList.getByTestId('blue-item').filter({ hasText: 'B-1' }).waitFor()
    await smallList.getByText('Ändra B-1').click()
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    )
    expect(await accessibilityViolations(small, '[data-testid="blue-list"]')).toEqual([])
    await smallList.screenshot({ path: path.join(screenshotDir, 'blue-list-360.png') })

    // Published, the process record shows B-1 with its status history.
    await organiser.getByRole('button', { name: 'Publicera', exact: true }).click()
    const publishedLink = organiser.getByTestId('process-published-link')
    await publishedLink.waitFor()
    const record = await open((await publishedLink.getAttribute('href')) ?? '')
    const recorded = record.getByTestId('record-blue-item')
    await recorded.filter({ hasText: 'B-1' }).waitFor()
    expect(await recorded.count()).toBe(1)
    const text = (await recorded.textContent()) ?? ''
    for (const part of [
      NEED,
      'lyft',
      'En lapp i Samling 1',
      'Lyfts till: Regionens presidium',
      'Lyft på presidiets möte den 3 mars.',
    ])
      expect(text).toContain(part)
    expect(await accessibilityViolations(record)).toEqual([])
    await recorded.scrollIntoViewIfNeeded()
    await record.screenshot({ path: path.join(screenshotDir, 'blue-list-record-1280.png') })
  })
})
