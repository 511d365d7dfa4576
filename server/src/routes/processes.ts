import {
  addProcessMeetingRequest,
  adoptMeetingRequest,
  createProcessRequest,
  type Meeting,
  PROCESS_PATH_PREFIX,
  type Process,
  type ProcessOverview,
  PUBLISHED_PROCESS_PATH_PREFIX,
  updateProcessRequest,
} from '@samla/shared'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { type ProcessEnv, requireProcessLink } from '../access/processAccess.ts'
import { type ExportFormat, fileSlug } from '../documentation/exports.ts'
import { PROCESS_EXPORT_FORMATS } from '../documentation/processExports.ts'
import type { ExportLanguage } from '../documentation/texts.ts'
import { ApiError } from '../http/errors.ts'
import { exportLanguage as language } from '../http/exportLanguage.ts'
import { readJson } from '../http/json.ts'
import { param, params, publicationTokenParam } from '../http/params.ts'
import { buildProcessRecord } from '../process/record.ts'
import { type ProcessService, statusOf, today } from '../process/service.ts'
import type { SamlaStore } from '../storage/store.ts'
import { meetingLinks, parseMeetingLink } from './links.ts'

const exportFormat = params({
  format: param(
    z.enum(['md', 'html', 'csv', 'json']),
    404,
    'unknown_format',
    'Formats: md, html, csv, json',
  ),
})

export interface ProcessRouteDeps {
  store: SamlaStore
  service: ProcessService
  publicUrl: string | undefined
  createLimit: MiddlewareHandler
  /** Where the exports read times (SAMLA_TIME_ZONE). */
  timeZone?: string
}

/**
 * A Kraftsamling process: its timeline of meetings, the notes sent across and their answers,
 * and its publication. Everything under `/processes/:id` needs the process link.
 */
export function processRoutes({
  store,
  service,
  publicUrl,
  createLimit,
  timeZone,
}: ProcessRouteDeps) {
  const origin = (c: Context) => publicUrl ?? new URL(c.req.url).origin
  const processLink = requireProcessLink(store.processes)

  const timelineOf = async (processId: string) => {
    const now = today()
    const meetings = await store.meetings.inProcess(processId)
    return Promise.all(
      meetings.map(async (meeting) => {
        const snapshots = await store.snapshots.list(meeting.id)
        return {
          meeting,
          status: statusOf(
            meeting,
            snapshots.some((s) => s.reason === 'end'),
            now,
          ),
          snapshots: snapshots.length,
        }
      }),
    )
  }

  /** The meeting a new one carries forward from: the same group's latest before its date. */
  const previousOf = async (processId: string, group: Meeting['group'], date: string) => {
    const same = (await store.meetings.inProcess(processId)).filter((m) => m.group === group)
    const before = same.filter((m) => m.date <= date)
    return (before.at(-1) ?? null)?.id ?? null
  }

  /** The process published at `:token`, for anyone with the link until it is revoked. */
  const published = createMiddleware<ProcessEnv>(async (c, next) => {
    const token = publicationTokenParam.schema.safeParse(c.req.param('token'))
    const process = token.success ? await store.processes.byPublicationToken(token.data) : null
    if (!process || !token.success) throw publicationTokenParam.refuse()
    c.set('process', process)
    await next()
  })

  const download = async (
    c: Context,
    process: Process,
    format: ExportFormat,
    lang: ExportLanguage,
    withUnsigned = false,
  ) => {
    const { render, type } = PROCESS_EXPORT_FORMATS[format]
    const record = await buildProcessRecord(store, process, { withUnsigned })
    const text = render({ record, language: lang, timeZone })
    c.header('Content-Type', type)
    c.header(
      'Content-Disposition',
      `attachment; filename="${fileSlug(process.name) || 'kraftsamling'}.${format}"`,
    )
    c.header('Cache-Control', 'no-store')
    // The HTML export is a download, never a page of this origin.
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    )
    return c.body(text)
  }

  return new Hono<ProcessEnv>()
    .post('/processes', createLimit, async (c) => {
      const body = await readJson(c, createProcessRequest)
      const { process, token } = await store.processes.create(body)
      return c.json(
        { process, link: `${origin(c)}${PROCESS_PATH_PREFIX}${process.id}#k=${token}` },
        201,
      )
    })
    .get('/processes/:id', processLink, async (c) => {
      const process = c.var.process
      const token = await store.processes.publicationToken(process.id)
      return c.json({
        process,
        timeline: await timelineOf(process.id),
        crossings: await store.crossings.ofProcess(process.id),
        publishedLink: token ? `${origin(c)}${PUBLISHED_PROCESS_PATH_PREFIX}${token}` : null,
      } satisfies ProcessOverview)
    })
    .patch('/processes/:id', processLink, async (c) => {
      const changes = await readJson(c, updateProcessRequest)
      return c.json(await store.processes.update(c.var.process.id, changes))
    })
    .delete('/processes/:id', processLink, async (c) => {
      await service.eraseProcess(c.var.process.id)
      return c.body(null, 204)
    })
    .post('/processes/:id/meetings', processLink, createLimit, async (c) => {
      const { carryForward, ...request } = await readJson(c, addProcessMeetingRequest)
      const processId = c.var.process.id
      const carryFrom = carryForward
        ? await previousOf(processId, request.group, request.date)
        : null
      const { meeting, tokens } = await store.meetings.create(request, { processId, carryFrom })
      return c.json({ meeting, links: meetingLinks(origin(c), meeting, tokens) }, 201)
    })
    .post('/processes/:id/meetings/adopt', processLink, async (c) => {
      const { facilitatorLink } = await readJson(c, adoptMeetingRequest)
      const parsed = parseMeetingLink(facilitatorLink)
      const meeting = parsed ? await store.meetings.byBoard(parsed.boardId) : null
      // Only the meeting's own facilitator link moves it: a participant's link does not.
      const role = meeting && parsed ? await store.meetings.roleOf(meeting.id, parsed.token) : null
      if (!meeting || role !== 'facilitator')
        throw new ApiError(400, 'invalid_meeting_link', 'That is not a meeting’s facilitator link')
      if (!(await store.meetings.adopt(meeting.id, c.var.process.id)))
        throw new ApiError(409, 'other_process', 'That meeting is part of another process')
      return c.json(await store.meetings.get(meeting.id))
    })
    .put('/processes/:id/publication', processLink, async (c) => {
      const token = await store.processes.publish(c.var.process.id)
      return c.json({ link: `${origin(c)}${PUBLISHED_PROCESS_PATH_PREFIX}${token}` })
    })
    .delete('/processes/:id/publication', processLink, async (c) => {
      await store.processes.unpublish(c.var.process.id)
      return c.body(null, 204)
    })
    .get('/processes/:id/record', processLink, async (c) =>
      c.json(await buildProcessRecord(store, c.var.process, { withUnsigned: true })),
    )
    .get('/processes/:id/export/:format', exportFormat, processLink, language, (c) =>
      download(c, c.var.process, c.req.valid('param').format, c.req.valid('query').lang, true),
    )
    .get('/published-processes/:token/record', published, async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json(await buildProcessRecord(store, c.var.process))
    })
    .get('/published-processes/:token/export/:format', exportFormat, published, language, (c) =>
      download(c, c.var.process, c.req.valid('param').format, c.req.valid('query').lang),
    )
}
