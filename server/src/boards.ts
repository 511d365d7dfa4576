import crypto from 'node:crypto'
import {
  BOARD_ID_BYTES,
  BOARD_PATH_PREFIX,
  type Board,
  isBoardId,
  WS_PATH_PREFIX,
} from '@samla/shared'
import { ApiError } from './http/errors.ts'
import type { BoardRecord, Storage } from './storage/types.ts'

export function newBoardId(): string {
  return crypto.randomBytes(BOARD_ID_BYTES).toString('base64url')
}

export type BoardLookup = { ok: true; board: BoardRecord } | { ok: false; status: 400 | 404 }

/** Shared by the HTTP API and the WebSocket upgrade: invalid ids never reach the database. */
export async function lookUpBoard(storage: Storage, id: string): Promise<BoardLookup> {
  if (!isBoardId(id)) return { ok: false, status: 400 }
  const board = await storage.getBoard(id)
  return board ? { ok: true, board } : { ok: false, status: 404 }
}

export async function requireBoard(storage: Storage, id: string): Promise<BoardRecord> {
  const found = await lookUpBoard(storage, id)
  if (found.ok) return found.board
  if (found.status === 400)
    throw new ApiError(400, 'invalid_board_id', 'That is not a valid board id')
  throw new ApiError(404, 'board_not_found', 'No board with that id')
}

export function toBoard(record: BoardRecord, origin: string): Board {
  return {
    id: record.id,
    title: record.title,
    createdAt: record.createdAt.toISOString(),
    url: `${origin}${BOARD_PATH_PREFIX}${record.id}`,
    wsPath: `${WS_PATH_PREFIX}${record.id}`,
  }
}
