import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { freshPostgresDatabase } from '../../../test/postgres.ts'
import { openPgDatabase } from './client.ts'

const journal = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'migrations/meta/_journal.json'), 'utf8'),
) as { entries: unknown[] }

it('migrates once when several instances open a new database at the same time', async () => {
  const database = await freshPostgresDatabase()
  try {
    const settled = await Promise.allSettled(
      Array.from({ length: 4 }, () => openPgDatabase(database.url)),
    )
    const opened = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    try {
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([])
      const db = opened[0]?.db
      const applied = await db?.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      )
      expect(applied?.rows[0]?.n).toBe(journal.entries.length)
      const tables = await db?.execute<{ name: string }>(
        sql`select tablename as name from pg_tables where schemaname = 'public'`,
      )
      expect(tables?.rows.map((t) => t.name)).toEqual(
        expect.arrayContaining(['boards', 'document_updates', 'meetings', 'votes']),
      )
    } finally {
      await Promise.all(opened.map((o) => o.close()))
    }
    // A later start finds nothing to do.
    const again = await openPgDatabase(database.url)
    await again.close()
  } finally {
    await database.drop()
  }
})
