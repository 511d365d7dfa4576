import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
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

/**
 * Opens (creating if needed) the SQLite file in WAL mode, with secure_delete on, and applies
 * pending migrations.
 */
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
  // Deleted rows are overwritten with zeros rather than left in free pages: erasing a
  // meeting (or compacting a board's log) must not leave its notes readable in the file.
  sqlite.pragma('secure_delete = ON')
  const db = drizzle(sqlite, { schema })
  if (applyMigrations) migrate(db, { migrationsFolder })
  return {
    db,
    close: () => {
      if (sqlite.open) sqlite.close()
    },
  }
}

/**
 * Copies the WAL into the database file and truncates it to zero bytes, after an erasure:
 * the WAL still holds the pages as they were before the delete, notes and all. False if a
 * reader (another process, a backup) kept part of it; the next checkpoint takes the rest.
 */
export function truncateWal(db: SamlaDatabase): boolean {
  const [result] = db.all<{ busy: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
  return result?.busy === 0
}
