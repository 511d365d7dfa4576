import {
  type CriteriaProblem,
  type Idea,
  type IdeaStatus,
  ideaDocumentInfoSchema,
  ideaSchema,
  ideaStatus,
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

/** Where the idébeskrivning is written (made on first use), with either link. */
export async function getIdeaDocument(processId: string, token: string, id: string) {
  return ideaDocumentInfoSchema.parse(
    await request(ideaPath(processId, `/${encodeURIComponent(id)}/document`), {
      headers: bearer(token),
    }),
  )
}

/** Opens a new co-editing link (the one before stops working); resolves with its token. */
export async function openEditLink(processId: string, token: string, id: string) {
  const body = await request(ideaPath(processId, `/${encodeURIComponent(id)}/edit-link`), {
    method: 'POST',
    headers: bearer(token),
  })
  return z.object({ token: z.string() }).parse(body).token
}

export async function closeEditLink(processId: string, token: string, id: string) {
  const res = await fetch(ideaPath(processId, `/${encodeURIComponent(id)}/edit-link`), {
    method: 'DELETE',
    headers: bearer(token),
  })
  if (!res.ok) throw new Error(`closing the link: ${res.status}`)
}

/**
 * Downloads the idébeskrivning as a file: fetched with the link in a header (never in an
 * address that could end up in a log), then handed to the browser as a download.
 */
export async function downloadDescription(
  processId: string,
  token: string,
  id: string,
  format: 'md' | 'html',
  language: string,
) {
  const res = await fetch(
    ideaPath(processId, `/${encodeURIComponent(id)}/description/${format}?lang=${language}`),
    { headers: bearer(token) },
  )
  if (!res.ok) throw new Error(`downloading: ${res.status}`)
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1]
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name ?? `idebeskrivning.${format}`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const meetingIdeaSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: ideaStatus,
})
export type MeetingIdea = z.infer<typeof meetingIdeaSchema>

/** The process's ideas, for a meeting's facilitator to choose what to vote on. */
export async function listMeetingIdeas(meetingId: string, token: string) {
  const body = await request(`/api/meetings/${encodeURIComponent(meetingId)}/ideas`, {
    headers: bearer(token),
  })
  return z.array(meetingIdeaSchema).parse(body)
}

export async function prioritiseIdeas(
  meetingId: string,
  token: string,
  ideaIds: string[],
  pageId: string,
) {
  const body = await request(`/api/meetings/${encodeURIComponent(meetingId)}/idea-votes`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify({ ideaIds, pageId }),
  })
  return z
    .object({ written: z.number(), alreadyThere: z.number(), frameId: z.string().nullable() })
    .parse(body)
}
