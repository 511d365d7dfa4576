import { AUTHOR_KEY_PARAM, newAuthorKey } from '@samla/shared'
import { afterEach } from 'vitest'
import { RawClient, startTestServer, type TestServer } from '../helpers.ts'
import { connectBoard } from '../writeBoard.ts'

/**
 * What every attack test needs: real servers, stock providers for the honest people and raw
 * sockets for the attacker (with an author key of its own, as a page would have), all
 * closed after each test.
 */
export function useAttackFixture() {
  const servers: TestServer[] = []
  const cleanups: Array<() => void> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    for (const s of servers.splice(0)) await s.dispose()
  })

  return {
    async server(env: Record<string, string> = {}) {
      const s = await startTestServer(env)
      servers.push(s)
      return s
    },
    stock(s: { url: string }, boardId: string, token: string | null = null) {
      const client = connectBoard(s.url, boardId, token)
      cleanups.push(() => {
        client.provider.destroy()
        client.doc.destroy()
      })
      return client
    },
    async raw(s: { url: string }, boardId: string, params: Record<string, string> = {}) {
      const client = await RawClient.open(s, boardId, {
        [AUTHOR_KEY_PARAM]: newAuthorKey(),
        ...params,
      })
      cleanups.push(() => client.ws.terminate())
      return client
    },
    /** Runs `cleanup` after the test (for sockets a test opens itself). */
    cleanup(cleanup: () => void) {
      cleanups.push(cleanup)
    },
  }
}

/** The close code and reason of a raw socket's next close. */
export function closeOf(client: RawClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    client.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}
