import {
  ControlKey,
  VOTER_HEADER,
  type VoterCredential,
  type VoteStatus,
  voterHeaderValue,
} from '@samla/shared'
import { waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'
import { connectBoard } from './writeBoard.ts'

/** A credential as a request sends it: issued, or any string an attacker makes up. */
export type SentCredential = VoterCredential | string | null

/** The voting API of one meeting, called as a browser calls it. */
export function voteApi(serverUrl: string, meetingId: string) {
  const base = `${serverUrl}/api/meetings/${meetingId}`
  const headers = (token: string, credential: SentCredential, extra: Record<string, string>) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...(credential === null
      ? {}
      : {
          [VOTER_HEADER]:
            typeof credential === 'string' ? credential : voterHeaderValue(credential),
        }),
    ...extra,
  })
  const issue = (token: string, extra: Record<string, string> = {}) =>
    fetch(`${base}/voters`, { method: 'POST', headers: headers(token, null, extra) })
  return {
    issue,
    /** A credential, or a throw when the server would not issue one. */
    async voter(token: string, extra: Record<string, string> = {}): Promise<VoterCredential> {
      const res = await issue(token, extra)
      if (res.status !== 201) throw new Error(`issuing a voter credential: ${res.status}`)
      return (await res.json()) as VoterCredential
    },
    vote: (
      token: string,
      credential: SentCredential,
      body: unknown,
      {
        method = 'POST',
        headers: extra = {},
      }: { method?: string; headers?: Record<string, string> } = {},
    ) =>
      fetch(`${base}/votes`, {
        method,
        headers: headers(token, credential, extra),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    status: (token: string, credential: SentCredential = null) =>
      fetch(`${base}/votes`, { headers: headers(token, credential, {}) }),
    /** The answer to GET …/votes, which must be a 200. */
    async statusOf(token: string, credential: SentCredential = null): Promise<VoteStatus> {
      const res = await fetch(`${base}/votes`, { headers: headers(token, credential, {}) })
      if (res.status !== 200) throw new Error(`reading the votes: ${res.status}`)
      return (await res.json()) as VoteStatus
    },
  }
}

/**
 * A meeting whose facilitator laid out the phases (layOutPhases: note shape:a in Öppna upp,
 * shape:b in Testa) and opened a round on Öppna upp; resolves once the server relayed it.
 */
export async function meetingWithOpenRound(serverUrl: string, votesPerPerson: number) {
  const m = await createMeeting(serverUrl)
  const facilitator = connectBoard(serverUrl, m.boardId, m.token('facilitator'))
  await facilitator.synced
  layOutPhases(facilitator.doc)
  facilitator.doc.getMap<unknown>('meeting').set(ControlKey.voting, {
    round: 'round-1',
    pageId: 'page:one',
    votesPerPerson,
    state: 'open',
  })
  // What another client receives, the server has stored and holds in the room.
  const watcher = connectBoard(serverUrl, m.boardId, m.token('participant'))
  await watcher.synced
  await waitForDoc(watcher.doc, () => watcher.doc.getMap('meeting').has(ControlKey.voting))
  return {
    ...m,
    api: voteApi(serverUrl, m.meeting.id),
    close() {
      for (const { provider, doc } of [facilitator, watcher]) {
        provider.destroy()
        doc.destroy()
      }
    },
  }
}
