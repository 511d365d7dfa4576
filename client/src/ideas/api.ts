import {
  type CriteriaProblem,
  type Idea,
  type IdeaStatus,
  ideaSchema,
  type UpdateIdeaRequest,
} from '@samla/shared'
import { z } from 'zod'
import { bearer, request } from '../api.ts'

/** An idea as the API gives it, with what the seed's criteria find missing. */
export type IdeaWithCriteria = Idea & { criteria: CriteriaProblem[] }
const withCriteria = ideaSchema.extend({
  criteria: z.array(
    z.union([
      z.object({ kind: z.literal('missing'), field: z.string() }),
      z.object({ kind: z.literal('municipalAndRegional') }),
    ]),
  ),
})
const parse = (body: unknown) => withCriteria.parse(body) as IdeaWithCriteria

const ideaPath = (processId: string, rest = '') =>
  `/api/processes/${encodeURIComponent(processId)}/ideas${rest}`

export async function makeIdea(meetingId: string, token: string, shapeIds: string[]) {
  return parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/ideas`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ shapeIds }),
    }),
  )
}

export async function listIdeas(processId: string, token: string): Promise<IdeaWithCriteria[]> {
  const body = await request(ideaPath(processId), { headers: bearer(token) })
  return z.array(z.unknown()).parse(body).map(parse)
}

export async function getIdea(processId: string, token: string, id: string) {
  return parse(
    await request(ideaPath(processId, `/${encodeURIComponent(id)}`), { headers: bearer(token) }),
  )
}

export async function updateIdea(
  processId: string,
  token: string,
  id: string,
  body: UpdateIdeaRequest,
) {
  return parse(
    await request(ideaPath(processId, `/${encodeURIComponent(id)}`), {
      method: 'PATCH',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

export async function changeIdeaStatus(
  processId: string,
  token: string,
  id: string,
  status: IdeaStatus,
  reason: string,
) {
  return parse(
    await request(ideaPath(processId, `/${encodeURIComponent(id)}/status`), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ status, reason }),
    }),
  )
}
