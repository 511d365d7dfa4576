import { type RefObject, useEffect } from 'react'

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex="-1"]'

/**
 * Keeps a keyboard user's place in a panel whose controls change under them: when the
 * focused control goes away (a "Starta röstning" that becomes "Avsluta"), focus moves to the
 * first control of the same section, or to the panel's heading, instead of the page's body.
 */
export function useKeepFocus(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (!root) return
    let focused: HTMLElement | null = null
    let section: HTMLElement | null = null
    const onFocusIn = (event: FocusEvent) => {
      focused = event.target as HTMLElement
      section = focused.closest('section') ?? root
    }
    const observer = new MutationObserver(() => {
      if (!focused || focused.isConnected) return
      const active = document.activeElement
      if (active && active !== document.body) return
      const place = section?.isConnected ? section : root
      const next = place.querySelector<HTMLElement>(FOCUSABLE) ?? root.querySelector('h2')
      focused = null
      next?.focus()
    })
    root.addEventListener('focusin', onFocusIn)
    observer.observe(root, { childList: true, subtree: true })
    return () => {
      root.removeEventListener('focusin', onFocusIn)
      observer.disconnect()
    }
  }, [container])
}
