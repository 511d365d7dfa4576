import { type Controls, phaseOrder } from '@samla/shared'
import { useEffect, useId, useState } from 'react'
import type { Editor } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import type { ControlActions } from '../meeting/controls.ts'

const CONFIRM_MS = 5_000

/** Everyone to my view, what the projector shows, and whether names show at all. */
export function RoomControls({
  editor,
  controls,
  actions,
}: {
  editor: Editor
  controls: Controls
  actions: ControlActions
}) {
  const { t } = useI18n()
  const anonymousId = useId()
  const [brought, setBrought] = useState(0)
  const bring = () => {
    actions.bringEveryone(
      phaseOrder(editor.getPages()),
      editor.getCurrentPageId(),
      editor.getViewportPageBounds().toJson(),
    )
    setBrought((n) => n + 1)
  }
  // The confirmation is about the moment of the click; afterwards the hint shows again.
  useEffect(() => {
    if (!brought) return
    const timer = setTimeout(() => setBrought(0), CONFIRM_MS)
    return () => clearTimeout(timer)
  }, [brought])
  const { mode } = controls.projector

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-room">
      <h3 id="facilitation-room">{t('facilitation.room.heading')}</h3>
      <button type="button" className="facilitation-button facilitation-wide" onClick={bring}>
        {t('facilitation.room.bring')}
      </button>
      <p className="facilitation-help" role="status">
        {brought ? t('facilitation.room.brought') : t('facilitation.room.bringHint')}
      </p>
      <fieldset className="facilitation-fieldset">
        <legend>{t('facilitation.projector.label')}</legend>
        {(['fit', 'follow'] as const).map((option) => (
          <label key={option} className="facilitation-choice">
            <input
              type="radio"
              name="facilitation-projector"
              checked={mode === option}
              onChange={() =>
                actions.setProjector(
                  option === 'follow'
                    ? // The id our presence carries (sync/presence.ts), which tldraw follows.
                      { mode: 'follow', followUserId: editor.user.getRecordId() }
                    : { mode: 'fit', followUserId: null },
                )
              }
            />
            {t(`facilitation.projector.${option}`)}
          </label>
        ))}
      </fieldset>
      <p className="facilitation-choice">
        <input
          id={anonymousId}
          type="checkbox"
          checked={controls.anonymous}
          onChange={(e) => actions.setAnonymous(e.target.checked)}
        />
        <label htmlFor={anonymousId}>{t('facilitation.anonymous.label')}</label>
      </p>
    </section>
  )
}
