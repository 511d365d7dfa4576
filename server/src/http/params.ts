import { zValidator } from '@hono/zod-validator'
import {
  BOARD_ID_PATTERN,
  CAPABILITY_TOKEN_PATTERN,
  JOIN_CODE_PATTERN,
  meetingRole,
  pageIdSchema,
} from '@samla/shared'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { ApiError } from './errors.ts'

/** A route parameter: the shape it must have, and the error a request gets when it has not. */
export interface Param<S extends z.ZodType = z.ZodType> {
  schema: S
  refuse: () => ApiError
}

export const param = <S extends z.ZodType>(
  schema: S,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Param<S> => ({ schema, refuse: () => new ApiError(status, code, message) })

// Every id the server hands out is 128 random bits in base64url (newBoardId, newToken).
const randomId = z.string().regex(BOARD_ID_PATTERN)

export const boardIdParam = param(randomId, 400, 'invalid_board_id', 'That is not a valid board id')
export const meetingIdParam = param(
  randomId,
  400,
  'invalid_meeting_id',
  'That is not a valid meeting id',
)
export const snapshotIdParam = param(
  randomId,
  400,
  'invalid_snapshot_id',
  'That is not a valid snapshot id',
)
export const processIdParam = param(
  randomId,
  400,
  'invalid_process_id',
  'That is not a valid process id',
)
export const crossingIdParam = param(
  randomId,
  404,
  'crossing_not_found',
  'No note sent to this meeting has that id',
)
export const ideaIdParam = param(randomId, 404, 'idea_not_found', 'No such idea in this process')
export const blueItemIdParam = param(
  randomId,
  404,
  'blue_item_not_found',
  'No such item on this process’s Blå listan',
)
export const pageIdParam = param(pageIdSchema, 400, 'invalid_page_id', 'That is not a page id')
export const roleParam = param(
  meetingRole,
  400,
  'invalid_role',
  'The role must be facilitator, participant or projector',
)
// A malformed publication token is answered like an unknown one: the link is the secret.
export const publicationTokenParam = param(
  z.string().regex(CAPABILITY_TOKEN_PATTERN),
  404,
  'not_published',
  'Nothing is published at this link',
)

// Typed on a phone, so any case; a malformed code is simply not found.
export const joinCodeParam = param(
  z
    .string()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(JOIN_CODE_PATTERN)),
  404,
  'join_code_not_found',
  'No meeting with that code',
)

type Schemas<T extends Record<string, Param>> = { [K in keyof T]: T[K]['schema'] }

/**
 * Validates a route's parameters before its handler runs; the handler reads them typed from
 * `c.req.valid('param')`. A value such as `constructor` or `__proto__` is then refused like
 * any other bad value instead of reaching a lookup in an object.
 */
export function params<T extends Record<string, Param>>(shape: T) {
  const schemas = Object.fromEntries(
    Object.entries(shape).map(([key, p]) => [key, p.schema]),
  ) as Schemas<T>
  return zValidator('param', z.object(schemas), (result) => {
    if (result.success) return
    const key = result.error.issues[0]?.path[0]
    const failed = typeof key === 'string' && Object.hasOwn(shape, key) ? shape[key] : undefined
    throw (
      failed?.refuse() ?? new ApiError(400, 'invalid_parameter', 'A path parameter is not valid')
    )
  })
}
