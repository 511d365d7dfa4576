import { useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'

/**
 * A panel section that does one thing with the selected notes (or frames) on the server —
 * "Gör till idé", "Till Blå listan" — and says what came of it.
 */
export function SelectionAction({
  editor,
  heading,
  hint,
  button,
  failed,
  act,
}: {
  editor: Editor
  heading: string
  hint: string
  button: string
  /** What the section says when `act` fails. */
  failed: string
  /** Does it with the selected shape ids; resolves with what to tell the facilitator. */
  act: (shapeIds: string[]) => Promise<string>
}) {
  const id = useId()
  const selected = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      setStatus({ ok: true, text: await act(selected) })
    } catch {
      setStatus({ ok: false, text: failed })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="facilitation-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p className="facilitation-help">{hint}</p>
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={busy || selected.length === 0}
        onClick={run}
      >
        {button}
      </button>
      <p
        className={status && !status.ok ? 'facilitation-help error' : 'facilitation-help'}
        role="status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  )
}
