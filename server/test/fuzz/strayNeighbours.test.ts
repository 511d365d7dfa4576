import { CloseCode } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateFrame } from '../frames.ts'
import { RoomHarness } from './roomHarness.ts'
import { item, writeUpdate } from './updateWriter.ts'

/**
 * Found by the offline campaign: an item whose origin is in one list (a Y.Text) and whose
 * right origin in another (a nested map). Yjs puts it in its left neighbour's list; once the
 * right neighbour's list is deleted and garbage-collected, a replay of the compacted board
 * turns the item into garbage too (a neighbour that is garbage makes it so), while the live
 * document still shows it. Neighbours in Yjs are always of one list.
 */
let harness: RoomHarness | null = null
afterEach(async () => {
  await harness?.dispose()
  harness = null
})

describe('an item between neighbours of two different lists', () => {
  it('is refused', async () => {
    harness = await RoomHarness.open()
    const h = harness
    const writer = h.connect('editor')
    // A text under m.t and a map under m.n, from one client.
    const doc = new Y.Doc()
    doc.clientID = 11
    const m = doc.getMap('m')
    m.set('t', new Y.Text('ab'))
    m.set('n', new Y.Map([['k', 1]]))
    expect(h.send(writer, updateFrame(Y.encodeStateAsUpdate(doc))).open).toBe(true)
    const text = (m.get('t') as Y.Text)._item?.id as Y.ID
    const inText = Y.createID(11, text.clock + 1) // the text's first character
    const inMap = ((m.get('n') as Y.Map<unknown>)._map.get('k') as Y.Item).id
    const stray = item(Y.createID(12, 0), new Y.ContentString('x'), {
      origin: inText,
      rightOrigin: inMap,
    })
    const outcome = h.send(h.connect('editor'), updateFrame(writeUpdate([stray])))
    expect(outcome.close?.code).toBe(CloseCode.EditRefused)
    expect((await h.storedVersusLive()).detail).toBe('equal')
  })
})
