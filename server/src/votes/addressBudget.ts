const HOUR_MS = 60 * 60 * 1000
/** A round nobody has voted in for this long is forgotten (its count starts afresh). */
const IDLE_ROUND_MS = 12 * HOUR_MS

interface RoundCounts {
  /** Votes standing per client address. */
  byAddress: Map<string, number>
  touchedAt: number
}

/**
 * Votes standing in a round per client address, so that an address that clears its storage
 * and fetches credential after credential over the hours still has a bounded say in one round.
 * Counted in memory, like the other per-address limits: a restart starts the counts afresh,
 * and addresses are never written to the database.
 *
 * A vote counts against the address it was cast from and a vote taken back frees one of the
 * taking address's (never below zero): a phone that changes network mid-round can only
 * overcount, and the votes standing from a set of addresses never pass the sum of their caps.
 */
export class AddressBudget {
  private readonly rounds = new Map<string, RoundCounts>()
  private sweptAt: number

  constructor(private readonly now: () => number = Date.now) {
    this.sweptAt = now()
  }

  /** Whether the address has fewer than `cap` votes standing in the round. */
  allows(meetingId: string, round: string, address: string, cap: number): boolean {
    return this.count(meetingId, round, address) < cap
  }

  /** Counts a vote that was just stored. */
  take(meetingId: string, round: string, address: string): void {
    const counts = this.round(meetingId, round)
    counts.byAddress.set(address, (counts.byAddress.get(address) ?? 0) + 1)
  }

  /** Frees one vote after one was taken back. */
  giveBack(meetingId: string, round: string, address: string): void {
    const counts = this.rounds.get(key(meetingId, round))
    const n = counts?.byAddress.get(address) ?? 0
    if (!counts || n === 0) return
    if (n === 1) counts.byAddress.delete(address)
    else counts.byAddress.set(address, n - 1)
  }

  private count(meetingId: string, round: string, address: string): number {
    return this.rounds.get(key(meetingId, round))?.byAddress.get(address) ?? 0
  }

  private round(meetingId: string, round: string): RoundCounts {
    const now = this.now()
    // Swept at most hourly, by the traffic itself: no timer to keep running or to stop.
    if (now - this.sweptAt > HOUR_MS) {
      for (const [k, counts] of this.rounds)
        if (now - counts.touchedAt > IDLE_ROUND_MS) this.rounds.delete(k)
      this.sweptAt = now
    }
    const k = key(meetingId, round)
    const counts = this.rounds.get(k) ?? { byAddress: new Map(), touchedAt: now }
    counts.touchedAt = now
    this.rounds.set(k, counts)
    return counts
  }
}

// Neither meeting ids nor round ids contain a space.
const key = (meetingId: string, round: string) => `${meetingId} ${round}`
