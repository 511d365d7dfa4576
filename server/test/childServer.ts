import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface ChildServer {
  url: string
  port: number
  process: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
  /** SIGTERM (the server flushes and compacts on the way out) and wait for the exit. */
  stop(): Promise<void>
}

/** The bundle `pnpm start` runs (scripts/build-server.ts); tests run exactly that. */
const entry = path.join(repoRoot, 'server/dist/main.js')

/**
 * Starts the built server as its own process, as `pnpm start` does, and waits until it
 * listens: on a random port unless one is given (a restart keeps its port, so open pages
 * reconnect by themselves). Used by the crash test and the end-to-end tests.
 */
export async function startChildServer(
  dataDir: string,
  options: {
    port?: number
    env?: Record<string, string>
    /** A command the server runs under, e.g. ['prlimit', '--nofile=512:4096']. */
    wrap?: string[]
    /** Called with every JSON log line the server writes. */
    onLog?: (entry: Record<string, unknown>) => void
  } = {},
): Promise<ChildServer> {
  if (!fs.existsSync(entry))
    throw new Error('server/dist/main.js is missing: run pnpm build:server')
  const [command, ...args] = [
    ...(options.wrap ?? []),
    process.execPath,
    '--enable-source-maps',
    entry,
  ]
  const child = spawn(command as string, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      SAMLA_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const stderr: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        options.onLog?.(entry)
        if (entry.msg === 'Samla is listening' && entry.port) resolve(entry.port)
      } catch {
        // not a log line
      }
    })
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before listening: ${stderr.join('')}`)),
    )
  })
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
