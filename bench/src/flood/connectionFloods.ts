import net from 'node:net'
import { ATTACKER_ADDRESS } from './attackSocket.ts'
import { openFileLimit } from './listeningPort.ts'
import type { FloodContext, FloodScenario } from './runScenario.ts'
import { floodWindow, windowSignal } from './timing.ts'

const WEBSOCKETS = 2000
const IDLE_TCP = 1100
const CONNECT_BATCH = 500
const CREATIONS = 5000
const CREATION_CONCURRENCY = 50
const CREATION_CAP_MS = 60_000
/** A saturated server accepts sockets slowly: opening stops after this, whatever is open. */
const OPENING_CAP_MS = 60_000

/** Opens a TCP connection that never sends a byte (no HTTP request, no upgrade). */
function idleSocket(port: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: ATTACKER_ADDRESS })
    socket.once('connect', () => resolve(socket))
    socket.once('error', () => resolve(null))
  })
}

async function openIdleSockets(ctx: FloodContext, count: number): Promise<net.Socket[]> {
  const open: net.Socket[] = []
  ctx.onCleanup(() => {
    for (const socket of open) socket.destroy()
  })
  for (let i = 0; i < count && !ctx.signal.aborted; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, () => idleSocket(ctx.server.port)),
    )
    for (const socket of batch) {
      if (!socket) continue
      socket.on('error', () => {})
      // Flowing, so that a close by the server is noticed (it sends nothing else).
      socket.resume()
      open.push(socket)
    }
  }
  return open
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10

export const connectionFloods: FloodScenario[] = [
  {
    id: 'connections',
    title: `${WEBSOCKETS.toLocaleString('en')} WebSockets on one board and ${IDLE_TCP.toLocaleString('en')} idle TCP sockets, one address`,
    /** Idle TCP first (it is quick), then the WebSockets, then the window with all of them open. */
    async flood(ctx) {
      ctx.note('ulimit -n (bench)', openFileLimit('self'))
      ctx.note('ulimit -n (server)', openFileLimit(ctx.server.pid))
      const tcpStarted = performance.now()
      const idle = await openIdleSockets(ctx, IDLE_TCP)
      ctx.note('idle tcp connected', `${idle.length}/${IDLE_TCP} in ${seconds(tcpStarted)} s`)
      const started = performance.now()
      const sockets = await ctx.attackers.open(ctx.attackUrl, WEBSOCKETS, {
        paused: true,
        batch: CONNECT_BATCH,
        signal: windowSignal(ctx.signal, OPENING_CAP_MS),
      })
      ctx.note('websockets opened', `${sockets.length}/${WEBSOCKETS} in ${seconds(started)} s`)
      await floodWindow(ctx.signal, ctx.floodMs)
      ctx.note('websockets still open', ctx.attackers.stillOpen)
      ctx.note('idle tcp still open', idle.filter((s) => !s.destroyed && !s.readableEnded).length)
    },
  },
  {
    id: 'creation',
    title: `${CREATIONS.toLocaleString('en')} POST /api/boards as fast as possible (${CREATION_CONCURRENCY} at a time)`,
    async flood(ctx) {
      const started = performance.now()
      const stop = windowSignal(ctx.signal, CREATION_CAP_MS)
      const statuses: Record<string, number> = {}
      let next = 0
      const count = (status: string) => {
        statuses[status] = (statuses[status] ?? 0) + 1
      }
      const worker = async () => {
        while (next < CREATIONS && !stop.aborted) {
          next++
          try {
            const res = await fetch(`${ctx.server.url}/api/boards`, {
              method: 'POST',
              signal: stop,
            })
            await res.arrayBuffer()
            count(String(res.status))
          } catch (err) {
            count(stop.aborted ? 'unfinished' : (err as Error).name)
          }
        }
      }
      await Promise.all(Array.from({ length: CREATION_CONCURRENCY }, worker))
      ctx.note('created', `${statuses['201'] ?? 0}/${CREATIONS} in ${seconds(started)} s`)
      const other = Object.entries(statuses).filter(([status]) => status !== '201')
      if (other.length > 0)
        ctx.note('other answers', other.map(([status, n]) => `${status}×${n}`).join(' '))
    },
  },
]
