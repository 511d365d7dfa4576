import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Dialect } from './frames.ts'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const benchRoot = path.resolve(import.meta.dirname, '..')

/** `hocuspocus-cluster`: one instance of Hocuspocus with its Redis and database extensions. */
export type TargetName = 'samla' | 'y-websocket' | 'hocuspocus' | 'hocuspocus-cluster'

export interface Target {
  name: TargetName
  dialect: Dialect
  pid: number
  url: string
  /** Creates a room the clients may join; the peers accept any name. */
  createRoom(): Promise<string>
  stop(): Promise<void>
  /** Settles when the process has exited, however it ended (a benchmark may SIGKILL it). */
  exited: Promise<void>
  /** Samla only: the data directory, to restart on the same database. */
  dataDir?: string
  /** The inspector's port when started with `inspect` (for a forced garbage collection). */
  inspectorPort?: number
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function stopper(child: ChildProcess, dataDir: string | undefined, keepData: boolean) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    if (dataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `keepData` leaves Samla's database behind on stop, for a restart on the same data. */
export async function startTarget(
  name: TargetName,
  options: {
    dataDir?: string
    keepData?: boolean
    inspect?: boolean
    cpuProfileDir?: string
    /** Listen here instead of on a free port (to restart an instance where its clients look). */
    port?: number
    /** Added to the server's environment (for Samla, after the benchmark's own settings). */
    env?: Record<string, string>
    /** Samla's bundle to run, if not this checkout's (another branch's build, say). */
    samlaEntry?: string
  } = {},
): Promise<Target> {
  const port = options.port ?? (await freePort())
  const inspectorPort = options.inspect ? await freePort() : undefined
  const nodeFlags = inspectorPort ? [`--inspect=127.0.0.1:${inspectorPort}`] : []
  // A V8 CPU profile of the server, written when it exits (open it in Chrome's DevTools).
  if (options.cpuProfileDir)
    nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${path.join(options.cpuProfileDir, name)}`)
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env }
  let child: ChildProcess
  let dataDir: string | undefined
  if (name === 'samla') {
    dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samla-bench-'))
    // The bundle production runs (pnpm build:server), not the TypeScript sources through tsx.
    const entry = options.samlaEntry ?? 'server/dist/main.js'
    child = spawn(process.execPath, [...nodeFlags, entry], {
      cwd: repoRoot,
      // Every load comes from one address (a thousand boards, 500 clients in a room): the
      // per-address limits are off, and a room may hold the whole load.
      env: {
        ...env,
        SAMLA_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SAMLA_CREATE_LIMIT_PER_HOUR: '0',
        SAMLA_MAX_CONNECTIONS_PER_ADDRESS: '0',
        SAMLA_MAX_CONNECTIONS_PER_BOARD: '100000',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  } else if (name === 'y-websocket') {
    child = spawn(
      process.execPath,
      [...nodeFlags, path.join(benchRoot, 'node_modules/@y/websocket-server/src/server.js')],
      {
        cwd: benchRoot,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
  } else {
    const script = name === 'hocuspocus' ? 'hocuspocus.ts' : 'hocuspocusCluster.ts'
    child = spawn(
      process.execPath,
      [...nodeFlags, '--import', 'tsx', path.join(benchRoot, 'src/peers', script)],
      {
        cwd: benchRoot,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitForPort(port, child)
  const url = `http://127.0.0.1:${port}`
  return {
    name,
    dialect: name.startsWith('hocuspocus') ? 'hocuspocus' : 'y-websocket',
    pid: child.pid ?? -1,
    url,
    dataDir,
    inspectorPort,
    exited,
    async createRoom() {
      // Unique, since a clustered peer keeps its documents in a database shared by the run.
      if (name !== 'samla') return `room-${randomUUID()}`
      const res = await fetch(`${url}/api/boards`, { method: 'POST' })
      return ((await res.json()) as { id: string }).id
    },
    stop: stopper(child, dataDir, options.keepData ?? false),
  }
}

/** The WebSocket URL of a room on a target. */
export function roomUrl(target: Target, room: string): string {
  const base = target.url.replace(/^http/, 'ws')
  if (target.name === 'samla') return `${base}/ws/${room}`
  if (target.name === 'y-websocket') return `${base}/${room}`
  return base
}
