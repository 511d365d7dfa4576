import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface SamlaProcess {
  url: string
  dataDir: string
  /** SIGTERM, await exit (the server flushes and compacts on the way out). */
  stop(): Promise<void>
}

/**
 * Starts the real server (`server/src/main.ts`) serving the built client, on a random port
 * unless one is given (a restart keeps its port, so open pages reconnect by themselves).
 */
export async function startSamla(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-e2e-')),
  port = 0,
): Promise<SamlaProcess & { port: number }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMLA_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const listening = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'Samla is listening' && entry.port) resolve(entry.port)
      } catch {
        // not a log line
      }
    })
    void exited.then(() => reject(new Error('server exited before listening')))
  })
  const url = `http://127.0.0.1:${listening}`
  const health = await fetch(`${url}/api/health`)
  if (!health.ok) throw new Error(`health check failed: ${health.status}`)
  return {
    url,
    port: listening,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
