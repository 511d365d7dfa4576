/** The few HTTP calls the floods need, against a server at `url` (http://127.0.0.1:port). */

export async function createBoard(url: string): Promise<string> {
  const res = await fetch(`${url}/api/boards`, { method: 'POST' })
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}`)
  return ((await res.json()) as { id: string }).id
}

export type MeetingRole = 'facilitator' | 'participant' | 'projector'

export interface Meeting {
  boardId: string
  tokens: Record<MeetingRole, string>
}

/** A meeting and its board; each role's capability token is in its link's #k= fragment. */
export async function createMeeting(url: string): Promise<Meeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'x',
      group: 'kraftsamling',
      date: '2026-03-20',
      format: 'hybrid',
    }),
  })
  if (res.status !== 201) throw new Error(`POST /api/meetings answered ${res.status}`)
  const body = (await res.json()) as {
    meeting: { boardId: string }
    links: Record<MeetingRole, string>
  }
  const token = (role: MeetingRole) => {
    const found = /#k=([^&]+)$/.exec(body.links[role])?.[1]
    if (!found) throw new Error(`no token in the ${role} link`)
    return found
  }
  return {
    boardId: body.meeting.boardId,
    tokens: {
      facilitator: token('facilitator'),
      participant: token('participant'),
      projector: token('projector'),
    },
  }
}

export interface HealthAnswer {
  ms: number
  rssMiB: number
  rooms: number
}

/** GET /api/health, timed; throws on a timeout, a refused connection or a non-200. */
export async function getHealth(url: string, timeoutMs: number): Promise<HealthAnswer> {
  const started = performance.now()
  const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) })
  const body = (await res.json()) as { rooms: number; memory: { rssMiB: number } }
  if (res.status !== 200) throw new Error(`health answered ${res.status}`)
  return { ms: performance.now() - started, rssMiB: body.memory.rssMiB, rooms: body.rooms }
}
