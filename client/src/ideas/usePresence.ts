import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** What one page tells the others of itself: the field it is writing in, if any. */
export interface IdeaPresence {
  field: string | null
}

/**
 * Who else has the idébeskrivning open, and in which field each is writing, from the
 * provider's awareness; `focus` is what this page tells them.
 */
export function usePresence(provider: WebsocketProvider | null) {
  const [others, setOthers] = useState<IdeaPresence[]>([])
  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    const read = () =>
      setOthers(
        [...awareness.getStates().entries()]
          .filter(([id]) => id !== awareness.clientID)
          .map(([, state]) => ({
            field: typeof state?.field === 'string' ? (state.field as string) : null,
          })),
      )
    awareness.setLocalState({ field: null } satisfies IdeaPresence)
    awareness.on('change', read)
    read()
    return () => awareness.off('change', read)
  }, [provider])
  const focus = (field: string | null) => provider?.awareness.setLocalStateField('field', field)
  return { others, focus }
}
