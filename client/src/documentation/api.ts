import {
  type DocumentationView,
  documentationViewSchema,
  type LiveAttendance,
  liveAttendanceSchema,
  type RecordTexts,
  type RecordTextsView,
  recordTextsViewSchema,
  type Snapshot,
  type SnapshotComparison,
  type SnapshotSummary,
  snapshotComparisonSchema,
  snapshotSchema,
  snapshotSummarySchema,
} from '@samla/shared'
import { z } from 'zod'
import { ApiError, bearer, request } from '../api.ts'

/** Whose documentation: a facilitator's (meeting id and token) or a published link's. */
export type DocumentationSource =
  | { kind: 'meeting'; meetingId: string; token: string }
  | { kind: 'published'; token: string }

const base = (source: DocumentationSource) =>
  source.kind === 'meeting'
    ? `/api/meetings/${encodeURIComponent(source.meetingId)}`
    : `/api/published/${encodeURIComponent(source.token)}`
const auth = (source: DocumentationSource) =>
  source.kind === 'meeting' ? bearer(source.token) : {}

export async function getDocumentation(source: DocumentationSource): Promise<DocumentationView> {
  return documentationViewSchema.parse(
    await request(`${base(source)}/documentation`, { headers: auth(source) }),
  )
}

/**
 * A file of the API as a blob URL: pictures and downloads need the facilitator's token in a
 * header, which an <img src> or <a href> cannot send.
 */
export async function fetchBlobUrl(source: DocumentationSource, path: string): Promise<string> {
  const res = await fetch(path, { headers: auth(source) })
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
  return URL.createObjectURL(await res.blob())
}

/** The file name the server gave a download (Content-Disposition). */
export async function download(source: DocumentationSource, path: string): Promise<void> {
  const res = await fetch(path, { headers: auth(source) })
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
  const name = res.headers.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? 'samla'
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function listSnapshots(meetingId: string, token: string): Promise<SnapshotSummary[]> {
  return z.array(snapshotSummarySchema).parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/snapshots`, {
      headers: bearer(token),
    }),
  )
}

export async function takeSnapshot(
  meetingId: string,
  token: string,
  body: { label?: string; reason?: 'manual' | 'end' },
): Promise<Snapshot> {
  return snapshotSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/snapshots`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

/** A new plain board with the snapshot's content; returns its URL. */
export async function restoreSnapshot(
  meetingId: string,
  token: string,
  snapshotId: string,
): Promise<string> {
  const body = z
    .object({ url: z.string() })
    .parse(
      await request(
        `/api/meetings/${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(snapshotId)}/restore`,
        { method: 'POST', headers: bearer(token) },
      ),
    )
  return body.url
}

/** Publishes (returns the public URL) or revokes the documentation's public link. */
export async function setPublished(
  meetingId: string,
  token: string,
  published: boolean,
): Promise<string | null> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/publication`
  if (!published) {
    await request(path, { method: 'DELETE', headers: bearer(token) })
    return null
  }
  return z
    .object({ url: z.string() })
    .parse(await request(path, { method: 'PUT', headers: bearer(token) })).url
}

export async function getSnapshot(
  meetingId: string,
  token: string,
  snapshotId: string,
): Promise<Snapshot> {
  return snapshotSchema.parse(
    await request(
      `/api/meetings/${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(snapshotId)}`,
      {
        headers: bearer(token),
      },
    ),
  )
}

/** The Yjs state a snapshot kept. */
export async function getSnapshotState(
  meetingId: string,
  token: string,
  snapshotId: string,
): Promise<Uint8Array> {
  const res = await fetch(
    `/api/meetings/${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(snapshotId)}/state`,
    { headers: bearer(token) },
  )
  if (!res.ok) throw new ApiError(res.status, `snapshot state: ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

export async function compareSnapshot(
  meetingId: string,
  token: string,
  snapshotId: string,
): Promise<SnapshotComparison> {
  return snapshotComparisonSchema.parse(
    await request(
      `/api/meetings/${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(snapshotId)}/compare`,
      { headers: bearer(token) },
    ),
  )
}

/** The facilitator's draft of the record's own texts, and what the public link shows. */
export async function getRecordTexts(meetingId: string, token: string): Promise<RecordTextsView> {
  return recordTextsViewSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/record-texts`, {
      headers: bearer(token),
    }),
  )
}

export async function saveRecordTexts(
  meetingId: string,
  token: string,
  draft: RecordTexts,
): Promise<void> {
  await request(`/api/meetings/${encodeURIComponent(meetingId)}/record-texts`, {
    method: 'PUT',
    headers: bearer(token),
    body: JSON.stringify(draft),
  })
}

/** Who took part, as counted (before corrections), and who is on the board now. */
export async function getAttendance(meetingId: string, token: string): Promise<LiveAttendance> {
  return liveAttendanceSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(meetingId)}/attendance`, {
      headers: bearer(token),
    }),
  )
}
