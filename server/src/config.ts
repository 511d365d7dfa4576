import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_WRITE_LIMITS, type WriteLimits } from './access/limits.ts'
import { DEFAULT_MAX_IMAGE_PIXELS } from './documentation/images.ts'
import { isTimeZone } from './documentation/localTime.ts'

const MiB = 1024 * 1024

/** Every setting comes from the environment, parsed once at start, never read at import time. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Absolute origin used in join links, e.g. https://samla.example.se. Defaults to the request's. */
  // An origin only: join links and the relay path (/ws/…) both hang off it.
  SAMLA_PUBLIC_URL: z
    .url()
    .refine(
      (u) => ['', '/'].includes(new URL(u).pathname),
      'must be an origin without a path, e.g. https://samla.example.se',
    )
    .optional(),
  SAMLA_DATA_DIR: z.string().min(1).default('./data'),
  /** SQLite file; defaults to <data dir>/samla.sqlite. */
  SAMLA_DB_FILE: z.string().min(1).optional(),
  /** NORMAL survives a crash of the process; FULL also survives a power cut, at an fsync per commit. */
  SAMLA_SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /**
   * postgres://… keeps everything in PostgreSQL instead of the SQLite file: for several
   * instances (with SAMLA_REDIS_URL), or one instance on a managed database.
   */
  SAMLA_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** redis://… relays updates, presence and events between instances that share PostgreSQL. */
  SAMLA_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  SAMLA_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * MiB),
  /** A connection whose unsent data passes this is closed instead of growing server memory. */
  SAMLA_MAX_BACKLOG_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * MiB),
  /** Compact a board's update log into one state once it holds this many updates. */
  SAMLA_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** Presence states (cursors) each client receives per second at most; see rooms/presenceTick.ts. */
  SAMLA_PRESENCE_BUDGET: z.coerce.number().int().min(10).default(330),
  SAMLA_MAX_JSON_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  /** Largest picture of a phase a facilitator's browser may upload for the documentation. */
  SAMLA_MAX_IMAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** Largest picture in pixels (width × height): a small PNG can hold a gigabyte of them. */
  SAMLA_MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(DEFAULT_MAX_IMAGE_PIXELS),
  /**
   * The time zone of times in exported documents and labels the server writes (IANA name): the
   * zone of the meetings this deployment serves, as their pages show times in the browser's.
   */
  SAMLA_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Stockholm')
    .default('Europe/Stockholm'),
  /**
   * Meetings are erased (board, log, snapshots, pictures, publication) this many days after
   * their date. Unset: kept until deleted by hand.
   */
  SAMLA_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /**
   * Boards, and meetings, one client address may create per hour (each counted on its own);
   * 0 switches the limit off. Behind one NAT address a whole school shares it.
   */
  SAMLA_CREATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(60),
  /**
   * Voter credentials one client address may fetch per meeting per hour; an address may also
   * have at most this many times votesPerPerson votes standing in a round. No "off": without
   * it a browser could vote without end. Raise it for a large event behind one address.
   */
  SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /**
   * Behind a reverse proxy every request comes from the proxy: then the client's address for
   * the per-address limits is the last hop of X-Forwarded-For. Only set it when a proxy that
   * appends that header is the only way in.
   */
  SAMLA_TRUST_PROXY: z.stringbool().default(false),
  SAMLA_CLIENT_DIST: z.string().min(1).default('client/dist'),
  /** TCP connections one address may hold; 0 turns the limit off (behind a reverse proxy). */
  SAMLA_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(512),
  /** WebSocket connections one board may have at once. */
  SAMLA_MAX_CONNECTIONS_PER_BOARD: z.coerce.number().int().min(1).default(1000),
  /** TCP connections in all; by default what the file-descriptor limit leaves room for. */
  SAMLA_MAX_CONNECTIONS: z.coerce.number().int().min(16).optional(),
  /** A connection that has not sent its request headers within this is closed. */
  SAMLA_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // What one client may send (access/limits.ts); the README says what each bounds.
  SAMLA_MAX_JSON_DEPTH: z.coerce
    .number()
    .int()
    .min(8)
    .max(1_000_000)
    .default(DEFAULT_WRITE_LIMITS.maxJsonDepth),
  SAMLA_MAX_RECORD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(DEFAULT_WRITE_LIMITS.maxRecordBytes),
  SAMLA_MAX_NOTE_CHARS: z.coerce.number().int().min(1).default(DEFAULT_WRITE_LIMITS.maxNoteChars),
  SAMLA_MAX_PRESENCE_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(DEFAULT_WRITE_LIMITS.maxPresenceBytes),
  SAMLA_MAX_PRESENCE_ROOM_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(DEFAULT_WRITE_LIMITS.maxPresenceRoomBytes),
  SAMLA_MAX_CLIENT_IDS_PER_CONNECTION: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_WRITE_LIMITS.maxClientIdsPerConnection),
  SAMLA_MAX_PENDING_BYTES_PER_CONNECTION: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_WRITE_LIMITS.maxPendingBytesPerConnection),
  SAMLA_MAX_BOARD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(DEFAULT_WRITE_LIMITS.maxBoardBytes),
  SAMLA_MAX_PENDING_BYTES_PER_ROOM: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_WRITE_LIMITS.maxPendingBytesPerRoom),
  TLDRAW_LICENSE_KEY: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined)),
  /**
   * Who runs this deployment (a municipality, a region): named on the accessibility statement
   * and the personal-data page as the one responsible, with a way to reach them.
   */
  SAMLA_ORGANISATION_NAME: z.string().trim().max(200).optional(),
  SAMLA_ORGANISATION_CONTACT: z.string().trim().max(300).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
})

export interface Config {
  port: number
  host: string
  publicUrl: string | undefined
  dataDir: string
  dbFile: string
  sqliteSynchronous: 'NORMAL' | 'FULL'
  /** PostgreSQL instead of SQLite when set. */
  databaseUrl: string | undefined
  /** The Redis bus between instances when set (needs databaseUrl). */
  redisUrl: string | undefined
  maxMessageBytes: number
  maxBacklogBytes: number
  compactAfterUpdates: number
  presenceBudget: number
  maxJsonBodyBytes: number
  maxImageBytes: number
  maxImagePixels: number
  /** IANA time zone of the times the server writes for people (exports). */
  timeZone: string
  retentionDays: number | undefined
  /** The deploying organisation, for the accessibility and personal-data pages. */
  organisation: { name: string | null; contact: string | null }
  createLimitPerHour: number
  votersPerAddressPerHour: number
  trustProxy: boolean
  clientDist: string
  limits: WriteLimits
  connections: {
    maxPerAddress: number
    maxPerBoard: number
    /** Undefined: derived from the file-descriptor limit at start. */
    maxTotal: number | undefined
    headersTimeoutMs: number
  }
  tldrawLicenseKey: string | undefined
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.SAMLA_REDIS_URL && !e.SAMLA_DATABASE_URL) {
    // Instances sharing Redis but each with its own SQLite file would each hold other boards.
    throw new Error(
      'Invalid configuration:\n  SAMLA_REDIS_URL: several instances need one database; set SAMLA_DATABASE_URL=postgres://… too',
    )
  }
  const dataDir = path.resolve(e.SAMLA_DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.SAMLA_PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir,
    dbFile: e.SAMLA_DB_FILE ? path.resolve(e.SAMLA_DB_FILE) : path.join(dataDir, 'samla.sqlite'),
    sqliteSynchronous: e.SAMLA_SQLITE_SYNCHRONOUS,
    databaseUrl: e.SAMLA_DATABASE_URL,
    redisUrl: e.SAMLA_REDIS_URL,
    maxMessageBytes: e.SAMLA_MAX_MESSAGE_BYTES,
    maxBacklogBytes: e.SAMLA_MAX_BACKLOG_BYTES,
    compactAfterUpdates: e.SAMLA_COMPACT_AFTER_UPDATES,
    presenceBudget: e.SAMLA_PRESENCE_BUDGET,
    maxJsonBodyBytes: e.SAMLA_MAX_JSON_BODY_BYTES,
    maxImageBytes: e.SAMLA_MAX_IMAGE_BYTES,
    maxImagePixels: e.SAMLA_MAX_IMAGE_PIXELS,
    timeZone: e.SAMLA_TIME_ZONE,
    retentionDays: e.SAMLA_RETENTION_DAYS,
    organisation: {
      name: e.SAMLA_ORGANISATION_NAME || null,
      contact: e.SAMLA_ORGANISATION_CONTACT || null,
    },
    createLimitPerHour: e.SAMLA_CREATE_LIMIT_PER_HOUR,
    votersPerAddressPerHour: e.SAMLA_VOTERS_PER_ADDRESS_PER_HOUR,
    trustProxy: e.SAMLA_TRUST_PROXY,
    clientDist: path.resolve(e.SAMLA_CLIENT_DIST),
    connections: {
      maxPerAddress: e.SAMLA_MAX_CONNECTIONS_PER_ADDRESS,
      maxPerBoard: e.SAMLA_MAX_CONNECTIONS_PER_BOARD,
      maxTotal: e.SAMLA_MAX_CONNECTIONS,
      headersTimeoutMs: e.SAMLA_HEADERS_TIMEOUT_MS,
    },
    limits: {
      maxJsonDepth: e.SAMLA_MAX_JSON_DEPTH,
      maxRecordBytes: e.SAMLA_MAX_RECORD_BYTES,
      maxNoteChars: e.SAMLA_MAX_NOTE_CHARS,
      maxPresenceBytes: e.SAMLA_MAX_PRESENCE_BYTES,
      maxPresenceRoomBytes: e.SAMLA_MAX_PRESENCE_ROOM_BYTES,
      maxClientIdsPerConnection: e.SAMLA_MAX_CLIENT_IDS_PER_CONNECTION,
      maxPendingBytesPerConnection: e.SAMLA_MAX_PENDING_BYTES_PER_CONNECTION,
      maxPendingBytesPerRoom: e.SAMLA_MAX_PENDING_BYTES_PER_ROOM,
      maxBoardBytes: e.SAMLA_MAX_BOARD_BYTES,
    },
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    logLevel: e.LOG_LEVEL,
  }
}
