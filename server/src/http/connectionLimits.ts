import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from '../logger.ts'

export interface ConnectionLimits {
  /** TCP connections one address may hold at once (0: no limit, e.g. behind a proxy). */
  maxPerAddress: number
  /** TCP connections in all; beyond it new ones are dropped, so descriptors stay for the rest. */
  maxTotal: number
  /** A connection that has not sent complete request headers by then is closed. */
  headersTimeoutMs: number
}

/**
 * Bounds what idle or hostile connections can take: file descriptors are what a server runs
 * out of first (1,100 idle sockets from one address once made every request fail with
 * EMFILE), so each address may hold only so many, all of them together stay under the
 * process's descriptor limit, and a socket that never finishes its request is closed.
 */
export function limitConnections(server: Server, limits: ConnectionLimits, log: Logger): void {
  server.maxConnections = limits.maxTotal
  // Node answers 408 and closes a connection whose request headers are not complete by
  // then, one that sends nothing at all included (checked every connectionsCheckingInterval,
  // which server.ts sets to match).
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = Math.max(limits.headersTimeoutMs, 30_000)
  if (limits.maxPerAddress <= 0) return
  const perAddress = new Map<string, number>()
  let warned = 0
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    const count = (perAddress.get(address) ?? 0) + 1
    if (count > limits.maxPerAddress) {
      socket.destroy()
      // One line a minute at most: a flood must not flood the log too.
      if (Date.now() - warned > 60_000) {
        warned = Date.now()
        log.warn('too many connections from one address', { max: limits.maxPerAddress })
      }
      return
    }
    perAddress.set(address, count)
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1
      if (left <= 0) perAddress.delete(address)
      else perAddress.set(address, left)
    })
  })
}
