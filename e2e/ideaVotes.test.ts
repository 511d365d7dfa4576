import path from 'node:path'
import type { CreatedProcess, Idea, JoinInfo } from '@samla/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accessibilityViolations } from './src/axe.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForConnection } from './src/ui.ts'

/**
 * Verkstad 2 in the room: the facilitator of a Samling puts two of the process's ideas in the
 * current phase from the panel, runs the dot voting as usual, a phone votes at 360×740, the
 * result is revealed, and each idea's page says what it got.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

/** Notes the phone of a meeting posts, read back as shape ids from the facilitator's editor. */
async function postNotes(board: Page, meetingId: string, token: string, texts: string[]) {
  const join = (await api(`/api/meetings/${meetingId}/join-info`, token)) as JoinInfo
  const phone = await open(join.phoneLink, { width: 360, height: 740 })
  for (const text of texts) {
    await phone.getByLabel('Din lapp').fill(text)
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
    await phone.getByText('Lappen finns nu på tavlan.').waitFor()
  }
  const ids = async () =>
    board.evaluate((wanted) => {
      const editor = window.__samla?.editor as unknown as {
        store: {
          allRecords(): Array<{ id: string; type?: string; props?: { richText?: unknown } }>
        }
      }
      return wanted.map(
        (text) =>
          editor.store
            .allRecords()
            .find((r) => r.type === 'note' && JSON.stringify(r.props?.richText).includes(text))?.id,
      )
    }, texts)
  await expect.poll(async () => (await ids()).every(Boolean), { timeout: 15_000 }).toBe(true)
  await phone.context().close()
  return (await ids()) as string[]
}

describe('a vote over ideas in a Samling', () => {
  it('the facilitator puts ideas in the phase, the phones vote as on notes, and each idea keeps its place', async () => {
    const created = (await (
      await fetch(`${samla.server.url}/api/processes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kraftsamling Blekinge' }),
      })
    ).json()) as CreatedProcess
    const token = new URL(created.link).hash.slice(3)
    const today = new Date().toISOString().slice(0, 10)
    const add = (title: string, group: string) =>
      api(`/api/processes/${created.process.id}/meetings`, token, {
        title,
        group,
        date: today,
        format: 'physical',
      }) as Promise<{ meeting: { id: string; boardId: string }; links: { participant: string } }>

    // Two ideas of the young people's Träff.
    const traff = await add('Träff 1', 'demokratilabb')
    const youthBoard = await open(`${samla.server.url}/b/${traff.meeting.boardId}#k=${token}`)
    await waitForConnection(youthBoard)
    await youthBoard.getByRole('heading', { name: 'Idéer' }).waitFor({ timeout: 20_000 })
    const shapes = await postNotes(youthBoard, traff.meeting.id, token, [
      'Lugna rum på rasterna',
      'Fler vuxna ute',
    ])
    const ideas: Idea[] = []
    for (const shape of shapes)
      ideas.push(
        (await api(`/api/meetings/${traff.meeting.id}/ideas`, token, {
          shapeIds: [shape],
        })) as Idea,
      )
    await youthBoard.context().close()

    // Samling 2: the facilitator puts both ideas in the phase and starts the voting.
    const samling = await add('Samling 2', 'kraftsamling')
    const board = await open(`${samla.server.url}/b/${samling.meeting.boardId}#k=${token}`)
    await waitForConnection(board)
    await board.getByText('Rösta om idéer').click()
    await board.getByLabel('I-1 Lugna rum på rasterna').waitFor()
    expect(await board.getByLabel('I-2 Fler vuxna ute').isChecked()).toBe(true)
    await board.getByRole('button', { name: 'Lägg 2 idéer i fasen' }).click()
    await board.getByText('2 idéer ligger nu i fasen.').waitFor()
    await board.getByText('I-2 Fler vuxna ute').first().waitFor({ timeout: 15_000 })
    await board.getByTestId('note-thread').filter({ hasText: 'Idé I-2 · idé' }).waitFor()
    expect(await accessibilityViolations(board, '.facilitation-panel')).toEqual([])
    await board.screenshot({ path: path.join(screenshotDir, 'idea-vote-board-1280.png') })
    await board.getByLabel('Röster per person').fill('3')
    await board.getByRole('button', { name: /^Starta röstning i / }).click()

    const join = (await api(`/api/meetings/${samling.meeting.id}/join-info`, token)) as JoinInfo
    const phone = await open(join.phoneLink, { width: 360, height: 740 })
    const vote = phone.getByRole('button', { name: 'Rösta (I-2 Fler vuxna ute)' })
    await vote.click()
    await phone.getByText('Dina röster: 1').waitFor()
    await vote.click()
    await phone.getByText('Dina röster: 2').waitFor()
    await phone.getByRole('button', { name: 'Rösta (I-1 Lugna rum på rasterna)' }).click()
    await phone.getByText('Dina röster: 1').waitFor()
    await phone.screenshot({
      path: path.join(screenshotDir, 'idea-vote-phone-360.png'),
      fullPage: true,
    })
    await board
      .locator('[data-testid="tally"] li', { hasText: 'I-2 Fler vuxna ute' })
      .filter({ hasText: '2 röster' })
      .waitFor({ timeout: 10_000 })
    await board.getByRole('button', { name: 'Visa resultatet för alla' }).click()

    // Kept with the ideas: I-2 first of two, I-1 second.
    const [first, second] = ideas as [Idea, Idea]
    await expect
      .poll(
        async () =>
          ((await api(`/api/processes/${created.process.id}/ideas/${second.id}`, token)) as Idea)
            .priorities[0]?.rank,
        { timeout: 10_000 },
      )
      .toBe(1)
    const page = await open(`${samla.server.url}/k/${created.process.id}/i/${first.id}#k=${token}`)
    await page.getByText('Samling 2: 1 röst, plats 2 av 2').waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
