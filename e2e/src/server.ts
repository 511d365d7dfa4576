import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ChildServer, startChildServer } from '../../server/test/childServer.ts'

export type SamlaProcess = ChildServer & { dataDir: string }

/** The real server serving the built client, with its own data directory (or a given one). */
export async function startSamla(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-e2e-')),
  port = 0,
  env: Record<string, string> = {},
): Promise<SamlaProcess> {
  const server = await startChildServer(dataDir, { port, env })
  const health = await fetch(`${server.url}/api/health`)
  if (!health.ok) throw new Error(`health check failed: ${health.status}`)
  return { ...server, dataDir }
}
