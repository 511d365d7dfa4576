import { type Controls, phaseOrder } from '@samla/shared'
import { useEffect, useId, useState } from 'react'
import { type Editor, type TLFrameShape, type TLPageId, useValue } from 'tldraw'
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
  const frameId = useId()
  const joinId = useId()
  // The current phase's frames, in reading order: what the projector can present.
  const frames = useValue('frames of the phase', () => {
    const page = controls.currentPhase as TLPageId | null
    if (!page || !editor.getPage(page)) return []
    return [...editor.getSortedChildIdsForParent(page)]
      .map((id) => editor.getShape(id))
      .filter((shape): shape is TLFrameShape => shape?.type === 'frame')
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((shape) => ({ id: shape.id as string, name: shape.props.name || '–' }))
  }, [editor, controls.currentPhase])
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
        {(['fit', 'follow', 'frame'] as const).map((option) => (
          <label key={option} className="facilitation-choice">
            <input
              type="radio"
              name="facilitation-projector"
              checked={mode === option}
              disabled={option === 'frame' && frames.length === 0}
              onChange={() =>
                actions.setProjector({
                  ...controls.projector,
                  mode: option,
                  // The id our presence carries (sync/presence.ts), which tldraw follows.
                  followUserId: option === 'follow' ? editor.user.getRecordId() : null,
                  frameId:
                    option === 'frame'
                      ? (frames.find((f) => f.id === controls.projector.frameId)?.id ??
                        frames[0]?.id ??
                        null)
                      : controls.projector.frameId,
                })
              }
            />
            {t(`facilitation.projector.${option}`)}
          </label>
        ))}
        {mode === 'frame' && (
          <>
            <label className="facilitation-label" htmlFor={frameId}>
              {t('facilitation.projector.whichFrame')}
            </label>
            <select
              id={frameId}
              className="facilitation-input"
              value={controls.projector.frameId ?? ''}
              onChange={(e) =>
                actions.setProjector({ ...controls.projector, frameId: e.target.value || null })
              }
            >
              {frames.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </>
        )}
        <span className="facilitation-choice">
          <input
            id={joinId}
            type="checkbox"
            checked={controls.projector.showJoin}
            onChange={(e) =>
              actions.setProjector({ ...controls.projector, showJoin: e.target.checked })
            }
          />
          <label htmlFor={joinId}>{t('facilitation.projector.showJoin')}</label>
        </span>
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
