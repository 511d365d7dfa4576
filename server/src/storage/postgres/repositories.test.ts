import { freshPostgresDatabase } from '../../../test/postgres.ts'
import { describeBlueListContract } from '../blueListContract.ts'
import { describeHandslagContract } from '../handslagContract.ts'
import { describeIdeaContract } from '../ideaContract.ts'
import { describeMeetingRecordContract } from '../meetingRecordContract.ts'
import { describePrivateNoteContract } from '../privateNoteContract.ts'
import { describeProcessContract } from '../processContract.ts'
import { describeRepositoryContract } from '../repositoryContract.ts'
import { describeVoteRoundContract } from '../voteRoundContract.ts'
import { openPostgresStore } from './store.ts'

const harness = async () => {
  const database = await freshPostgresDatabase()
  const store = await openPostgresStore(database.url)
  return {
    store,
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
}

describeRepositoryContract('PostgreSQL', harness)
describeProcessContract('PostgreSQL', harness)
describeIdeaContract('PostgreSQL', harness)
describeHandslagContract('PostgreSQL', harness)
describeVoteRoundContract('PostgreSQL', harness)
describeBlueListContract('PostgreSQL', harness)
describeMeetingRecordContract('PostgreSQL', harness)
describePrivateNoteContract('PostgreSQL', harness)
