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

/**
 * Resolves never, rejects with RequestAborted once the client is gone: a body whose client
 * left before it was read (while its handler awaited the database, say) never ends.
 */
function whenGone(c: Context): { gone: Promise<never>; cancel(): void } {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  const signal = c.req.raw.signal
  let cancel = () => {}
  const gone = new Promise<never>((_, reject) => {
    const onGone = () => reject(new RequestAborted())
    const onClose = () => {
      if (!incoming?.complete) onGone()
    }
    signal.addEventListener('abort', onGone, { once: true })
    incoming?.once('close', onClose)
    cancel = () => {
      signal.removeEventListener('abort', onGone)
      incoming?.off('close', onClose)
    }
  })
  gone.catch(() => {})
  return { gone, cancel }
}

/** Reads the body; a client that drops the connection before or meanwhile is a RequestAborted. */
async function read<T>(c: Context, body: () => Promise<T>): Promise<T> {
  // Only the signal: a small body may have been read off the socket (and the stream closed)
  // before the handler asked for it.
  if (c.req.raw.signal.aborted) throw new RequestAborted()
  const { gone, cancel } = whenGone(c)
  try {
    return await Promise.race([body(), gone])
  } catch (err) {
    if (err instanceof RequestAborted) throw err
    if (clientGone(c)) throw new RequestAborted({ cause: err })
    throw err
  } finally {
    cancel()
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
