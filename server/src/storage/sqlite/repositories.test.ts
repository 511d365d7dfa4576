import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeRepositoryContract } from '../repositoryContract.ts'
import { openSqliteStore } from './store.ts'

describeRepositoryContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-repositories-'))
  const store = openSqliteStore({ file: path.join(dir, 'samla.sqlite') })
  return {
    store,
    async cleanup() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
