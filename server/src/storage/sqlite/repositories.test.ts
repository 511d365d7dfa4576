import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeBlueListContract } from '../blueListContract.ts'
import { describeHandslagContract } from '../handslagContract.ts'
import { describeIdeaContract } from '../ideaContract.ts'
import { describeMeetingRecordContract } from '../meetingRecordContract.ts'
import { describePrivateNoteContract } from '../privateNoteContract.ts'
import { describeProcessContract } from '../processContract.ts'
import { describeRepositoryContract } from '../repositoryContract.ts'
import { describeVoteRoundContract } from '../voteRoundContract.ts'
import { openSqliteStore } from './store.ts'

const harness = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-repositories-'))
  const store = openSqliteStore({ file: path.join(dir, 'samla.sqlite') })
  return {
    store,
    async cleanup() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describeRepositoryContract('SQLite', harness)
describeProcessContract('SQLite', harness)
describeIdeaContract('SQLite', harness)
describeHandslagContract('SQLite', harness)
describeVoteRoundContract('SQLite', harness)
describeBlueListContract('SQLite', harness)
describeMeetingRecordContract('SQLite', harness)
describePrivateNoteContract('SQLite', harness)
