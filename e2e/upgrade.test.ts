import { RECORDS_MAP } from '@samla/shared'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA } from '../server/src/board/schema.ts'
import { olderSchemaBoardUpdate } from '../server/test/fixtures/seededBoard.ts'
import { readBoardUntil } from '../server/test/readBoard.ts'
import { writeBoard } from '../server/test/writeBoard.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { shapeCount, waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

interface Handles {
  editor: { getPages(): Array<{ name: string }> }
}
const pageNames = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __samla?: Handles }).__samla?.editor.getPages().map((p) => p.name),
  )

/** Schemas are equal whatever order their migration sequences were written in. */
const sameSchema = (a: unknown, b: typeof CURRENT_SCHEMA) => {
  const sorted = (s: unknown) =>
    JSON.stringify(
      Object.entries((s as { sequences?: Record<string, number> })?.sequences ?? {}).sort(),
    )
  return sorted(a) === sorted(b)
}

describe('a board stored by an older tldraw', () => {
  it('is migrated by the first participant who opens it, who then writes as usual', async () => {
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Efter uppgraderingen',
      group: 'kraftsamling',
      date: '2026-11-22',
      format: 'hybrid',
    })
    await writeBoard(samla.server.url, meeting.boardId, facilitatorToken, olderSchemaBoardUpdate())

    const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
    watchContext(context, () => samla.server.url, findings)
    const participant = await context.newPage()
    await participant.goto(links.participant)
    await waitForConnection(participant)
    await expect
      .poll(() => pageNames(participant), { timeout: 15_000 })
      .toEqual(['Öppna upp', 'Lära'])

    // The server stored the participant's migration: our schema, pages with `meta`.
    const stored = await readBoardUntil(
      samla.server.url,
      meeting.boardId,
      facilitatorToken,
      (doc) => sameSchema(doc.getMap('meta').get('schema'), CURRENT_SCHEMA),
    )
    const records = stored.getMap<Record<string, unknown>>(RECORDS_MAP)
    expect(records.get('page:oppna')).toEqual({
      id: 'page:oppna',
      typeName: 'page',
      name: 'Öppna upp',
      index: 'a1',
      meta: {},
    })
    const shapesBefore = [...records.keys()].filter((k) => k.startsWith('shape:')).length

    // Not cut off for it: a note on the open, current phase reaches the server.
    const before = await shapeCount(participant)
    await writeNote(participant, { x: 400, y: 300 }, 'Efter uppgraderingen')
    await expect.poll(() => shapeCount(participant)).toBe((before ?? 0) + 1)
    await readBoardUntil(
      samla.server.url,
      meeting.boardId,
      facilitatorToken,
      (doc) =>
        [...doc.getMap(RECORDS_MAP).keys()].filter((k) => k.startsWith('shape:')).length ===
        shapesBefore + 1,
    )
    expect(await participant.getByText('Ändringen kunde inte sparas').count()).toBe(0)
    await context.close()
  })
})
