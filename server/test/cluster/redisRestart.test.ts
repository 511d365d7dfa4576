import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient, waitForDoc } from '../helpers.ts'
import { type Cluster, startCluster } from './cluster.ts'
import { PrivateRedis } from './privateRedis.ts'

let cluster: Cluster | null = null
let redis: PrivateRedis | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await cluster?.dispose()
  await redis?.kill()
  cluster = null
  redis = null
})

describe('Redis restarted under load', () => {
  it('every instance catches up from PostgreSQL when its bus comes back, and the documents are equal', async () => {
    redis = await PrivateRedis.start()
    cluster = await startCluster(2, {}, redis.url)
    const [one, two] = cluster.servers as [Cluster['servers'][0], Cluster['servers'][0]]
    const res = await fetch(`${one.url}/api/boards`, { method: 'POST' })
    const boardId = ((await res.json()) as { id: string }).id
    const a = connectClient(one, boardId)
    const b = connectClient(two, boardId)
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])
    a.doc.getMap('m').set('before', 1)
    await waitForDoc(b.doc, () => b.doc.getMap('m').has('before'))

    await redis.kill()
    // Health says so: a load balancer stops sending people here.
    expect((await fetch(`${one.url}/api/health`)).status).toBe(503)
    // Each instance keeps serving its own clients; nothing crosses while Redis is away.
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('m').set(`a${i}`, i)
      b.doc.getMap('m').set(`b${i}`, i)
    }
    const settled = async (server: Cluster['servers'][0]) =>
      (await server.rooms.peek(boardId))?.persisted()
    await Promise.all([settled(one), settled(two)])

    await redis.start()
    await Promise.all([a, b].map((c) => waitForDoc(c.doc, () => c.doc.getMap('m').size === 41)))
    expect(a.doc.getMap('m').toJSON()).toEqual(b.doc.getMap('m').toJSON())
    // And both instances' rooms hold the same document.
    const [roomOne, roomTwo] = await Promise.all([one.rooms.peek(boardId), two.rooms.peek(boardId)])
    if (!roomOne || !roomTwo) throw new Error('both instances hold the board')
    expect(Y.encodeStateVector(roomOne.doc)).toEqual(Y.encodeStateVector(roomTwo.doc))
    expect((await fetch(`${two.url}/api/health`)).status).toBe(200)
  }, 60_000)
})
