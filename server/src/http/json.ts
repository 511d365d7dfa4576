import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './errors.ts'

/** Reads a JSON body and validates it; an empty body counts as `{}`. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text()
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
