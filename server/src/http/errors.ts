import type { ErrorBody } from '@samla/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from '../logger.ts'
import { BoardGoneError } from '../rooms/RoomManager.ts'

/** An HTTP error with a stable machine-readable code, rendered as JSON by onError. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(status, { message })
  }
}

/**
 * The client dropped the connection while sending its body (a picture upload cut off). Not a
 * fault of the server: nobody is there to read the answer.
 */
export class RequestAborted extends Error {
  override readonly name = 'RequestAborted'
  constructor(options?: ErrorOptions) {
    super('The client closed the connection before its request body arrived', options)
  }
}

export function errorBody(
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } }
}

export function createErrorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError)
      return c.json(errorBody(err.code, err.message, err.issues), err.status)
    if (err instanceof HTTPException) {
      const code = err.status === 413 ? 'payload_too_large' : 'http_error'
      return c.json(errorBody(code, err.message || 'Request failed'), err.status)
    }
    // A request that needed the board while it was being erased (a delete racing it).
    if (err instanceof BoardGoneError)
      return c.json(errorBody('board_not_found', 'The board was deleted'), 404)
    if (err instanceof RequestAborted) {
      log.info('request aborted', { method: c.req.method, path: c.req.path })
      return c.json(errorBody('request_aborted', err.message), 400)
    }
    log.error('unhandled error', { path: c.req.path, err })
    return c.json(errorBody('internal_error', 'Internal server error'), 500)
  }
}
