import {
  changeIdeaStatusRequest,
  createIdeaRequest,
  criteriaProblems,
  type Idea,
  type IdeaDocumentInfo,
  prioritiseIdeasRequest,
  updateIdeaRequest,
} from '@samla/shared'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { bearerToken } from '../access/bearer.ts'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { type ProcessEnv, requireProcessLink } from '../access/processAccess.ts'
import { fileSlug } from '../documentation/exports.ts'
import { IDEA_EXPORT_FORMATS } from '../documentation/ideaExports.ts'
import { ApiError } from '../http/errors.ts'
import { exportLanguage } from '../http/exportLanguage.ts'
import { readJson } from '../http/json.ts'
import { ideaIdParam, param, params, processIdParam } from '../http/params.ts'
import type { IdeaLinkKind } from '../ideas/documents.ts'
import type { ProcessService } from '../process/service.ts'
import type { SamlaStore } from '../storage/store.ts'

export interface IdeaRouteDeps {
  store: SamlaStore
  service: ProcessService
  access: MeetingAccess
}

/** An idea as the API gives it: with what the seed's criteria find missing. */
const withCriteria = (idea: Idea) => ({ ...idea, criteria: criteriaProblems(idea.description) })

const ideaExport = params({
  format: param(z.enum(['md', 'html']), 404, 'unknown_format', 'Formats: md, html'),
})

type IdeaEnv = { Variables: { idea: Idea; link: IdeaLinkKind } }

/**
 * Ideas of a process: made from notes on a meeting's board by its facilitator, then followed
 * on the process page with the process link (the status and its reasons, the co-editing
 * link). The idébeskrivning is a Yjs document (ideas/documents.ts); its own link lets others
 * read the idea and write that document, nothing more.
 */
export function ideaRoutes({ store, service, access }: IdeaRouteDeps) {
  const documents = service.ideaDocuments
  const processLink = requireProcessLink(store.processes)
  const ideaId = params({ ideaId: ideaIdParam })
  const found = async (processId: string, id: string) => {
    const idea = await store.ideas.get(processId, id)
    if (!idea) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
    return idea
  }

  /**
   * The process link, or the idea's co-editing link: 401 alike for an unknown process or idea
   * and a wrong token, so that neither can be probed.
   */
  const eitherLink = createMiddleware<IdeaEnv>(async (c, next) => {
    const processId = processIdParam.schema.safeParse(c.req.param('id'))
    if (!processId.success) throw processIdParam.refuse()
    const id = ideaIdParam.schema.safeParse(c.req.param('ideaId'))
    if (!id.success) throw ideaIdParam.refuse()
    const token = bearerToken(c)
    const idea = token ? await store.ideas.get(processId.data, id.data) : null
    const link = idea && token ? await documents.linkKind(idea, token) : null
    if (!idea || !link)
      throw new ApiError(401, 'unauthorized', 'The process or idea link is needed')
    c.set('idea', idea)
    c.set('link', link)
    await next()
  })

  const fromNotes = new Hono()
    .post('/meetings/:id/ideas', access.requireRole('facilitator'), async (c) => {
      const { shapeIds, title } = await readJson(c, createIdeaRequest)
      return c.json(withCriteria(await service.createIdea(c.var.meeting, shapeIds, title)), 201)
    })
    // The process's ideas, for a facilitator of one of its meetings to choose what to vote on.
    .get('/meetings/:id/ideas', access.requireRole('facilitator'), async (c) => {
      const { processId } = c.var.meeting
      const ideas = processId ? await store.ideas.list(processId) : []
      return c.json(
        ideas
          .sort((a, b) => a.number - b.number)
          .map(({ id, number, title, status }) => ({ id, number, title, status })),
      )
    })
    .post('/meetings/:id/idea-votes', access.requireRole('facilitator'), async (c) => {
      const { ideaIds, pageId } = await readJson(c, prioritiseIdeasRequest)
      return c.json(await service.prioritiseIdeas(c.var.meeting, ideaIds, pageId), 201)
    })

  const shared = new Hono<IdeaEnv>()
    .get('/processes/:id/ideas/:ideaId', eitherLink, async (c) =>
      c.json(withCriteria(await documents.current(c.var.idea))),
    )
    .get('/processes/:id/ideas/:ideaId/document', eitherLink, async (c) => {
      const { idea, link } = c.var
      const documentId = await documents.ensure(idea)
      const ref = await store.ideas.documentOf(idea.processId, idea.id)
      return c.json({
        documentId,
        wsPath: documents.wsPath(documentId),
        access: link,
        editLinkOpen: link === 'process' && Boolean(ref?.editTokenHash),
      } satisfies IdeaDocumentInfo)
    })
    .get(
      '/processes/:id/ideas/:ideaId/description/:format',
      ideaExport,
      eitherLink,
      exportLanguage,
      async (c) => {
        const { render, type } = IDEA_EXPORT_FORMATS[c.req.valid('param').format]
        const idea = await documents.current(c.var.idea)
        c.header('Content-Type', type)
        c.header(
          'Content-Disposition',
          `attachment; filename="i-${idea.number}-${fileSlug(idea.title) || 'ide'}.${c.req.valid('param').format}"`,
        )
        c.header('Cache-Control', 'no-store')
        return c.body(render({ idea, language: c.req.valid('query').lang }))
      },
    )

  const followed = new Hono<ProcessEnv>()
    .get('/processes/:id/ideas', processLink, async (c) => {
      const ideas = await store.ideas.list(c.var.process.id)
      return c.json(
        (await Promise.all(ideas.map((idea) => documents.current(idea)))).map(withCriteria),
      )
    })
    .patch('/processes/:id/ideas/:ideaId', ideaId, processLink, async (c) => {
      const changes = await readJson(c, updateIdeaRequest)
      const { ideaId: id } = c.req.valid('param')
      await found(c.var.process.id, id)
      const idea = await store.ideas.update(c.var.process.id, id, changes)
      if (!idea) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
      return c.json(withCriteria(await documents.current(idea)))
    })
    .post('/processes/:id/ideas/:ideaId/edit-link', ideaId, processLink, async (c) => {
      const idea = await found(c.var.process.id, c.req.valid('param').ideaId)
      return c.json({ token: await documents.setEditLink(idea, true) }, 201)
    })
    .delete('/processes/:id/ideas/:ideaId/edit-link', ideaId, processLink, async (c) => {
      await documents.setEditLink(await found(c.var.process.id, c.req.valid('param').ideaId), false)
      return c.body(null, 204)
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
      return c.json(withCriteria(await documents.current(change.idea)))
    })

  return followed.route('/', shared).route('/', fromNotes)
}
