import { isLockedForParticipants, LAYOUT_LOCK_META_KEY } from '@samla/shared'
import { type Editor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'

/**
 * Locks the selected shapes for participants, or opens them again: a locked shape is part of
 * the layout, which participants cannot move, change or delete (the relay refuses it). The
 * template's questions and Inkorg start locked; opening one writes `false`, which outranks
 * its mark.
 */
export function LayoutLockControls({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const selected = useValue('selected shapes', () => editor.getSelectedShapes(), [editor])
  const locked = selected.filter((shape) => isLockedForParticipants(shape)).length
  const state =
    selected.length === 0
      ? 'none'
      : locked === 0
        ? 'open'
        : locked === selected.length
          ? 'locked'
          : 'mixed'

  const setLocked = (lock: boolean) => {
    editor.markHistoryStoppingPoint('lock for participants')
    editor.run(
      () =>
        editor.updateShapes(
          selected.map(({ id, type }) => ({ id, type, meta: { [LAYOUT_LOCK_META_KEY]: lock } })),
        ),
      { ignoreShapeLock: true },
    )
  }

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-layout">
      <h3 id="facilitation-layout">{t('facilitation.layout.heading')}</h3>
      <button
        type="button"
        className="facilitation-button facilitation-button--toggle facilitation-wide"
        aria-pressed={state === 'locked' ? true : state === 'mixed' ? 'mixed' : false}
        disabled={state === 'none'}
        onClick={() => setLocked(state !== 'locked')}
      >
        {t('facilitation.layout.lock')}
      </button>
      <p className="facilitation-help" role="status" data-testid="layout-lock-state">
        {t(`facilitation.layout.${state}`)}
      </p>
    </section>
  )
}
