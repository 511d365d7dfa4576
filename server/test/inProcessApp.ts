import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreatedMeeting, MeetingRole } from '@samla/shared'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'
import { RoomManager } from '../src/rooms/RoomManager.ts'
import { openStore } from '../src/storage/open.ts'

/**
 * The HTTP app on a fresh SQLite file, called in-process with `app.request()` (no socket, no
 * port), wired as server.ts wires it: one store that the configuration names.
 */
export async function inProcessApp(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-app-'))
  const config = loadConfig({ SAMLA_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env })
  const logger = createLogger('silent')
  const store = await openStore(config)
  const { documents: storage, meetings } = store
  const rooms = new RoomManager(
    storage,
    { compactAfterUpdates: 500, presenceBudget: 450, logger },
    logger,
  )
  const app = createApp({ config, store, rooms, logger })

  /** A meeting created through the API, with each role's token. */
  const createMeeting = async (headers: Record<string, string> = {}) => {
    const res = await app.request('/api/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        title: 'Samling 2',
        group: 'kraftsamling',
        date: '2026-02-13',
        format: 'hybrid',
      }),
    })
    if (res.status !== 201) throw new Error(`createMeeting: ${res.status}`)
    const created = (await res.json()) as CreatedMeeting
    const token = (role: MeetingRole) => new URL(created.links[role]).hash.replace('#k=', '')
    return { ...created, token }
  }

  return {
    app,
    meetings,
    storage,
    rooms,
    createMeeting,
    async dispose() {
      await rooms.shutdown()
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
