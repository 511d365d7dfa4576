import { describe, expect, it } from 'vitest'
import { forgetMeeting, loadMeetings, type SavedMeeting, saveMeeting } from './savedMeetings.ts'

const links = { facilitator: 'f', participant: 'p', projector: 'r' }
const meeting = (id: string, date: string): SavedMeeting => ({
  id,
  title: `Samling ${id}`,
  date,
  group: 'kraftsamling',
  format: 'hybrid',
  joinCode: 'ABC234',
  links,
})

/** The client tests run in Node, which has no localStorage: the same interface over a Map. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value))
  }
}

describe('meetings kept in this browser', () => {
  it('keeps them newest date first, replaces one saved again, forgets one, survives junk', () => {
    const storage = new MemoryStorage()
    saveMeeting(meeting('a', '2026-02-13'), storage)
    saveMeeting(meeting('b', '2026-03-20'), storage)
    saveMeeting({ ...meeting('a', '2026-02-13'), title: 'Ändrad' }, storage)
    expect(loadMeetings(storage).map((m) => [m.id, m.title])).toEqual([
      ['b', 'Samling b'],
      ['a', 'Ändrad'],
    ])
    expect(forgetMeeting('b', storage).map((m) => m.id)).toEqual(['a'])
    storage.setItem('samla.meetings', '{not json')
    expect(loadMeetings(storage)).toEqual([])
  })
})
