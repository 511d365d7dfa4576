import WebSocket from 'ws'
import {
  type HonestConfig,
  PROBE_KEY_PREFIX,
  readProbeRecord,
  type WorkerMessage,
} from './honestMessages.ts'
import { connectStock } from './stockProvider.ts'

const AWARENESS = 1

/** What the joiner's socket received, seen from beside the provider (which reads the same frames). */
const received = { bytes: 0, firstPresenceBytes: null as number | null }

/** ws as the provider uses it, counting the frames that arrive. */
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols)
    this.on('message', (data: Buffer | ArrayBuffer) => {
      received.bytes += data.byteLength
      const type = data instanceof ArrayBuffer ? new Uint8Array(data, 0, 1)[0] : data[0]
      if (type === AWARENESS && received.firstPresenceBytes === null)
        received.firstPresenceBytes = data.byteLength
    })
  }
}

/**
 * A newcomer after the flood: one stock provider that joins the board and should sync within
 * `timeoutMs`. It watches for up to `watchMs` in all, so that a server too busy to answer in
 * time still shows what its answer was: a late sync, or a close (y-websocket gives up on a
 * 44xx code). It reports the close codes and the size of the presence snapshot it was sent.
 */
export async function joinOnce(
  config: HonestConfig,
  timeoutMs: number,
  watchMs: number,
  lastSeqs: readonly number[],
  report: (message: WorkerMessage) => void,
): Promise<void> {
  const started = performance.now()
  const elapsed = () => performance.now() - started
  const client = connectStock(config.wsBase, config.board, config.token, CountingWebSocket)
  let firstCloseMs: number | null = null
  client.provider.on('connection-close', () => {
    firstCloseMs ??= elapsed()
  })
  const syncMs = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), watchMs)
    void client.synced.then(() => {
      clearTimeout(timer)
      resolve(elapsed())
    })
    client.provider.on('closed', () => {
      clearTimeout(timer)
      resolve(null)
    })
  })
  const map = client.doc.getMap(config.map)
  const probeWritesFound = lastSeqs.filter((seq, probe) => {
    const value = readProbeRecord(map.get(`${PROBE_KEY_PREFIX}${probe}`))
    return value !== null && value[1] >= seq
  }).length
  report({
    type: 'joined',
    synced: syncMs !== null && syncMs <= timeoutMs,
    syncMs,
    closeCodes: client.closeCodes,
    firstCloseMs,
    firstPresenceBytes: received.firstPresenceBytes,
    bytesReceived: received.bytes,
    probeWritesFound,
  })
  client.destroy()
}
