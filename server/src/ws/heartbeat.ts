import type { WebSocket } from 'ws'

const alive = new WeakSet<WebSocket>()

/**
 * Pings every socket periodically and terminates those that did not answer the last ping, so
 * that a vanished phone (no TCP close) does not keep its presence and a room alive.
 */
export function startHeartbeat(clients: Set<WebSocket>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of clients) {
      if (!alive.has(ws) && ws.listenerCount('pong') > 0) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      if (ws.listenerCount('pong') === 0) ws.on('pong', () => alive.add(ws))
      ws.ping()
    }
  }, intervalMs)
  return () => clearInterval(timer)
}
