import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMeetingAccess, MEETING_ROLES } from './access/meetingAccess.ts'
import type { Config } from './config.ts'
import type { AttemptCounters } from './http/attemptCounter.ts'
import { ApiError, createErrorHandler, errorBody } from './http/errors.ts'
import { limitPerAddress } from './http/rateLimit.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { clientRoutes } from './http/static.ts'
import type { Logger } from './logger.ts'
import { ProcessService } from './process/service.ts'
import type { RoomManager } from './rooms/RoomManager.ts'
import { blueListRoutes } from './routes/blueList.ts'
import { boardRoutes } from './routes/boards.ts'
import { crossingRoutes } from './routes/crossings.ts'
import { documentationRoutes } from './routes/documentation.ts'
import { handslagRoutes } from './routes/handslag.ts'
import { ideaRoutes } from './routes/ideas.ts'
import { meetingEndRoutes } from './routes/meetingEnd.ts'
import { meetingRecordRoutes } from './routes/meetingRecord.ts'
import { meetingRoutes } from './routes/meetings.ts'
import { metaRoutes } from './routes/meta.ts'
import { privateWritingRoutes } from './routes/privateWriting.ts'
import { processRoutes } from './routes/processes.ts'
import { voterRoutes } from './routes/voters.ts'
import { voteRoutes } from './routes/votes.ts'
import type { SamlaStore } from './storage/store.ts'

export interface AppDeps {
  config: Config
  store: SamlaStore
  rooms: RoomManager
  logger: Logger
  /** Where per-address limits count (shared through Redis when there are several instances). */
  counters?: AttemptCounters
  /** The process features' board writer; one is made here if not given. */
  processes?: ProcessService
}

const IMAGE_UPLOAD = /^\/api\/meetings\/[^/]+\/snapshots\/[^/]+\/images\/[^/]+$/
const HOUR_MS = 60 * 60 * 1000
/** 20 join-code guesses a minute per address: plenty for a phone, useless for enumerating 31⁶ codes. */
const JOIN_ATTEMPTS_PER_MINUTE = 20

/** Builds the HTTP app. It never listens: server.ts does, and tests call app.request(). */
export function createApp({ config, store, rooms, logger, counters, ...deps }: AppDeps) {
  const processService = deps.processes ?? new ProcessService(store, rooms, logger)
  const { documents: storage, meetings, votes, voters, snapshots } = store
  const jsonLimit = bodyLimit({
    maxSize: config.maxJsonBodyBytes,
    onError: (c) =>
      c.json(
        errorBody(
          'payload_too_large',
          `Request bodies are limited to ${config.maxJsonBodyBytes} bytes`,
        ),
        413,
      ),
  })
  const access = createMeetingAccess(meetings, processService.ideaDocuments.check)
  // Creating costs storage: a per-address budget, generous enough for a school behind one
  // address, stops one client from filling the disk.
  const creationLimit = (name: string) =>
    limitPerAddress({
      name,
      counters,
      max: config.createLimitPerHour,
      windowMs: HOUR_MS,
      trustProxy: config.trustProxy,
      code: 'too_many_requests',
      message: 'Too much created from this address; try again later',
    })
  const joinLimit = limitPerAddress({
    name: 'join-code',
    counters,
    max: JOIN_ATTEMPTS_PER_MINUTE,
    windowMs: 60_000,
    trustProxy: config.trustProxy,
    code: 'too_many_attempts',
    message: 'Too many join codes tried; wait a minute',
  })
  const api = new Hono()
    // Pictures of phases have their own, larger limit (routes/documentation.ts).
    .use((c, next) =>
      c.req.method === 'PUT' && IMAGE_UPLOAD.test(c.req.path) ? next() : jsonLimit(c, next),
    )
    // Fails closed: nothing under a meeting answers without one of its links, whatever a
    // route itself checks. Each route then narrows the roles with its own requireRole.
    .use('/meetings/:id/*', access.requireRole(...MEETING_ROLES))
    .route(
      '/boards',
      boardRoutes({
        storage,
        access,
        publicUrl: config.publicUrl,
        createLimit: creationLimit('create-board'),
      }),
    )
    .route(
      '/',
      meetingRoutes({
        store: meetings,
        rooms,
        access,
        publicUrl: config.publicUrl,
        createLimit: creationLimit('create-meeting'),
        joinLimit,
        eraseMeeting: (meeting) => processService.eraseMeeting(meeting),
      }),
    )
    .route(
      '/',
      meetingEndRoutes({ meetings, snapshots, rooms, access, privateNotes: store.privateNotes }),
    )
    .route(
      '/',
      processRoutes({
        store,
        service: processService,
        publicUrl: config.publicUrl,
        createLimit: creationLimit('create-process'),
        timeZone: config.timeZone,
      }),
    )
    .route('/', crossingRoutes({ store, service: processService, access }))
    .route('/', ideaRoutes({ store, service: processService, access }))
    .route('/', blueListRoutes({ store, service: processService, access }))
    .route('/', handslagRoutes({ store, publicUrl: config.publicUrl }))
    .route(
      '/',
      voterRoutes({
        access,
        voters,
        perAddressPerHour: config.votersPerAddressPerHour,
        trustProxy: config.trustProxy,
        counters,
      }),
    )
    .route(
      '/',
      voteRoutes({
        access,
        rooms,
        store: votes,
        voters,
        votersPerAddress: config.votersPerAddressPerHour,
        trustProxy: config.trustProxy,
      }),
    )
    .route('/', meetingRecordRoutes({ access, records: store.records, voters, rooms }))
    .route('/', privateWritingRoutes({ access, voters, rooms, privateNotes: store.privateNotes }))
    .route(
      '/',
      documentationRoutes({
        meetings,
        access,
        snapshots,
        voteRounds: store.voteRounds,
        records: store.records,
        rooms,
        storage,
        publicUrl: config.publicUrl,
        timeZone: config.timeZone,
        maxImageBytes: config.maxImageBytes,
        maxImagePixels: config.maxImagePixels,
      }),
    )
    .route('/', metaRoutes(config, rooms, store, rooms.bus.distributed ? rooms.bus : undefined))
    .all('*', () => {
      throw new ApiError(404, 'not_found', 'No such API endpoint')
    })

  const app = new Hono()
  app.use('*', securityHeaders())
  app.route('/api', api)
  app.route('/', clientRoutes(config.clientDist))
  app.onError(createErrorHandler(logger))
  return app
}
