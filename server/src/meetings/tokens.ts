import crypto from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@samla/shared'

/** 128 random bits: a link nobody can guess. */
export const newToken = () => crypto.randomBytes(16).toString('base64url')
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

export function newJoinCode(): string {
  let code = ''
  for (const byte of crypto.randomBytes(JOIN_CODE_LENGTH))
    code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]
  return code
}
