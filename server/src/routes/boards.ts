import { type BoardAccess, createBoardRequest } from '@samla/shared'
import { Hono, type MiddlewareHandler } from 'hono'
import { bearerToken } from '../access/bearer.ts'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { newBoardId, requireBoard, toBoard } from '../boards.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { boardIdParam, params } from '../http/params.ts'
import type { Storage } from '../storage/types.ts'

export interface BoardRouteDeps {
  storage: Storage
  access: MeetingAccess
  publicUrl: string | undefined
  /** Per-address limit on creating boards (http/rateLimit.ts). */
  createLimit: MiddlewareHandler
}

export function boardRoutes({ storage, access, publicUrl, createLimit }: BoardRouteDeps) {
  const origin = (url: string) => publicUrl ?? new URL(url).origin
  const boardId = params({ id: boardIdParam })
  return new Hono()
    .post('/', createLimit, async (c) => {
      const body = await readJson(c, createBoardRequest)
      const record = { id: newBoardId(), title: body.title ?? '', createdAt: new Date() }
      await storage.createBoard(record)
      return c.json(toBoard(record, origin(c.req.url)), 201)
    })
    .get('/:id', boardId, async (c) => {
      const record = await requireBoard(storage, c.req.valid('param').id)
      return c.json(toBoard(record, origin(c.req.url)))
    })
    .get('/:id/access', boardId, async (c) => {
      const record = await requireBoard(storage, c.req.valid('param').id)
      const found = await access.onBoard(record.id, bearerToken(c))
      if (!found)
        throw new ApiError(401, 'unauthorized', 'This board needs the link it was shared with')
      // An idea's idébeskrivning is a document, not a board to draw on (ideas/documents.ts).
      if ('idea' in found && found.idea)
        throw new ApiError(404, 'board_not_found', 'No board with that id')
      if (!found.meeting)
        return c.json({ role: 'editor', meetingId: null, meeting: null } satisfies BoardAccess)
      const { id, title, group, date, format, anonymous, processId } = found.meeting
      return c.json({
        role: found.role,
        meetingId: id,
        meeting: { id, title, group, date, format, anonymous, processId },
      } satisfies BoardAccess)
    })
}
