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
    return openPostgresStore(config.databaseUrl)
  }
  return openSqliteStore({ file: config.dbFile, synchronous: config.sqliteSynchronous })
}
