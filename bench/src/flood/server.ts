import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { peakRssMiB, rssMiB } from '../procstat.ts'
import { isRunning, stopChild, track } from './children.ts'
import { listeningPort } from './listeningPort.ts'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
/** The production bundle (pnpm build:server), as `pnpm start` runs it. */
export const serverEntry = path.join(repoRoot, 'server/dist/main.js')

const START_TIMEOUT_MS = 15_000
const PORT_POLL_MS = 20
const WATCH_MS = 100
const STDERR_TAIL_LINES = 40

export interface ServerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** The built server, run as a child process on a fresh data directory, watched for memory. */
export interface FloodServer {
  pid: number
  port: number
  url: string
  alive(): boolean
  /** Set once the process has exited. */
  exit: ServerExit | null
  /** Killed by the watchdog for passing the RSS limit. */
  killedForMemory: boolean
  /** Highest resident memory seen (the kernel's high-water mark while the process lived). */
  peakRssMiB(): number
  /** Latest RSS the watchdog read (from /proc, even while the event loop is blocked). */
  lastRssMiB: number
  /** Warnings and errors it logged, counted by message. */
  logged: Map<string, number>
  /** The last lines of stderr that were not log entries (a crash's stack trace). */
  stderrTail(): string[]
  stop(): Promise<void>
}

export async function startFloodServer(rssLimitMiB: number): Promise<FloodServer> {
  if (!fs.existsSync(serverEntry))
    throw new Error('server/dist/main.js is missing: run pnpm build:server')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-floods-'))
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SAMLA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  track(child)
  const pid = child.pid ?? -1

  const logged = new Map<string, number>()
  const tail: string[] = []
  let portFromLog: number | null = null
  // Both pipes are always read: a full pipe would block the server's writes.
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const entry = parseLogLine(line)
    if (entry?.msg === 'Samla is listening' && typeof entry.port === 'number')
      portFromLog = entry.port
  })
  readline.createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    const entry = parseLogLine(line)
    if (entry && typeof entry.msg === 'string') {
      logged.set(entry.msg, (logged.get(entry.msg) ?? 0) + 1)
      if (process.env.FLOODS_DEBUG && entry.level === 'error') console.error(line)
      return
    }
    tail.push(line)
    if (tail.length > STDERR_TAIL_LINES) tail.shift()
  })

  const state = {
    exit: null as ServerExit | null,
    killedForMemory: false,
    lastRssMiB: 0,
    peak: 0,
  }
  child.once('exit', (code, signal) => {
    state.exit = { code, signal }
  })
  // Read from /proc, so it works while the server's event loop is stuck.
  const watchdog = setInterval(() => {
    if (!isRunning(child)) return clearInterval(watchdog)
    try {
      state.lastRssMiB = rssMiB(pid)
      state.peak = Math.max(state.peak, peakRssMiB(pid))
    } catch {
      return // exited between the check and the read
    }
    if (state.lastRssMiB > rssLimitMiB) {
      state.killedForMemory = true
      child.kill('SIGKILL')
    }
  }, WATCH_MS)

  let port: number
  try {
    port = await waitForPort(child, () => portFromLog)
  } catch (err) {
    clearInterval(watchdog)
    await stopChild(child, 1000)
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw new Error(`${(err as Error).message}\n${tail.join('\n')}`)
  }

  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    alive: () => isRunning(child),
    get exit() {
      return state.exit
    },
    get killedForMemory() {
      return state.killedForMemory
    },
    peakRssMiB: () => state.peak,
    get lastRssMiB() {
      return state.lastRssMiB
    },
    logged,
    stderrTail: () => [...tail],
    async stop() {
      clearInterval(watchdog)
      // The server compacts its rooms on SIGTERM; a flooded one gets 5 s for that.
      await stopChild(child, 5000)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function parseLogLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    return null
  }
}

/** The port from the "Samla is listening" line if it is logged, else from /proc. */
async function waitForPort(child: ChildProcess, fromLog: () => number | null): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (!isRunning(child)) throw new Error(`server exited (${child.exitCode}) before listening`)
    const port = fromLog() ?? listeningPort(child.pid ?? -1)
    if (port) return port
    if (Date.now() > deadline) throw new Error('server did not listen within 15 s')
    await new Promise((resolve) => setTimeout(resolve, PORT_POLL_MS))
  }
}
