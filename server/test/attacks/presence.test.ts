import { AUTHOR_KEY_PARAM, MessageType, newAuthorKey } from '@samla/shared'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { awarenessFrame, messageTypeOf, queryAwarenessFrame, readAwareness } from '../frames.ts'
import { RawClient, startTestServer, type TestServer, waitForPresence } from '../helpers.ts'
import { connectBoard } from '../writeBoard.ts'

/** Attacks on presence (cursors, names), from raw sockets against stock providers. */
const servers: TestServer[] = []
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  for (const s of servers.splice(0)) await s.dispose()
})

async function setUp(env: Record<string, string> = {}) {
  const s = await startTestServer(env)
  servers.push(s)
  const { id } = await s.createBoard()
  const person = (name: string) => {
    const client = connectBoard(s.url, id, null)
    client.provider.awareness.setLocalStateField('user', { name })
    cleanups.push(() => {
      client.provider.destroy()
      client.doc.destroy()
    })
    return client
  }
  const alice = person('Alice')
  const bob = person('Bob')
  await Promise.all([alice.synced, bob.synced])
  await waitForPresence(bob.provider.awareness, alice.doc.clientID)
  const attacker = await RawClient.open(s, id, { [AUTHOR_KEY_PARAM]: newAuthorKey() })
  cleanups.push(() => attacker.ws.terminate())
  /** Every presence state the server holds now, as a joiner would be sent it. */
  const serverPresence = async () => {
    const from = attacker.frames.length
    attacker.send(queryAwarenessFrame())
    const frame = await attacker.next((f) => messageTypeOf(f) === MessageType.Awareness, from)
    return { states: readAwareness(frame), bytes: frame.byteLength }
  }
  return { s, id, alice, bob, attacker, serverPresence }
}

const nameOf = (state: unknown) => (state as { user?: { name?: string } } | null)?.user?.name

/** An awareness frame with many client ids at once, as one hostile socket sent 300,000. */
function manyIdsFrame(count: number, state: string, firstId = 1_000_000): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, count)
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(inner, firstId + i)
    encoding.writeVarUint(inner, 1)
    encoding.writeVarString(inner, state)
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MessageType.Awareness)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

describe('attacks on presence', () => {
  it('[5] nobody can speak as someone else, nor hide them with a null entry', async () => {
    const { alice, bob, attacker, serverPresence } = await setUp()
    const victim = alice.doc.clientID
    attacker.send(awarenessFrame(victim, 1000, { user: { name: 'MALLORY' } }))
    attacker.send(awarenessFrame(victim, 2000, null))
    expect(await attacker.handled()).toBe('handled')
    const { states } = await serverPresence()
    expect(nameOf(states.get(victim))).toBe('Alice')
    // A later honest change arrives, so the spoofs, sent earlier, would have arrived first.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice B' })
    await waitForPresence(bob.provider.awareness, victim, (s) => nameOf(s) === 'Alice B')
    await waitForPresence(alice.provider.awareness, victim, (s) => nameOf(s) === 'Alice B')
  })

  it('[6] an oversized state, 300,000 ids from one socket, and a state 200,000 deep go nowhere; honest clients stay', async () => {
    const { bob, alice, attacker, serverPresence } = await setUp()
    attacker.send(awarenessFrame(1, 1, { blob: 'x'.repeat(7 * 1024 * 1024) }))
    // 300,000 ids, in three frames under the frame size limit.
    for (let part = 0; part < 3; part++)
      attacker.send(manyIdsFrame(100_000, '{"user":{"name":"bot"}}', 1_000_000 + part * 100_000))
    attacker.send(awarenessFrame(2, 1, { user: { name: 'shallow' } }))
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    const deepFrame = manyIdsFrame(1, deep)
    attacker.send(deepFrame)
    expect(await attacker.handled()).toBe('handled')
    const { states, bytes } = await serverPresence()
    // Alice, Bob and at most a few ids of the attacker's: a joiner's first frame stays small.
    expect(states.has(1)).toBe(false)
    const bots = [...states.values()].filter((st) => nameOf(st) === 'bot')
    expect(bots.length).toBeLessThanOrEqual(4)
    expect(bytes).toBeLessThan(2048)
    // Honest providers are still connected and still see each other move.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice igen' })
    await waitForPresence(
      bob.provider.awareness,
      alice.doc.clientID,
      (s) => nameOf(s) === 'Alice igen',
    )
    expect(bob.provider.wsconnected && alice.provider.wsconnected).toBe(true)
  })

  it('[6] the presence of a whole room is bounded, so a joiner can always be sent it', async () => {
    const { s, id, serverPresence } = await setUp({
      SAMLA_MAX_PRESENCE_BYTES: '4096',
      SAMLA_MAX_PRESENCE_ROOM_BYTES: '16384',
    })
    for (let i = 0; i < 8; i++) {
      const socket = await RawClient.open(s, id, { [AUTHOR_KEY_PARAM]: newAuthorKey() })
      cleanups.push(() => socket.ws.terminate())
      socket.send(awarenessFrame(500 + i, 1, { user: { name: 'x'.repeat(4000) } }))
      expect(await socket.handled()).toBe('handled')
    }
    const { states, bytes } = await serverPresence()
    expect(bytes).toBeLessThanOrEqual(16384 + 1024)
    expect(states.size).toBeLessThan(8 + 2)
    const joiner = connectBoard(s.url, id, null)
    cleanups.push(() => joiner.provider.destroy())
    await joiner.synced
  })
})
