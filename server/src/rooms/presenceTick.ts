/** The shortest tick: about 60 per second, as smooth as a cursor needs to be. */
export const MIN_TICK_MS = 16
/** The longest: even in the largest room a cursor moves at least once a second. */
export const MAX_TICK_MS = 1000

/**
 * How long presence changes are gathered before they go out. Each receiver gets at most one
 * state per other client per tick, so with `budget` states per second per receiver the tick is
 * clients / budget seconds: a workshop of 30 gets about 60 ms (smooth cursors), a national
 * Kraftsamling of 300 about 670 ms, instead of every phone receiving 1,500 states a second.
 */
export function presenceTickMs(connections: number, budget: number): number {
  const ms = (1000 * connections) / budget
  return Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Math.round(ms)))
}
