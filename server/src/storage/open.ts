import type { Config } from '../config.ts'
import { openSqliteStore } from './sqlite/store.ts'
import type { SamlaStore } from './store.ts'

/**
 * The one place that decides where Samla keeps its data: PostgreSQL when SAMLA_DATABASE_URL
 * is set, otherwise the SQLite file under the data directory. server.ts and the tests open
 * their store here.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dbFile' | 'sqliteSynchronous'>,
): Promise<SamlaStore> {
  if (config.databaseUrl) {
    // Loaded only when asked for, so that the embedded default never loads the pg driver.
    const { openPostgresStore } = await import('./postgres/store.ts')
    const host = new URL(config.databaseUrl).host
    return openPostgresStore(config.databaseUrl).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err)
      // The host only: the URL may hold a password.
      throw new Error(`PostgreSQL at ${host} (SAMLA_DATABASE_URL) could not be opened: ${reason}`, {
        cause: err,
      })
    })
  }
  return openSqliteStore({ file: config.dbFile, synchronous: config.sqliteSynchronous })
}
