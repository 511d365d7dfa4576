import {
  type BlueListItem,
  type BlueListStatus,
  blueListItemSchema,
  type CreateBlueListItemRequest,
  type UpdateBlueListItemRequest,
} from '@samla/shared'
import { z } from 'zod'
import { bearer, request } from '../api.ts'

/** Client calls for Blå listan; the process link (or a meeting's facilitator link) in Authorization. */
const listPath = (processId: string, rest = '') =>
  `/api/processes/${encodeURIComponent(processId)}/blue-list${rest}`
const itemPath = (processId: string, id: string, rest = '') =>
  listPath(processId, `/${encodeURIComponent(id)}${rest}`)

export async function putNotesOnBlueList(
  meetingId: string,
  token: string,
  shapeIds: string[],
): Promise<BlueListItem> {
  return blueListItemSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/blue-list`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ shapeIds }),
    }),
  )
}

export async function listBlueList(processId: string, token: string): Promise<BlueListItem[]> {
  return z
    .array(blueListItemSchema)
    .parse(await request(listPath(processId), { headers: bearer(token) }))
}

export async function addToBlueList(
  processId: string,
  token: string,
  body: CreateBlueListItemRequest,
): Promise<BlueListItem> {
  return blueListItemSchema.parse(
    await request(listPath(processId), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

export async function updateBlueListItem(
  processId: string,
  token: string,
  id: string,
  body: UpdateBlueListItemRequest,
): Promise<BlueListItem> {
  return blueListItemSchema.parse(
    await request(itemPath(processId, id), {
      method: 'PATCH',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

export async function changeBlueListStatus(
  processId: string,
  token: string,
  id: string,
  status: BlueListStatus,
  comment: string,
): Promise<BlueListItem> {
  return blueListItemSchema.parse(
    await request(itemPath(processId, id, '/status'), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ status, comment }),
    }),
  )
}

export async function deleteBlueListItem(processId: string, token: string, id: string) {
  await request(itemPath(processId, id), { method: 'DELETE', headers: bearer(token) })
}
