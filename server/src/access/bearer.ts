import { CAPABILITY_TOKEN_PATTERN } from '@samla/shared'
import type { Context } from 'hono'

/**
 * The capability token of a meeting link, sent as `Authorization: Bearer <token>`. A token
 * of the wrong shape counts as none, so it never reaches the database.
 */
export function bearerToken(c: Context): string | null {
  const token = c.req.header('authorization')?.match(/^Bearer (\S+)$/)?.[1]
  return token && CAPABILITY_TOKEN_PATTERN.test(token) ? token : null
}
