import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, RequestAborted } from './errors.ts'

/**
 * Whether the client went away while the body was on its way: its socket is gone (the
 * request's signal is aborted once the server notices, the incoming stream may say so first).
 */
function clientGone(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return c.req.raw.signal.aborted || incoming?.destroyed === true
}

/** Reads the body; a client that drops the connection meanwhile is a RequestAborted. */
async function read<T>(c: Context, body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (err) {
    if (clientGone(c)) throw new RequestAborted({ cause: err })
    throw err
  }
}

export const readBytes = async (c: Context): Promise<Uint8Array> =>
  new Uint8Array(await read(c, () => c.req.arrayBuffer()))

/** Reads a JSON body and validates it; an empty body counts as `{}`. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await read(c, () => c.req.text())
  let value: unknown = {}
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text)
    } catch {
      throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON')
    }
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new ApiError(400, 'invalid_body', 'The request body is not valid', issues)
  }
  return parsed.data
}
