import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../server/src/storage/sqlite.ts'
import { seededBoardUpdate } from '../server/test/fixtures/seededBoard.ts'
import { unreadableRecordsUpdate } from '../server/test/fixtures/unreadableRecords.ts'
import { writeBoard } from '../server/test/writeBoard.ts'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const samla = useSamlaAndBrowser()
let findings = emptyFindings()
afterEach(() => {
  const found = findings
  findings = emptyFindings()
  expect(found).toEqual(emptyFindings())
})

describe('a board that already holds records tldraw refuses', () => {
  it('opens with everything else, says how many were skipped, and goes on syncing', async () => {
    const res = await fetch(`${samla.server.url}/api/boards`, { method: 'POST' })
    const { id, url } = (await res.json()) as { id: string; url: string }
    await writeBoard(samla.server.url, id, null, seededBoardUpdate())
    // What an earlier server stored unchecked, written behind its back into the log.
    const storage = new SqliteStorage({ file: path.join(samla.server.dataDir, 'samla.sqlite') })
    await storage.appendUpdates(id, [unreadableRecordsUpdate()])
    await storage.close()

    const context = await samla.browser.newContext({ viewport: { width: 1280, height: 800 } })
    watchContext(context, () => samla.server.url, findings)
    const page = await context.newPage()
    await page.goto(url)
    await waitForConnection(page)
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'kan visas' }).textContent())
      .toBe(
        'Tavlan innehåller sådant som inte kan visas (3 st). Det har hoppats över.Stäng meddelandet',
      )
    expect(await page.getByText('Tavlan kunde inte öppnas').count()).toBe(0)
    await page.screenshot({ path: path.join(screenshotDir, 'skipped-records-1280.png') })
    // The seeded notes are in the store, and a new one still reaches the server.
    const shapes = () =>
      page.evaluate(
        () =>
          window.__samla?.editor.store.allRecords().filter((r) => r.typeName === 'shape').length,
      )
    const before = (await shapes()) ?? 0
    expect(before).toBe(10)
    await writeNote(page, { x: 640, y: 500 }, 'Efter de trasiga')
    await expect.poll(shapes).toBe(before + 1)
    await context.close()
  })
})
