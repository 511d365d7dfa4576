import {
  changeBlueListStatusRequest,
  createBlueListFromNotesRequest,
  createBlueListItemRequest,
  updateBlueListItemRequest,
} from '@samla/shared'
import { Hono } from 'hono'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { type ProcessEnv, requireProcessLink } from '../access/processAccess.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { blueItemIdParam, params } from '../http/params.ts'
import { itemFromNotes, sourceOf } from '../process/blueList.ts'
import type { ProcessService } from '../process/service.ts'
import type { SamlaStore } from '../storage/store.ts'

export interface BlueListRouteDeps {
  store: SamlaStore
  service: ProcessService
  access: MeetingAccess
}

const notFound = () =>
  new ApiError(404, 'blue_item_not_found', 'No such item on this process’s Blå listan')

/**
 * Blå listan of a process: only the process link keeps it (lists, writes, moves and deletes
 * items); a facilitator of one of its meetings adds the notes selected on that board.
 */
export function blueListRoutes({ store, service, access }: BlueListRouteDeps) {
  const processLink = requireProcessLink(store.processes)
  const itemId = params({ itemId: blueItemIdParam })

  const fromNotes = new Hono().post(
    '/meetings/:id/blue-list',
    access.requireRole('facilitator'),
    async (c) => {
      const { shapeIds } = await readJson(c, createBlueListFromNotesRequest)
      const item = await itemFromNotes(service, c.var.meeting, shapeIds)
      return c.json(await store.blueList.create(item), 201)
    },
  )

  const kept = new Hono<ProcessEnv>()
    .get('/processes/:id/blue-list', processLink, async (c) =>
      c.json(await store.blueList.list(c.var.process.id)),
    )
    .post('/processes/:id/blue-list', processLink, async (c) => {
      const { need, raisedTo, ideaId, meetingId } = await readJson(c, createBlueListItemRequest)
      const processId = c.var.process.id
      const source = await sourceOf(store, processId, { ideaId, meetingId })
      const item = await store.blueList.create({
        processId,
        need,
        needFromSource: false,
        source,
        raisedTo,
      })
      return c.json(item, 201)
    })
    .patch('/processes/:id/blue-list/:itemId', itemId, processLink, async (c) => {
      const changes = await readJson(c, updateBlueListItemRequest)
      const item = await store.blueList.update(
        c.var.process.id,
        c.req.valid('param').itemId,
        changes,
      )
      if (!item) throw notFound()
      return c.json(item)
    })
    .post('/processes/:id/blue-list/:itemId/status', itemId, processLink, async (c) => {
      const { status, comment } = await readJson(c, changeBlueListStatusRequest)
      const change = await store.blueList.changeStatus(
        c.var.process.id,
        c.req.valid('param').itemId,
        status,
        comment,
      )
      if (!change.ok && change.reason === 'not_found') throw notFound()
      if (!change.ok)
        throw new ApiError(
          409,
          'invalid_transition',
          `An item on Blå listan cannot go from ${change.from} to ${status}`,
        )
      return c.json(change.item)
    })
    .delete('/processes/:id/blue-list/:itemId', itemId, processLink, async (c) => {
      if (!(await store.blueList.delete(c.var.process.id, c.req.valid('param').itemId)))
        throw notFound()
      return c.body(null, 204)
    })

  return kept.route('/', fromNotes)
}
