import { atom, createTLCurrentUser, type TLUserPreferences, UserPreferencesManager } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { facilitatorUser, markedName, unmarkedName } from './facilitatorName.ts'

/** tldraw's user as this browser keeps it, in memory instead of localStorage. */
function stored(name?: string) {
  const saved = atom<TLUserPreferences>('saved', { id: 'user-1', name })
  const base = createTLCurrentUser({
    userPreferences: saved,
    setUserPreferences: (preferences) => saved.set(preferences),
  })
  return { saved, base }
}

describe('the facilitator in the people list', () => {
  it('is shown as "Anna (processledare)" wherever tldraw reads the name (cursor, people menu)', () => {
    const { base } = stored('Anna')
    const user = new UserPreferencesManager(
      facilitatorUser(atom('mark', 'processledare'), base),
      'light',
    )
    expect(user.getName()).toBe('Anna (processledare)')
  })

  it('keeps the plain name in the browser, however the name is changed, with no marks stacking', () => {
    const { saved, base } = stored('Anna')
    const user = new UserPreferencesManager(
      facilitatorUser(atom('mark', 'processledare'), base),
      'light',
    )
    // tldraw writes all the preferences back, the shown (marked) name with them.
    user.updateUserPreferences({ locale: 'sv' })
    expect(saved.get().name).toBe('Anna')
    user.updateUserPreferences({ name: 'Anna Berg (processledare)' })
    expect(saved.get().name).toBe('Anna Berg')
    expect(user.getName()).toBe('Anna Berg (processledare)')
    // Another language's mark, once the facilitator switched to English, is cleaned as well.
    user.updateUserPreferences({ name: 'Anna Berg (facilitator) (processledare)' })
    expect(saved.get().name).toBe('Anna Berg')
  })

  it('follows the language, and leaves no name empty so that the board still makes up a guest name', () => {
    const { base } = stored(undefined)
    const mark = atom('mark', 'processledare')
    const user = new UserPreferencesManager(facilitatorUser(mark, base), 'light')
    expect(user.getName()).toBe('')
    user.updateUserPreferences({ name: 'Gäst 42' })
    expect(user.getName()).toBe('Gäst 42 (processledare)')
    mark.set('facilitator')
    expect(user.getName()).toBe('Gäst 42 (facilitator)')
  })

  it('marks and unmarks names', () => {
    expect(markedName('  Bo ', 'processledare')).toBe('Bo (processledare)')
    expect(markedName('Bo (processledare)', 'processledare')).toBe('Bo (processledare)')
    expect(markedName('', 'processledare')).toBe('')
    expect(unmarkedName('Bo (processledare)')).toBe('Bo')
    expect(unmarkedName('Bo (ordförande)')).toBe('Bo (ordförande)')
  })
})
