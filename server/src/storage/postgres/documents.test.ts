import { freshPostgresDatabase } from '../../../test/postgres.ts'
import { describeStorageContract } from '../contract.ts'
import type { SamlaStore } from '../store.ts'
import { openPostgresStore } from './store.ts'

describeStorageContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase()
  let store: SamlaStore = await openPostgresStore(database.url)
  const harness = {
    storage: store.documents,
    async reopen() {
      await store.close()
      store = await openPostgresStore(database.url)
      harness.storage = store.documents
      return harness.storage
    },
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
  return harness
})
