import { freshPostgresDatabase } from '../../../test/postgres.ts'
import { describeRepositoryContract } from '../repositoryContract.ts'
import { openPostgresStore } from './store.ts'

describeRepositoryContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase()
  const store = await openPostgresStore(database.url)
  return {
    store,
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
})
