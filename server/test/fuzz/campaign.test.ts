import { describe, expect, it } from 'vitest'
import { type ModeSummary, runCampaign } from './campaign.ts'

/**
 * The fuzz campaign in the test command: 10,000 frames of every attack class (deep values,
 * pending structs, foreign client ids, invalid tldraw records, presence floods, struct and
 * byte damage, overlaps), 5,000 as a plain board's editor and 5,000 as a meeting's
 * participant, against a real room on a real SQLite file with honest clients editing
 * throughout. `node --import tsx server/bench/fuzzCampaign.ts --frames 100000` runs it at
 * scale. Deterministic by seed.
 */
const FRAMES = 10_000

function tally(s: ModeSummary) {
  return {
    tried: s.tried,
    accepted: s.accepted,
    refused: Object.fromEntries(s.refused),
    handlerErrors: [...s.handlerErrors.keys()],
  }
}

describe('fuzz campaign', () => {
  it(`survives ${FRAMES} hostile frames: no crash, no handler error, storage always equal to the live room, honest clients converge`, async () => {
    const results = await runCampaign({
      frames: FRAMES,
      seed: 20261201,
      modes: ['editor', 'participant'],
      maxMessageBytes: 8 * 1024 * 1024,
    })
    for (const mode of results) {
      expect(mode.tried, mode.mode).toBe(FRAMES / 2)
      // Most of it is refused; some is legitimate and taken.
      expect(mode.accepted, mode.mode).toBeGreaterThan(0)
      expect(
        [...mode.refused.values()].reduce((a, b) => a + b, 0),
        mode.mode,
      ).toBeGreaterThan(FRAMES / 10)
      expect([...mode.crashes.keys()], mode.mode).toEqual([])
      expect(tally(mode).handlerErrors, mode.mode).toEqual([])
      expect(mode.honestErrors, mode.mode).toEqual([])
      // One room for the whole run: no frame ever left storage different from the room.
      expect(mode.segments, mode.mode).toHaveLength(1)
      for (const segment of mode.segments) {
        expect(segment.storedEqualsLive, mode.mode).toBe(true)
        expect(segment.honestConverged, mode.mode).toBe(true)
        expect(segment.honestLastEditArrived, mode.mode).toBe(true)
        expect(segment.invalidRecords, mode.mode).toBe(0)
        expect(segment.nestedTypeRecords, mode.mode).toBe(0)
      }
    }
  }, 600_000)
})
