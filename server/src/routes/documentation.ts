import {
  CONTROLS_MAP,
  correctedAttendance,
  createSnapshotRequest,
  type DocumentationView,
  EMPTY_RECORD_TEXTS,
  type Meeting,
  PUBLISHED_PATH_PREFIX,
  parseControls,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { compareContent } from '../board/compare.ts'
import { extractContent } from '../board/extract.ts'
import { newBoardId, toBoard } from '../boards.ts'
import { EXPORT_FORMATS, type ExportFormat, exportFileName } from '../documentation/exports.ts'
import { checkImage } from '../documentation/images.ts'
import { localTime } from '../documentation/localTime.ts'
import type { MeetingRecordParts } from '../documentation/recordExports.ts'
import type { ExportLanguage } from '../documentation/texts.ts'
import { ApiError, errorBody } from '../http/errors.ts'
import { exportLanguage as language } from '../http/exportLanguage.ts'
import { readBytes, readJson } from '../http/json.ts'
import {
  pageIdParam,
  param,
  params,
  publicationTokenParam,
  snapshotIdParam,
} from '../http/params.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import { takeSnapshot } from '../snapshots/take.ts'
import type {
  MeetingRecordRepository,
  MeetingRepository,
  SnapshotRepository,
  VoteRoundRepository,
} from '../storage/repositories.ts'
import type { Storage } from '../storage/types.ts'

/** Pictures may only draw; they are never documents that run or fetch anything. */
const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

const exportFormatParam = param(
  z.enum(Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]]),
  404,
  'unknown_format',
  'Formats: md, html, csv, json',
)

export interface DocumentationDeps {
  meetings: MeetingRepository
  access: MeetingAccess
  snapshots: SnapshotRepository
  /** Every voting round, documented whatever the snapshot's controls show. */
  voteRounds: VoteRoundRepository
  /** Who took part and the organisers' texts: the draft here, the published copy for the link. */
  records: MeetingRecordRepository
  rooms: RoomManager
  storage: Storage
  publicUrl: string | undefined
  /** The deployment's time zone, for the times in exports and restored boards' names. */
  timeZone: string
  maxImageBytes: number
  /** Most pixels a PNG picture may have; DEFAULT_MAX_IMAGE_PIXELS (images.ts) if not set. */
  maxImagePixels?: number
}

/**
 * Snapshots, the documentation made from them, its exports and its publication. Everything
 * here is the facilitator's, except the published documentation, which anyone with its
 * link may read until it is revoked.
 */
export function documentationRoutes(deps: DocumentationDeps) {
  const { meetings, snapshots, rooms, storage } = deps
  const origin = (c: Context) => deps.publicUrl ?? new URL(c.req.url).origin
  const facilitator = deps.access.requireRole('facilitator')
  /** The meeting whose documentation is published at `:token`, for anyone with the link. */
  const published = createMiddleware<{ Variables: { meeting: Meeting; token: string } }>(
    async (c, next) => {
      const token = publicationTokenParam.schema.safeParse(c.req.param('token'))
      const meeting = token.success ? await meetings.byPublicationToken(token.data) : null
      if (!meeting || !token.success) throw publicationTokenParam.refuse()
      c.set('meeting', meeting)
      c.set('token', token.data)
      await next()
    },
  )
  const snapshotId = params({ sid: snapshotIdParam })
  const imageIds = params({ sid: snapshotIdParam, pageId: pageIdParam })
  const exportFormat = params({ format: exportFormatParam })
  const snapshotOf = async (meeting: Meeting, id: string) => {
    const snapshot = await snapshots.get(meeting.id, id)
    if (!snapshot) throw new ApiError(404, 'snapshot_not_found', 'No such snapshot')
    return snapshot
  }

  /** Runs `read` on the meeting's live board, loading it if nobody is on it. */
  const withRoom = async <T>(
    meeting: Meeting,
    read: (room: Awaited<ReturnType<RoomManager['acquire']>>) => Promise<T> | T,
  ) => {
    const room = await rooms.acquire(meeting.boardId)
    try {
      return await read(room)
    } finally {
      rooms.release(meeting.boardId)
    }
  }

  /** The live board's text and whether the meeting runs anonymously right now. */
  const liveContent = (meeting: Meeting) =>
    withRoom(meeting, (room) => {
      const map = room.doc.getMap<unknown>(CONTROLS_MAP)
      const controls = parseControls((key) => map.get(key), meeting.anonymous)
      return { content: extractContent(room.doc, controls), anonymous: controls.anonymous }
    })

  /**
   * The record: the latest snapshot's text (the board as it was at the end or the last phase
   * change), or the live board's if none was taken yet; the newest picture of each phase.
   */
  const documentation = async (meeting: Meeting) => {
    const list = await snapshots.list(meeting.id)
    const latest = list[0] ? await snapshots.get(meeting.id, list[0].id) : null
    const live = latest ? null : await liveContent(meeting)
    const content = latest?.content ?? live?.content ?? { phases: [] }
    const images = new Map<string, { snapshotId: string }>()
    for (const snapshot of list) {
      for (const pageId of snapshot.images)
        if (!images.has(pageId)) images.set(pageId, { snapshotId: snapshot.id })
    }
    const anonymous =
      live?.anonymous ??
      content.phases.every((p) => p.frames.every((f) => f.notes.every((n) => n.author === null)))
    const votingRounds = await deps.voteRounds.list(meeting.id)
    return { content, latest, images, anonymous, votingRounds }
  }

  /**
   * The organisers' parts: the draft and the live count for the facilitator; for the public
   * link the copy made at the last publication, so that it changes only when they publish.
   */
  const recordParts = async (
    meeting: Meeting,
    which: 'draft' | 'published',
  ): Promise<MeetingRecordParts & { unpublished: boolean }> => {
    const { draft, published } = await deps.records.texts(meeting.id)
    if (which === 'published') {
      if (!published)
        return {
          texts: EMPTY_RECORD_TEXTS,
          attendance: { count: 0, organisations: [], sectors: [] },
          unpublished: false,
        }
      return {
        texts: published.texts,
        attendance: correctedAttendance(published.attendance, published.texts),
        unpublished: false,
      }
    }
    const counted = await deps.records.attendance(meeting.id)
    return {
      texts: draft,
      attendance: correctedAttendance(counted, draft),
      unpublished:
        published !== null &&
        (JSON.stringify(published.texts) !== JSON.stringify(draft) ||
          JSON.stringify(published.attendance) !== JSON.stringify(counted)),
    }
  }

  const view = async (
    meeting: Meeting,
    base: string,
    publishedUrl: string | null,
    which: 'draft' | 'published',
  ) => {
    const doc = await documentation(meeting)
    const record = await recordParts(meeting, which)
    const body: DocumentationView = {
      meeting: {
        title: meeting.title,
        group: meeting.group,
        date: meeting.date,
        format: meeting.format,
      },
      anonymous: doc.anonymous,
      source: doc.latest
        ? { snapshotId: doc.latest.id, takenAt: doc.latest.createdAt, label: doc.latest.label }
        : null,
      content: doc.content,
      votingRounds: doc.votingRounds,
      record: { texts: record.texts, attendance: record.attendance },
      unpublishedChanges: record.unpublished,
      images: doc.content.phases
        .filter((p) => doc.images.has(p.pageId))
        .map((p) => ({
          pageId: p.pageId,
          path: `${base}/images/${doc.images.get(p.pageId)?.snapshotId}/${encodeURIComponent(p.pageId)}`,
        })),
      exports: {
        md: `${base}/export/md`,
        html: `${base}/export/html`,
        csv: `${base}/export/csv`,
        json: `${base}/export/json`,
      },
      publishedUrl,
    }
    return body
  }

  const download = async (
    c: Context,
    meeting: Meeting,
    format: ExportFormat,
    language: ExportLanguage,
    which: 'draft' | 'published',
  ) => {
    const doc = await documentation(meeting)
    const { unpublished: _, ...record } = await recordParts(meeting, which)
    const images = new Map<string, { mime: string; data: Uint8Array }>()
    for (const [pageId, { snapshotId }] of doc.images) {
      const image = await snapshots.image(meeting.id, snapshotId, pageId)
      if (image) images.set(pageId, image)
    }
    const { render, type } = EXPORT_FORMATS[format]
    const text = render({
      meeting,
      content: doc.content,
      takenAt: doc.latest?.createdAt ?? null,
      images,
      language,
      anonymous: doc.anonymous,
      votingRounds: doc.votingRounds,
      timeZone: deps.timeZone,
      record,
    })
    const name = exportFileName(meeting, format)
    c.header('Content-Type', type)
    c.header('Content-Disposition', `attachment; filename="${name}"`)
    c.header('Cache-Control', 'no-store')
    // The HTML export is a download, never a page of this origin.
    c.header('Content-Security-Policy', IMAGE_CSP)
    return c.body(text)
  }

  const image = async (c: Context, meeting: Meeting, ids: { sid: string; pageId: string }) => {
    const found = await snapshots.image(meeting.id, ids.sid, ids.pageId)
    if (!found) throw new ApiError(404, 'image_not_found', 'No picture of that phase')
    c.header('Content-Type', found.mime)
    c.header('Content-Security-Policy', IMAGE_CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Cache-Control', 'private, max-age=31536000, immutable')
    return c.body(found.data as Uint8Array<ArrayBuffer>)
  }

  const meetingBase = (meeting: Meeting) => `/api/meetings/${meeting.id}`
  const publishedBase = (token: string) => `/api/published/${token}`

  return new Hono()
    .get('/meetings/:id/snapshots', facilitator, async (c) =>
      c.json(await snapshots.list(c.var.meeting.id)),
    )
    .post('/meetings/:id/snapshots', facilitator, async (c) => {
      const meeting = c.var.meeting
      const { label, reason } = await readJson(c, createSnapshotRequest)
      const snapshot = await withRoom(meeting, (room) =>
        takeSnapshot(snapshots, meeting, room, { reason, label }),
      )
      return c.json(snapshot, 201)
    })
    .get('/meetings/:id/snapshots/:sid', facilitator, snapshotId, async (c) =>
      c.json(await snapshotOf(c.var.meeting, c.req.valid('param').sid)),
    )
    .get('/meetings/:id/snapshots/:sid/state', facilitator, snapshotId, async (c) => {
      const state = await snapshots.state(c.var.meeting.id, c.req.valid('param').sid)
      if (!state) throw new ApiError(404, 'snapshot_not_found', 'No such snapshot')
      c.header('Content-Type', 'application/octet-stream')
      return c.body(state as Uint8Array<ArrayBuffer>)
    })
    .get('/meetings/:id/snapshots/:sid/compare', facilitator, snapshotId, async (c) => {
      const meeting = c.var.meeting
      const snapshot = await snapshotOf(meeting, c.req.valid('param').sid)
      const now = await liveContent(meeting)
      return c.json(compareContent(snapshot.content, now.content))
    })
    .post('/meetings/:id/snapshots/:sid/restore', facilitator, snapshotId, async (c) => {
      const meeting = c.var.meeting
      const snapshot = await snapshotOf(meeting, c.req.valid('param').sid)
      const state = await snapshots.state(meeting.id, snapshot.id)
      if (!state) throw new ApiError(404, 'snapshot_not_found', 'No such snapshot')
      // A new plain board holding the snapshot's state; the live board is not touched.
      const record = {
        id: newBoardId(),
        title: `${meeting.title} (${localTime(snapshot.createdAt, deps.timeZone)})`,
        createdAt: new Date(),
      }
      await storage.createBoard(record)
      await storage.appendUpdates(record.id, [state])
      return c.json(toBoard(record, origin(c)), 201)
    })
    .put(
      '/meetings/:id/snapshots/:sid/images/:pageId',
      facilitator,
      imageIds,
      bodyLimit({
        maxSize: deps.maxImageBytes,
        onError: (c) =>
          c.json(
            errorBody('image_too_large', `Images are limited to ${deps.maxImageBytes} bytes`),
            413,
          ),
      }),
      async (c) => {
        const { sid, pageId } = c.req.valid('param')
        const snapshot = await snapshotOf(c.var.meeting, sid)
        if (!snapshot.content.phases.some((p) => p.pageId === pageId))
          throw new ApiError(404, 'phase_not_found', 'The snapshot has no such phase')
        const mime = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? ''
        const checked = checkImage(mime, await readBytes(c), deps.maxImageBytes, {
          maxPixels: deps.maxImagePixels,
        })
        if (!checked.ok) {
          const status =
            checked.code === 'image_too_large'
              ? 413
              : checked.code === 'unsupported_media_type'
                ? 415
                : 400
          throw new ApiError(status, checked.code, checked.message)
        }
        // A snapshot never changes: its picture of a phase is written once.
        if (!(await snapshots.putImage(snapshot.id, pageId, checked.mime, checked.data)))
          throw new ApiError(
            409,
            'image_exists',
            'That phase of the snapshot has a picture already',
          )
        return c.body(null, 201)
      },
    )
    .get('/meetings/:id/images/:sid/:pageId', facilitator, imageIds, (c) =>
      image(c, c.var.meeting, c.req.valid('param')),
    )
    .get('/meetings/:id/documentation', facilitator, async (c) => {
      const meeting = c.var.meeting
      const token = await meetings.publicationToken(meeting.id)
      const url = token ? `${origin(c)}${PUBLISHED_PATH_PREFIX}${token}` : null
      return c.json(await view(meeting, meetingBase(meeting), url, 'draft'))
    })
    .get('/meetings/:id/export/:format', facilitator, exportFormat, language, (c) =>
      download(c, c.var.meeting, c.req.valid('param').format, c.req.valid('query').lang, 'draft'),
    )
    .put('/meetings/:id/publication', facilitator, async (c) => {
      const id = c.var.meeting.id
      // Publishing again is how the texts and the count reach the public link.
      const { draft } = await deps.records.texts(id)
      await deps.records.publish(id, {
        texts: draft,
        attendance: await deps.records.attendance(id),
      })
      const token = await meetings.publish(id)
      return c.json({ url: `${origin(c)}${PUBLISHED_PATH_PREFIX}${token}` })
    })
    .delete('/meetings/:id/publication', facilitator, async (c) => {
      await meetings.unpublish(c.var.meeting.id)
      return c.body(null, 204)
    })
    .get('/published/:token/documentation', published, async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json(await view(c.var.meeting, publishedBase(c.var.token), null, 'published'))
    })
    .get('/published/:token/export/:format', published, exportFormat, language, (c) =>
      download(
        c,
        c.var.meeting,
        c.req.valid('param').format,
        c.req.valid('query').lang,
        'published',
      ),
    )
    .get('/published/:token/images/:sid/:pageId', published, imageIds, (c) =>
      image(c, c.var.meeting, c.req.valid('param')),
    )
}
