import { type BoardAccess, createBoardRequest } from '@samla/shared'
import { Hono } from 'hono'
import { newBoardId, requireBoard, toBoard } from '../boards.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import type { MeetingStore } from '../meetings/store.ts'
import type { Storage } from '../storage/types.ts'

export function boardRoutes(
  storage: Storage,
  meetings: MeetingStore,
  publicUrl: string | undefined,
) {
  const origin = (url: string) => publicUrl ?? new URL(url).origin
  return new Hono()
    .post('/', async (c) => {
      const body = await readJson(c, createBoardRequest)
      const record = { id: newBoardId(), title: body.title ?? '', createdAt: new Date() }
      await storage.createBoard(record)
      return c.json(toBoard(record, origin(c.req.url)), 201)
    })
    .get('/:id', async (c) => {
      const record = await requireBoard(storage, c.req.param('id'))
      return c.json(toBoard(record, origin(c.req.url)))
    })
    .get('/:id/access', async (c) => {
      const record = await requireBoard(storage, c.req.param('id'))
      const meeting = meetings.byBoard(record.id)
      if (!meeting)
        return c.json({ role: 'editor', meetingId: null, meeting: null } satisfies BoardAccess)
      const token = c.req.header('authorization')?.match(/^Bearer (\S+)$/)?.[1]
      const role = token ? meetings.roleOf(meeting.id, token) : null
      if (!role)
        throw new ApiError(401, 'unauthorized', 'This board needs the link it was shared with')
      const { id, title, group, date, format, anonymous } = meeting
      return c.json({
        role,
        meetingId: id,
        meeting: { id, title, group, date, format, anonymous },
      } satisfies BoardAccess)
    })
}
