import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createMeetingAccess } from './access/meetingAccess.ts'
import { createApp } from './app.ts'
import { redisAttemptCounters } from './cluster/redisAttempts.ts'
import { RedisBus } from './cluster/redisBus.ts'
import type { Config } from './config.ts'
import type { AttemptCounters } from './http/attemptCounter.ts'
import { limitConnections } from './http/connectionLimits.ts'
import { createLogger, type Logger } from './logger.ts'
import { startRetention } from './meetings/retention.ts'
import { ProcessService } from './process/service.ts'
import { type Bus, LocalBus } from './rooms/bus.ts'
import { RoomManager } from './rooms/RoomManager.ts'
import { watchPhaseChanges } from './snapshots/phaseWatcher.ts'
import { openStore } from './storage/open.ts'
import type { SamlaStore } from './storage/store.ts'
import type { Storage } from './storage/types.ts'
import { watchVotingRounds } from './votes/roundWatcher.ts'
import { startHeartbeat } from './ws/heartbeat.ts'
import { createUpgradeHandler } from './ws/upgrade.ts'

export interface RunningServer {
  port: number
  /** http://host:port, for tests and logs. */
  url: string
  storage: Storage
  store: SamlaStore
  rooms: RoomManager
  /** TCP connections this server accepts at once. */
  maxConnections: number
  close(): Promise<void>
}

export interface StartOptions {
  logger?: Logger
  /** The bus to other instances, instead of the one the configuration names (tests inject faults). */
  bus?: Bus
  /** Where per-address limits count, with an injected bus (default: in Redis with a Redis bus). */
  counters?: AttemptCounters
  /** An open store to use instead of the one the configuration names (closed with the server). */
  store?: SamlaStore
  heartbeatMs?: number
  /**
   * Connections the process can hold, from its file-descriptor limit less a reserve for the
   * database and logs (main.ts); without it, SAMLA_MAX_CONNECTIONS or 65,536.
   */
  fileLimit?: number
}

/** Opens storage, builds the app and the relay, and listens. main.ts and tests both use it. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const store = options.store ?? (await openStore(config))
  let bus: Bus
  try {
    bus =
      options.bus ??
      (config.redisUrl ? await RedisBus.connect(config.redisUrl, logger) : new LocalBus())
  } catch (err) {
    await store.close()
    throw err
  }
  const counters =
    options.counters ??
    (bus instanceof RedisBus ? redisAttemptCounters(bus.commands, logger) : undefined)
  const { documents: storage, meetings, snapshots } = store
  const rooms = new RoomManager(
    storage,
    {
      compactAfterUpdates: config.compactAfterUpdates,
      presenceBudget: config.presenceBudget,
      logger,
      limits: config.limits,
      boardKind: async (boardId) => {
        if (await meetings.byBoard(boardId)) return 'meeting'
        return (await store.ideas.byDocument(boardId)) ? 'idea' : 'plain'
      },
      bus,
    },
    logger,
  )
  const stopWatchingPhases = watchPhaseChanges(rooms, meetings, snapshots, logger)
  const processes = new ProcessService(store, rooms, logger)
  const stopWatchingRounds = watchVotingRounds(rooms, store, logger, (meeting, entry) =>
    processes.roundEnded(meeting, entry),
  )
  const stopRetention = startRetention(
    meetings,
    (meeting) => processes.eraseMeeting(meeting),
    config.retentionDays,
    logger,
  )
  const app = createApp({ config, store, rooms, logger, counters, processes })
  const upgrades = createUpgradeHandler({
    storage,
    access: createMeetingAccess(meetings, processes.ideaDocuments.check),
    rooms,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    maxBacklogBytes: config.maxBacklogBytes,
    maxConnectionsPerBoard: config.connections.maxPerBoard,
  })

  const server = createAdaptorServer({
    fetch: app.fetch,
    // How often Node looks for connections past their headers timeout (default 30 s).
    serverOptions: {
      connectionsCheckingInterval: Math.min(1000, config.connections.headersTimeoutMs),
    },
  }) as Server
  const maxConnections = config.connections.maxTotal ?? options.fileLimit ?? 65_536
  limitConnections(
    server,
    {
      // One address never takes more than half of what the process can hold.
      maxPerAddress:
        config.connections.maxPerAddress === 0
          ? 0
          : Math.min(config.connections.maxPerAddress, Math.floor(maxConnections / 2)),
      maxTotal: maxConnections,
      headersTimeoutMs: config.connections.headersTimeoutMs,
    },
    logger,
  )
  server.on('upgrade', upgrades.handleUpgrade)
  const stopHeartbeat = startHeartbeat(upgrades.clients, options.heartbeatMs ?? 30_000)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      stopHeartbeat()
      stopWatchingPhases()
      stopRetention()
      // What the rounds' record was writing is written before the store closes.
      const roundsRecorded = stopWatchingRounds()
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await rooms.shutdown()
      for (const ws of upgrades.clients) ws.terminate()
      upgrades.close()
      await stopped
      await bus.close()
      await roundsRecorded
      await store.close()
    })()
    return closing
  }

  return { port, url: `http://${host}:${port}`, storage, store, rooms, maxConnections, close }
}
