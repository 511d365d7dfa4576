import type { ErrorBody } from '@samla/shared'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import { BoardGoneError } from '../rooms/RoomManager.ts'
import { ApiError, createErrorHandler } from './errors.ts'

const answer = async (err: Error) => {
  const app = new Hono().get('/', () => {
    throw err
  })
  app.onError(createErrorHandler(createLogger('silent')))
  const res = await app.request('/')
  return { status: res.status, code: ((await res.json()) as ErrorBody).error.code }
}

describe('the error handler', () => {
  it('answers API errors as they say, a board erased meanwhile as 404, anything else as 500', async () => {
    expect(await answer(new ApiError(409, 'image_exists', 'x'))).toEqual({
      status: 409,
      code: 'image_exists',
    })
    expect(await answer(new BoardGoneError('A'.repeat(22)))).toEqual({
      status: 404,
      code: 'board_not_found',
    })
    expect(await answer(new Error('boom'))).toEqual({ status: 500, code: 'internal_error' })
  })
})
