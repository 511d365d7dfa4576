/**
 * Board ids carry 128 random bits (16 bytes, base64url without padding = 22 characters),
 * so that knowing one board's URL says nothing about any other.
 */
export const BOARD_ID_BYTES = 16
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function isBoardId(value: string): boolean {
  return BOARD_ID_PATTERN.test(value)
}
