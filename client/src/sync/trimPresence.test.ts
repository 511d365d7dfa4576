import {
  createShapeId,
  createUserId,
  InstancePresenceRecordType,
  PageRecordType,
  type TLInstancePresence,
  type TLScribble,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { trimPresence } from './trimPresence.ts'

/** The relay's default cap on one presence state (SAMLA_MAX_PRESENCE_BYTES). */
const RELAY_CAP = 8 * 1024

function presence(selected: number, scribblePoints: number): TLInstancePresence {
  const scribble: TLScribble = {
    id: 'laser',
    points: Array.from({ length: scribblePoints }, (_, i) => ({
      x: i * 1.234,
      y: i * 2.345,
      z: 0.5,
    })),
    size: 4,
    color: 'laser',
    opacity: 1,
    state: 'active',
    delay: 0,
    shrink: 0,
    taper: false,
  }
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId('me'),
    userId: createUserId('me'),
    userName: 'Charlotte Lindqvist',
    currentPageId: PageRecordType.createId('page'),
    selectedShapeIds: Array.from({ length: selected }, () => createShapeId()),
    scribbles: [scribble, scribble, scribble],
    chatMessage: 'Vad kan vi göra redan i morgon?',
  })
}

describe('our presence stays under the relay’s cap', () => {
  it('cuts a long selection and long scribbles, and stays a valid presence record', () => {
    const big = presence(500, 400)
    expect(JSON.stringify({ presence: big }).length).toBeGreaterThan(RELAY_CAP)
    const trimmed = trimPresence(big)
    expect(JSON.stringify({ presence: trimmed }).length).toBeLessThan(RELAY_CAP)
    expect(() => InstancePresenceRecordType.validate(trimmed)).not.toThrow()
    expect(trimmed.selectedShapeIds).toEqual(big.selectedShapeIds.slice(0, 64))
  })

  it('leaves an ordinary presence as it is', () => {
    const ordinary = presence(3, 10)
    expect(trimPresence({ ...ordinary, scribbles: ordinary.scribbles.slice(0, 1) })).toEqual({
      ...ordinary,
      scribbles: ordinary.scribbles.slice(0, 1),
    })
  })
})
