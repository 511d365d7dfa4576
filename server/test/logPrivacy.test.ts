import { RECORDS_MAP } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { textNote } from './fixtures/records.ts'
import { RawClient, startTestServer, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'
import { meetingCall } from './process.ts'
import { voteApi } from './voting.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * What the personal-data page says of the logs (client/src/legal/PrivacyPage.tsx): at the
 * most talkative level, a meeting's whole life (links used and refused, a note written, a
 * vote, a refused edit, a deletion) leaves no IP address, no token and no note text in them.
 */
let server: TestServer | null = null
afterEach(async () => {
  await server?.dispose()
  server = null
})

/** Every line written to stdout and stderr while `work` runs. */
async function logLinesOf(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = []
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  const capture =
    (write: typeof out) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      lines.push(String(chunk))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }
  process.stdout.write = capture(out) as typeof process.stdout.write
  process.stderr.write = capture(err) as typeof process.stderr.write
  try {
    await work()
  } finally {
    process.stdout.write = out
    process.stderr.write = err
  }
  return lines.join('').split('\n').filter(Boolean)
}

describe('the server’s logs', () => {
  it('hold no IP address, no token and no note text, even at the debug level', async () => {
    const SECRET = 'Lappens-hemliga-text-3b9f'
    const WRONG = 'AAAAAAAAAAAAAAAAAAAAAA'
    const tokens: string[] = []
    const lines = await logLinesOf(async () => {
      server = await startTestServer({ LOG_LEVEL: 'debug' })
      const s = server
      const m = await createMeeting(s.url)
      tokens.push(m.token('facilitator'), m.token('participant'), m.token('projector'))
      const board = connectBoard(s.url, m.boardId, m.token('facilitator'))
      await board.synced
      layOutPhases(board.doc)
      board.doc.getMap(RECORDS_MAP).set('shape:secret', textNote('shape:secret', 'shape:q', SECRET))
      const reader = connectBoard(s.url, m.boardId, m.token('projector'))
      await reader.synced
      await waitForDoc(reader.doc, () => reader.doc.getMap(RECORDS_MAP).has('shape:secret'))
      // Refused links, over HTTP and at the upgrade; a malformed frame.
      expect((await meetingCall(s.url, m.meeting.id)('', WRONG)).status).toBe(401)
      await expect(RawClient.open(s, m.boardId, { token: WRONG })).rejects.toThrow(/401/)
      const raw = await RawClient.open(s, m.boardId, { token: m.token('participant') })
      raw.send(new Uint8Array([0, 9, 9, 9]))
      await raw.handled()
      // A participant writing the facilitator's controls: refused, and logged.
      const hostile = connectBoard(s.url, m.boardId, m.token('participant'))
      await hostile.synced
      const closed = new Promise((resolve) => hostile.provider.on('closed', resolve))
      hostile.doc.getMap('meeting').set('currentPhase', SECRET)
      await closed
      hostile.provider.destroy()
      // A vote, then the meeting deleted.
      const votes = voteApi(s.url, m.meeting.id)
      await votes.voter(m.token('participant'))
      for (const c of [board, reader]) {
        c.provider.destroy()
        c.doc.destroy()
      }
      raw.ws.terminate()
      expect(
        (await meetingCall(s.url, m.meeting.id)('', m.token('facilitator'), { method: 'DELETE' }))
          .status,
      ).toBe(204)
    })
    // The logger did write: what it writes is what is checked.
    const logged = lines.filter((l) => l.startsWith('{'))
    const said = logged.map((l) => (JSON.parse(l) as { msg: string }).msg)
    expect(said).toEqual(expect.arrayContaining(['malformed message', 'edit refused']))
    for (const line of logged) {
      expect(line).not.toContain(SECRET)
      expect(line).not.toContain(WRONG)
      for (const token of tokens) expect(line).not.toContain(token)
      expect(line).not.toMatch(/\b127\.0\.0\.1\b|::ffff:|"::1"/)
    }
  })
})
