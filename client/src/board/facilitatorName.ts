import { useEffect, useMemo, useState } from 'react'
import {
  atom,
  computed,
  createTLCurrentUser,
  type Signal,
  type TLCurrentUser,
  type TLUserPreferences,
} from 'tldraw'
import { en, sv } from '../facilitation/messages.ts'
import { useI18n } from '../i18n/index.tsx'

/** Every language's mark, so that a name saved in one language is cleaned in another too. */
const MARKS = [sv['facilitation.facilitatorMark'], en['facilitation.facilitatorMark']]

/** "Anna (processledare)" → "Anna", whichever language's mark it carries (and however often). */
export function unmarkedName(name: string): string {
  let result = name.trim()
  for (let changed = true; changed; ) {
    changed = false
    for (const mark of MARKS) {
      const suffix = `(${mark})`
      if (result.endsWith(suffix)) {
        result = result.slice(0, -suffix.length).trim()
        changed = true
      }
    }
  }
  return result
}

/** "Anna" → "Anna (processledare)"; no name stays no name (the board makes up a guest's). */
export function markedName(
  name: string | null | undefined,
  mark: string,
): string | null | undefined {
  const plain = unmarkedName(name ?? '')
  return plain ? `${plain} (${mark})` : name
}

/**
 * The facilitator as tldraw knows them: the name everyone sees in the people menu and on the
 * cursor (presence sends `editor.user.getName()`) is marked "(processledare)". Only the
 * marked view is shown: what is saved in this browser stays the plain name, so the same
 * browser on a participant's link is plain "Anna" again, and renaming oneself in the people
 * menu never stacks marks. `base` is tldraw's own user, kept in this browser's storage.
 */
export function facilitatorUser(
  mark: Signal<string>,
  base: TLCurrentUser = createTLCurrentUser(),
): TLCurrentUser {
  return {
    userPreferences: computed('samla facilitator preferences', () => {
      const preferences = base.userPreferences.get()
      return { ...preferences, name: markedName(preferences.name, mark.get()) }
    }),
    setUserPreferences: (preferences: TLUserPreferences) =>
      base.setUserPreferences({
        ...preferences,
        name:
          typeof preferences.name === 'string' ? unmarkedName(preferences.name) : preferences.name,
      }),
  }
}

/**
 * For `<Tldraw user={…}>`: the marked user on a facilitator's link, tldraw's default user
 * (undefined) on any other. The same object for the whole visit: a new one would make tldraw
 * start a new editor; the mark follows the language through a signal instead.
 */
export function useFacilitatorUser(isFacilitator: boolean): TLCurrentUser | undefined {
  const { t } = useI18n()
  const label = t('facilitation.facilitatorMark')
  const [mark] = useState(() => atom('facilitator mark', label))
  useEffect(() => {
    mark.set(label)
  }, [mark, label])
  return useMemo(() => (isFacilitator ? facilitatorUser(mark) : undefined), [isFacilitator, mark])
}
