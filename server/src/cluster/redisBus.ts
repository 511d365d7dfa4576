import { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import { type BoardMessage, type Bus, type ControlEvent, newInstanceId } from '../rooms/bus.ts'
import { decodeBoardMessage, encodeBoardMessage } from './busCodec.ts'

const CONTROL_CHANNEL = 'samla:control'
const boardChannel = (boardId: string) => `samla:board:${boardId}`

/**
 * Several instances on one Redis: a pub/sub channel per board for updates and presence, one
 * channel for control events. Redis pub/sub delivers at most once and keeps nothing, so this
 * is only the fast path: updates are durable in PostgreSQL before they are published, and a
 * room that sees a gap, or a bus that reconnects, reads what it missed from there.
 */
export class RedisBus implements Bus {
  readonly instanceId = newInstanceId()
  readonly distributed = true
  private readonly listeners = new Map<string, (message: BoardMessage) => void>()
  private readonly controlListeners: Array<(event: ControlEvent) => void> = []
  private readonly resumeListeners: Array<() => void> = []

  private constructor(
    /** Commands and publishing; fails at once while Redis is away (nothing piles up). */
    private readonly publisher: Redis,
    /** Subscriptions only (a subscribed connection can do nothing else). */
    private readonly subscriber: Redis,
    private readonly log: Logger,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) =>
      this.deliver(channel.toString(), payload),
    )
    let lost = false
    subscriber.on('error', (err: Error) => {
      if (!lost) log.warn('redis connection lost', { err: err.message })
      lost = true
    })
    subscriber.on('close', () => {
      lost = true
    })
    // ioredis subscribes again by itself; once publishing works too, every room reads what it
    // missed meanwhile (and what it publishes from then on goes out).
    subscriber.on('ready', () => {
      if (!lost) return
      lost = false
      const resume = () => {
        log.info('redis connection back; catching up')
        for (const listener of this.resumeListeners) listener()
      }
      if (publisher.status === 'ready') resume()
      else publisher.once('ready', resume)
    })
    publisher.on('error', () => {})
  }

  static async connect(url: string, log: Logger): Promise<RedisBus> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 1 }
    const publisher = new Redis(url, { ...options, enableOfflineQueue: false })
    const subscriber = new Redis(url, options)
    // Until the bus takes them over, errors are this function's to report.
    const quiet = () => {}
    publisher.on('error', quiet)
    subscriber.on('error', quiet)
    try {
      await Promise.all([publisher.connect(), subscriber.connect()])
    } catch (err) {
      publisher.disconnect()
      subscriber.disconnect()
      const reason = err instanceof Error ? err.message : String(err)
      throw new Error(`Redis at ${new URL(url).host} (SAMLA_REDIS_URL) does not answer: ${reason}`)
    }
    const bus = new RedisBus(publisher, subscriber, log)
    await subscriber.subscribe(CONTROL_CHANNEL)
    return bus
  }

  /** The publishing connection, for other shared state (cluster/redisAttempts.ts). */
  get commands(): Redis {
    return this.publisher
  }

  async subscribe(boardId: string, listener: (message: BoardMessage) => void): Promise<void> {
    this.listeners.set(boardId, listener)
    await this.subscriber.subscribe(boardChannel(boardId))
  }

  async unsubscribe(boardId: string): Promise<void> {
    this.listeners.delete(boardId)
    await this.subscriber.unsubscribe(boardChannel(boardId))
  }

  publish(boardId: string, message: BoardMessage): void {
    this.publisher
      .publish(boardChannel(boardId), Buffer.from(encodeBoardMessage(message)))
      .catch((err: unknown) => this.log.debug('publishing to the bus failed', { err }))
  }

  async publishControl(event: ControlEvent): Promise<void> {
    // Here first, whatever Redis does.
    for (const listener of this.controlListeners) listener(event)
    await this.publisher.publish(CONTROL_CHANNEL, JSON.stringify({ from: this.instanceId, event }))
  }

  onControl(listener: (event: ControlEvent) => void): void {
    this.controlListeners.push(listener)
  }

  onResume(listener: () => void): void {
    this.resumeListeners.push(listener)
  }

  async ping(): Promise<void> {
    await this.publisher.ping()
  }

  async close(): Promise<void> {
    this.subscriber.disconnect()
    this.publisher.disconnect()
  }

  private deliver(channel: string, payload: Buffer): void {
    try {
      if (channel === CONTROL_CHANNEL) {
        const { from, event } = JSON.parse(payload.toString()) as {
          from: string
          event: ControlEvent
        }
        if (from === this.instanceId) return
        for (const listener of this.controlListeners) listener(event)
        return
      }
      const listener = this.listeners.get(channel.slice(boardChannel('').length))
      listener?.(decodeBoardMessage(payload))
    } catch (err) {
      this.log.error('a bus message could not be handled', { channel, err })
    }
  }
}
