import { expect, it } from 'vitest'
import { connectClient, startTestServer, waitForDoc } from './helpers.ts'
import { freshPostgresDatabase } from './postgres.ts'

it('a server on PostgreSQL keeps a board through a restart', async () => {
  const database = await freshPostgresDatabase()
  try {
    const env = { SAMLA_DATABASE_URL: database.url }
    const first = await startTestServer(env)
    let boardId: string
    try {
      const health = await fetch(`${first.url}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ database: { kind: 'postgres', state: 'up' } })
      boardId = (await first.createBoard('Öppna upp')).id
      const writer = connectClient(first, boardId)
      const reader = connectClient(first, boardId)
      await Promise.all([writer.synced, reader.synced])
      writer.doc.getMap('shapes').set('note', { text: 'Fler bänkar' })
      // The room appends before it relays: once the reader has it, the database has it.
      await waitForDoc(reader.doc, () => reader.doc.getMap('shapes').has('note'))
      writer.destroy()
      reader.destroy()
    } finally {
      await first.dispose()
    }

    const second = await startTestServer(env)
    try {
      const later = connectClient(second, boardId)
      await later.synced
      expect(later.doc.getMap('shapes').get('note')).toEqual({ text: 'Fler bänkar' })
      later.destroy()
    } finally {
      await second.dispose()
    }
  } finally {
    await database.drop()
  }
})

it('refuses to start, naming what does not answer, when PostgreSQL or Redis is not there', async () => {
  const database = await freshPostgresDatabase()
  try {
    // Port 1 on loopback: nothing listens there.
    await expect(
      startTestServer({ SAMLA_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/samla' }),
    ).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:1 \(SAMLA_DATABASE_URL\) could not be opened/)
    await expect(
      startTestServer({ SAMLA_DATABASE_URL: database.url, SAMLA_REDIS_URL: 'redis://127.0.0.1:1' }),
    ).rejects.toThrow(/Redis at 127\.0\.0\.1:1 \(SAMLA_REDIS_URL\) does not answer/)
  } finally {
    await database.drop()
  }
})
