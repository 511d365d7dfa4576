import type { Meeting } from '@samla/shared'
import type { Logger } from '../logger.ts'
import type { MeetingRepository } from '../storage/repositories.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const PURGE_EVERY_MS = 60 * 60 * 1000

/**
 * Erases every meeting whose date lies more than `days` days back, the same way a
 * facilitator's delete does (`erase`, process/service.ts) (everyone cut off, then every row of it gone). Returns the ids.
 */
export async function purgeExpiredMeetings(
  meetings: MeetingRepository,
  erase: (meeting: Meeting) => Promise<void>,
  days: number,
  now = Date.now(),
): Promise<string[]> {
  const cutoff = new Date(now - days * DAY_MS).toISOString().slice(0, 10)
  const expired = await meetings.heldBefore(cutoff)
  for (const meeting of expired) await erase(meeting)
  return expired.map((m) => m.id)
}

/** Purges at start and then hourly; returns a stop function. */
export function startRetention(
  meetings: MeetingRepository,
  erase: (meeting: Meeting) => Promise<void>,
  days: number | undefined,
  log: Logger,
): () => void {
  if (!days) return () => {}
  const run = () =>
    purgeExpiredMeetings(meetings, erase, days).then(
      (ids) =>
        ids.length > 0 && log.info('meetings past retention erased', { count: ids.length, days }),
      (err: unknown) => log.error('retention purge failed', { err }),
    )
  void run()
  const timer = setInterval(run, PURGE_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
