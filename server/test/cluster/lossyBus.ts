import type { BoardMessage, Bus, ControlEvent } from '../../src/rooms/bus.ts'

/**
 * A real bus with faults put in on purpose: messages this instance publishes can be dropped
 * or held back, and `ping` can be made to fail, as a flaky network or a Redis restart would.
 */
export class LossyBus implements Bus {
  /** Decides, per published board message, whether it is lost on the way. */
  drop: (message: BoardMessage) => boolean = () => false
  /** Milliseconds a published board message is held back (0: none). */
  delayMs: (message: BoardMessage) => number = () => 0
  down = false
  dropped = 0

  constructor(private readonly inner: Bus) {}

  get instanceId(): string {
    return this.inner.instanceId
  }

  get distributed(): boolean {
    return this.inner.distributed
  }

  subscribe(boardId: string, listener: (message: BoardMessage) => void): Promise<void> {
    return this.inner.subscribe(boardId, listener)
  }

  unsubscribe(boardId: string): Promise<void> {
    return this.inner.unsubscribe(boardId)
  }

  publish(boardId: string, message: BoardMessage): void {
    if (this.drop(message)) {
      this.dropped++
      return
    }
    const delay = this.delayMs(message)
    if (delay > 0) setTimeout(() => this.inner.publish(boardId, message), delay)
    else this.inner.publish(boardId, message)
  }

  publishControl(event: ControlEvent): Promise<void> {
    return this.inner.publishControl(event)
  }

  onControl(listener: (event: ControlEvent) => void): void {
    this.inner.onControl(listener)
  }

  onResume(listener: () => void): void {
    this.inner.onResume(listener)
  }

  async ping(): Promise<void> {
    if (this.down) throw new Error('bus down (injected)')
    await this.inner.ping()
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
