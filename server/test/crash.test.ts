import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Board } from '@samla/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { startChildServer } from './childServer.ts'
import { connectClient, waitForDoc } from './helpers.ts'

const ROUNDS = 4
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-crash-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

async function createBoard(url: string): Promise<Board> {
  const res = await fetch(`${url}/api/boards`, { method: 'POST' })
  return (await res.json()) as Board
}

describe('crash safety', () => {
  it(`keeps every update a second client received across ${ROUNDS} SIGKILLs at random moments`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startChildServer(dataDir)
      const board = await createBoard(server.url)
      const writer = connectClient(server, board.id)
      const observer = connectClient(server, board.id)
      await Promise.all([writer.synced, observer.synced])

      const received = new Map<string, number>()
      const killAfter = 20 + Math.floor(Math.random() * 400)
      const killed = new Promise<void>((resolve) => {
        observer.doc.getMap('m').observe((event) => {
          for (const key of event.keysChanged)
            received.set(key, observer.doc.getMap('m').get(key) as number)
          if (received.size >= killAfter && server.process.exitCode === null) {
            server.process.kill('SIGKILL')
            resolve()
          }
        })
      })

      // Stream updates, each in its own event-loop turn, until the server is gone.
      let sent = 0
      const streaming = (async () => {
        while (server.process.exitCode === null && server.process.signalCode === null) {
          writer.doc.getMap('m').set(`u${sent}`, sent)
          sent++
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      await killed
      await server.exited
      await streaming
      writer.destroy()
      observer.destroy()
      expect(received.size).toBeGreaterThanOrEqual(killAfter)

      const restarted = await startChildServer(dataDir)
      const reader = connectClient(restarted, board.id)
      await reader.synced
      const reloaded = reader.doc.getMap('m')
      await waitForDoc(reader.doc, () => reloaded.size >= received.size)
      for (const [key, value] of received) expect(reloaded.get(key)).toBe(value)
      reader.destroy()
      restarted.process.kill('SIGTERM')
      expect(await restarted.exited).toBe(0)
    }
  }, 120_000)
})
