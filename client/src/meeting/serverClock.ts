import { serverTimeSchema } from '@samla/shared'
import { useEffect, useState } from 'react'

/** Server time minus this device's time, in ms; 0 until measured. */
let offsetMs = 0
let measuring: Promise<void> | null = null

/**
 * Measures the offset once per page: a phone whose clock is a minute off must still show the
 * same time left as the projector. Half the round trip is assumed each way.
 */
export function syncServerClock(): Promise<void> {
  measuring ??= (async () => {
    const sentAt = Date.now()
    const res = await fetch('/api/time')
    const receivedAt = Date.now()
    const { now } = serverTimeSchema.parse(await res.json())
    offsetMs = now - (sentAt + receivedAt) / 2
  })().catch(() => {
    // Without the server's time the device's own is the best guess; try again next time.
    measuring = null
  })
  return measuring
}

/** The server's clock as this device best knows it. */
export function serverNow(): number {
  return Date.now() + offsetMs
}

/** Re-renders every `intervalMs` while `active`, returning the server time. */
export function useServerNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    void syncServerClock().then(() => setNow(serverNow()))
    if (!active) return
    const timer = setInterval(() => setNow(serverNow()), intervalMs)
    return () => clearInterval(timer)
  }, [active, intervalMs])
  return now
}

/** "4:05" for 245,000 ms; rounds up so that a timer shows 0:00 only when it has run out. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
