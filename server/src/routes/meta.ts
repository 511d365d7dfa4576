import type { ClientConfig } from '@samla/shared'
import { Hono } from 'hono'
import type { Config } from '../config.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'

/** Health for load balancers and tests; run-time client config (the tldraw license key). */
export function metaRoutes(config: Config, rooms: RoomManager) {
  return new Hono()
    .get('/health', (c) => c.json({ status: 'ok', rooms: rooms.loadedCount }))
    .get('/config', (c) => {
      const body: ClientConfig = {
        tldrawLicenseKey: config.tldrawLicenseKey ?? null,
        maxMessageBytes: config.maxMessageBytes,
      }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
}
