import type { Process } from '@samla/shared'
import { createMiddleware } from 'hono/factory'
import { ApiError } from '../http/errors.ts'
import { processIdParam } from '../http/params.ts'
import type { ProcessRepository } from '../storage/repositories.ts'
import { bearerToken } from './bearer.ts'

export type ProcessEnv = { Variables: { process: Process; processToken: string } }

/**
 * Middleware for routes under `/processes/:id`: the request must carry the process link,
 * else 401 — the same for an unknown process and a wrong token, so ids cannot be probed.
 */
export function requireProcessLink(processes: ProcessRepository) {
  return createMiddleware<ProcessEnv>(async (c, next) => {
    const id = processIdParam.schema.safeParse(c.req.param('id'))
    if (!id.success) throw processIdParam.refuse()
    const token = bearerToken(c)
    const process =
      token && (await processes.verify(id.data, token)) ? await processes.get(id.data) : null
    if (!process || !token) throw new ApiError(401, 'unauthorized', 'The process link is needed')
    c.set('process', process)
    c.set('processToken', token)
    await next()
  })
}
