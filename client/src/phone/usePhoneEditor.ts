import { useEffect, useState } from 'react'
import {
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  type TLStore,
  tipTapDefaultExtensions,
} from 'tldraw'

/**
 * A tldraw editor without a canvas, over the synced store: the phone page writes notes with
 * tldraw's own defaults, indexes and validation, so every client reads them as its own.
 */
export function usePhoneEditor(
  store: TLStore | null,
  container: HTMLElement | null,
): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null)
  useEffect(() => {
    if (!store || !container) return
    const created = new Editor({
      store,
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      tools: [],
      getContainer: () => container,
      // What <Tldraw> gives its editor: rich text needs TipTap's extensions.
      options: {
        text: {
          addFontsFromNode: defaultAddFontsFromNode,
          tipTapConfig: { extensions: tipTapDefaultExtensions },
        },
      },
    })
    setEditor(created)
    return () => {
      setEditor(null)
      created.dispose()
    }
  }, [store, container])
  return editor
}
