import Database from 'better-sqlite3'
import pg from 'pg'
import type { Config } from '../src/config.ts'

export type Rows = Record<string, Array<Record<string, unknown>>>

/**
 * Every row of every table of Samla's own, read straight from the database the server used
 * (its SQLite file, or its PostgreSQL database), for tests that check nothing is left.
 */
export async function allRows(config: Pick<Config, 'databaseUrl' | 'dbFile'>): Promise<Rows> {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl })
    await client.connect()
    try {
      const tables = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '%drizzle%'",
      )
      const rows: Rows = {}
      for (const { name } of tables.rows)
        rows[name] = (await client.query(`SELECT * FROM "${name}"`)).rows
      return rows
    } finally {
      await client.end()
    }
  }
  const db = new Database(config.dbFile, { readonly: true })
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .all() as Array<{ name: string }>
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>,
      ]),
    )
  } finally {
    db.close()
  }
}

/** The tables in which some column of some row holds `value`, once per row. */
export function tablesMentioning(rows: Rows, value: string): string[] {
  return Object.entries(rows).flatMap(([name, table]) =>
    table
      .filter((row) => Object.values(row).some((v) => String(v).includes(value)))
      .map(() => name),
  )
}
