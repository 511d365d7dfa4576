import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { integratesWhole } from './integration.ts'

/** Each transaction of `edit` as its own update, as a provider sends them. */
function updatesOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const listen = (u: Uint8Array) => updates.push(u)
  doc.on('update', listen)
  edit(doc)
  doc.off('update', listen)
  return updates
}

const judge = (server: Y.Doc, update: Uint8Array) =>
  integratesWhole(Y.decodeUpdate(update), (client) => Y.getState(server.store, client))

/** Checks our verdict against what Yjs itself does with the update. */
function yjsLeavesPending(server: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(copy, update)
  const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null
  copy.destroy()
  return pending
}

describe('an update integrates whole, or is not applied at all', () => {
  it('takes a fresh client’s edits and edits that build on what the server has', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const [first, second] = updatesOf(client, (d) => {
      d.getMap('records').set('shape:a', { x: 1 })
      d.getMap('records').set('shape:a', { x: 2 })
    })
    if (!first || !second) throw new Error('two updates expected')
    expect(judge(server, first)).toBe(true)
    Y.applyUpdate(server, first)
    expect(judge(server, second)).toBe(true)
  })

  it('refuses structs after a clock the client has not sent (the locked-phase bypass)', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const [first, second] = updatesOf(client, (d) => {
      d.getMap('records').set('shape:a', { text: 'open phase' })
      d.getMap('records').set('shape:a', { text: 'TAMPERED AFTER LOCK' })
    })
    if (!first || !second) throw new Error('two updates expected')
    expect(judge(server, second)).toBe(false)
    expect(yjsLeavesPending(server, second)).toBe(true)
    // Sent together, they are one whole edit again.
    expect(judge(server, Y.mergeUpdates([first, second]))).toBe(true)
  })

  it('refuses items placed next to another client’s items the server never had', () => {
    const server = new Y.Doc()
    const hidden = new Y.Doc()
    const [unseen] = updatesOf(hidden, (d) => d.getText('t').insert(0, 'hidden'))
    const other = new Y.Doc()
    Y.applyUpdate(other, unseen as Uint8Array)
    const [builtOn] = updatesOf(other, (d) => d.getText('t').insert(3, '!'))
    expect(judge(server, builtOn as Uint8Array)).toBe(false)
    expect(yjsLeavesPending(server, builtOn as Uint8Array)).toBe(true)
    expect(judge(server, Y.mergeUpdates([unseen as Uint8Array, builtOn as Uint8Array]))).toBe(true)
  })

  it('refuses deletions of clocks the server does not have', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const [insert, remove] = updatesOf(client, (d) => {
      d.getMap('m').set('k', 1)
      d.getMap('m').delete('k')
    })
    expect(judge(server, remove as Uint8Array)).toBe(false)
    expect(yjsLeavesPending(server, remove as Uint8Array)).toBe(true)
    Y.applyUpdate(server, insert as Uint8Array)
    expect(judge(server, remove as Uint8Array)).toBe(true)
  })

  it('refuses an update with a gap (a Skip) the server cannot fill', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const [a, , c] = updatesOf(client, (d) => {
      d.getMap('m').set('a', 1)
      d.getMap('m').set('b', 2)
      d.getMap('m').set('c', 3)
    })
    const gapped = Y.mergeUpdates([a as Uint8Array, c as Uint8Array])
    expect(Y.decodeUpdate(gapped).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expect(judge(server, gapped)).toBe(false)
    expect(yjsLeavesPending(server, gapped)).toBe(true)
  })

  it('agrees with Yjs on every prefix and suffix of a real editing session', () => {
    const client = new Y.Doc()
    const updates = updatesOf(client, (d) => {
      for (let i = 0; i < 6; i++) {
        d.getMap('records').set(`shape:${i}`, { i })
        d.getText('t').insert(0, `${i}`)
        if (i % 2) d.getMap('records').delete(`shape:${i - 1}`)
      }
    })
    for (let from = 0; from < updates.length; from++) {
      const server = new Y.Doc()
      for (const u of updates.slice(0, from)) Y.applyUpdate(server, u)
      for (let to = from + 1; to <= updates.length; to++) {
        for (const skip of [false, true]) {
          // With `skip`, the first update of the range is left out.
          const range = updates.slice(skip ? from + 1 : from, to)
          if (range.length === 0) continue
          const update = Y.mergeUpdates(range)
          expect(judge(server, update)).toBe(!yjsLeavesPending(server, update))
        }
      }
    }
  })
})
