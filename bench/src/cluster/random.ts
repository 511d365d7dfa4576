/**
 * A seeded xorshift32 generator: with the same seed both clusters get the same schedule
 * (which writer starts when, which cursor moves when).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
}
