import {
  changeIdeaStatusRequest,
  createIdeaRequest,
  criteriaProblems,
  type Idea,
  updateIdeaRequest,
} from '@samla/shared'
import { Hono } from 'hono'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { type ProcessEnv, requireProcessLink } from '../access/processAccess.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { ideaIdParam, params } from '../http/params.ts'
import type { ProcessService } from '../process/service.ts'
import type { SamlaStore } from '../storage/store.ts'

export interface IdeaRouteDeps {
  store: SamlaStore
  service: ProcessService
  access: MeetingAccess
}

/** An idea as the API gives it: with what the seed's criteria find missing. */
const withCriteria = (idea: Idea) => ({ ...idea, criteria: criteriaProblems(idea.description) })

/**
 * Ideas of a process: made from notes on a meeting's board by its facilitator, then followed
 * on the process page with the process link (the idébeskrivning, the status and its reasons).
 */
export function ideaRoutes({ store, service, access }: IdeaRouteDeps) {
  const processLink = requireProcessLink(store.processes)
  const ideaId = params({ ideaId: ideaIdParam })
  const found = async (processId: string, id: string) => {
    const idea = await store.ideas.get(processId, id)
    if (!idea) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
    return idea
  }

  const fromNotes = new Hono().post(
    '/meetings/:id/ideas',
    access.requireRole('facilitator'),
    async (c) => {
      const { shapeIds, title } = await readJson(c, createIdeaRequest)
      return c.json(withCriteria(await service.createIdea(c.var.meeting, shapeIds, title)), 201)
    },
  )

  const followed = new Hono<ProcessEnv>()
    .get('/processes/:id/ideas', processLink, async (c) =>
      c.json((await store.ideas.list(c.var.process.id)).map(withCriteria)),
    )
    .get('/processes/:id/ideas/:ideaId', ideaId, processLink, async (c) =>
      c.json(withCriteria(await found(c.var.process.id, c.req.valid('param').ideaId))),
    )
    .patch('/processes/:id/ideas/:ideaId', ideaId, processLink, async (c) => {
      const changes = await readJson(c, updateIdeaRequest)
      const { ideaId: id } = c.req.valid('param')
      await found(c.var.process.id, id)
      const idea = await store.ideas.update(c.var.process.id, id, changes)
      if (!idea) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
      return c.json(withCriteria(idea))
    })
    .post('/processes/:id/ideas/:ideaId/status', ideaId, processLink, async (c) => {
      const { status, reason } = await readJson(c, changeIdeaStatusRequest)
      const change = await store.ideas.changeStatus(
        c.var.process.id,
        c.req.valid('param').ideaId,
        status,
        reason,
      )
      if (!change.ok && change.reason === 'not_found')
        throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
      if (!change.ok)
        throw new ApiError(
          409,
          'invalid_transition',
          `An idea cannot go from ${change.from} to ${status}`,
        )
      await service.ideaChanged(change.idea)
      return c.json(withCriteria(change.idea))
    })

  return followed.route('/', fromNotes)
}
