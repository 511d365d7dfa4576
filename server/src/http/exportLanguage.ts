import { zValidator } from '@hono/zod-validator'
import { z } from 'zod'
import { EXPORT_LANGUAGES } from '../documentation/texts.ts'
import { ApiError } from './errors.ts'

/** `?lang=sv|en` of an export download (Swedish by default); anything else is a clear 400. */
export const exportLanguage = zValidator(
  'query',
  z.object({ lang: z.enum(EXPORT_LANGUAGES).default('sv') }),
  (result) => {
    if (!result.success) throw new ApiError(400, 'invalid_language', 'lang must be sv or en')
  },
)
