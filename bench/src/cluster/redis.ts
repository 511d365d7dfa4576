import { type ChildProcess, execFile, spawn } from 'node:child_process'
import net from 'node:net'
import { promisify } from 'node:util'
import { cpuSeconds } from '../procstat.ts'
import { freePort, waitForPort } from '../targets.ts'

const run = promisify(execFile)

async function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

/**
 * A Redis of the benchmark's own, on a port of its own: restarting it mid-run then cuts off
 * nobody else on the machine (the shared one on 6379 serves other work). Started with the
 * flags of the machine's Redis: nothing kept on disk.
 */
export class RedisServer {
  private child: ChildProcess
  /** CPU seconds of processes already gone (restarts). */
  private cpuOfGone = 0

  private constructor(
    readonly port: number,
    child: ChildProcess,
  ) {
    this.child = child
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  static async start(port?: number): Promise<RedisServer> {
    const chosen = port ?? (await freePort())
    if (await portTaken(chosen)) throw new Error(`port ${chosen} is taken: Redis would not be ours`)
    return new RedisServer(chosen, await RedisServer.spawn(chosen))
  }

  private static async spawn(port: number): Promise<ChildProcess> {
    const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no']
    const child = spawn('redis-server', args, { stdio: 'ignore' })
    await waitForPort(port, child)
    return child
  }

  /** CPU seconds the Redis server has used, over its restarts. */
  cpuSeconds(): number {
    const pid = this.child.pid
    const alive = this.child.exitCode === null && this.child.signalCode === null && pid
    return this.cpuOfGone + (alive ? cpuSeconds(pid) : 0)
  }

  /** `redis-cli shutdown nosave`, `downMs` without Redis, then the same server again. */
  async restart(downMs: number): Promise<void> {
    await this.shutdown()
    await new Promise((resolve) => setTimeout(resolve, downMs))
    this.child = await RedisServer.spawn(this.port)
  }

  private async shutdown(): Promise<void> {
    const child = this.child
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    if (child.pid) this.cpuOfGone += cpuSeconds(child.pid)
    await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), 'shutdown', 'nosave'])
    await exited
  }

  async stop(): Promise<void> {
    await this.shutdown()
  }
}
