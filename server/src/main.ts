import { loadConfig } from './config.ts'
import { createLogger } from './logger.ts'
import { startServer } from './server.ts'

const config = loadConfig()
const logger = createLogger(config.logLevel)
const server = await startServer(config, { logger })
logger.info('Samla is listening', {
  port: server.port,
  url: server.url,
  db: config.dbFile,
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
