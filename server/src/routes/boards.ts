import { createBoardRequest } from '@samla/shared'
import { Hono } from 'hono'
import { newBoardId, requireBoard, toBoard } from '../boards.ts'
import { readJson } from '../http/json.ts'
import type { Storage } from '../storage/types.ts'

export function boardRoutes(storage: Storage, publicUrl: string | undefined) {
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
}
