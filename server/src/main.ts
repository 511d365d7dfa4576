import { loadConfig } from './config.ts'
import { openFileLimit } from './fileLimit.ts'
import { createLogger } from './logger.ts'
import { startServer } from './server.ts'

const config = loadConfig()
const logger = createLogger(config.logLevel)
const openFiles = openFileLimit()
// Descriptors beyond the sockets: SQLite's files and WAL, the log, the compaction thread.
const FILES_RESERVED = 128
const server = await startServer(config, {
  logger,
  fileLimit:
    openFiles && Number.isFinite(openFiles) ? Math.max(64, openFiles - FILES_RESERVED) : undefined,
}).catch((err: unknown) => {
  // A database or Redis that does not answer at start: say which, and stop.
  logger.error('Samla could not start', { err: err instanceof Error ? err.message : String(err) })
  process.exit(1)
})
logger.info('Samla is listening', {
  port: server.port,
  url: server.url,
  // Never the database URL itself: it may hold a password.
  db: config.databaseUrl ? `postgres (${new URL(config.databaseUrl).host})` : config.dbFile,
  bus: config.redisUrl ? 'redis' : 'local',
  openFiles: openFiles ?? 'unknown',
  maxConnections: server.maxConnections,
  tldrawLicense: config.tldrawLicenseKey
    ? 'configured'
    : 'none (watermark on http/localhost, blank canvas on https domains)',
})

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { err })
        process.exit(1)
      },
    )
  })
}
