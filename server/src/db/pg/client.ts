import path from 'node:path'
import { sql } from 'drizzle-orm'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { Logger } from '../../logger.ts'
import * as schema from './schema.ts'

export type PgSamlaDatabase = NodePgDatabase<typeof schema>

export interface OpenPgDatabaseOptions {
  /** Where a connection lost while idle in the pool (a database restart) is reported. */
  log?: Logger
}

export interface OpenedPgDatabase {
  db: PgSamlaDatabase
  pool: pg.Pool
  close(): Promise<void>
}

// Beside this module in the sources; in the bundle (server/dist, scripts/build-server.ts)
// beside main.js, as pg-migrations/, apart from SQLite's migrations/.
const migrationsFolder = path.join(
  import.meta.dirname,
  import.meta.url.endsWith('.ts') ? 'migrations' : 'pg-migrations',
)

/**
 * The session-level advisory lock around migrations: instances starting together would
 * otherwise each find the same migrations pending and race to create the same tables. Any
 * fixed key will do, as long as nothing else of Samla takes it (boards and votes hash theirs).
 */
const MIGRATION_LOCK = 0x5a4d_4c41_0001

/** A pool on the database at `url`, with pending migrations applied before it is handed out. */
export async function openPgDatabase(
  url: string,
  { log }: OpenPgDatabaseOptions = {},
): Promise<OpenedPgDatabase> {
  const pool = new pg.Pool({ connectionString: url })
  // Unhandled, this 'error' would end the process; the next query takes a fresh connection.
  pool.on('error', (err) => log?.warn('postgres connection lost while idle', { err }))
  try {
    await migrateLocked(pool)
  } catch (err) {
    await pool.end()
    throw err
  }
  return { db: drizzle(pool, { schema }), pool, close: () => pool.end() }
}

/** The lock is a session's: the lock, the migration and the unlock share one connection. */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  let failed: Error | undefined
  try {
    const db = drizzle(client, { schema })
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`)
    try {
      await migrate(db, { migrationsFolder })
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`)
    }
  } catch (err) {
    failed = err instanceof Error ? err : new Error(String(err))
    throw err
  } finally {
    // After a failure the connection is closed rather than pooled, so that a lock it may
    // still hold (the unlock failed too) goes with it.
    client.release(failed)
  }
}
