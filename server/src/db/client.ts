import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

export type SamlaDatabase = BetterSQLite3Database<typeof schema>

export interface OpenDatabaseOptions {
  file: string
  synchronous?: 'NORMAL' | 'FULL'
  /** Apply pending migrations (the default); a second connection to a migrated file need not. */
  migrate?: boolean
}

export interface OpenedDatabase {
  db: SamlaDatabase
  close(): void
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations')

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase({
  file,
  synchronous = 'NORMAL',
  migrate: applyMigrations = true,
}: OpenDatabaseOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${synchronous}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  if (applyMigrations) migrate(db, { migrationsFolder })
  return {
    db,
    close: () => {
      if (sqlite.open) sqlite.close()
    },
  }
}
