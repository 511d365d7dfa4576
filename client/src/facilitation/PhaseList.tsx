import { visiblePhases } from '@samla/shared'
import { type Editor, type TLPageId, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import type { ControlActions } from '../meeting/controls.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { fitIfFresh } from './fitIfFresh.ts'
import { PhaseVisibilityToggle } from './PhaseVisibilityToggle.tsx'
import { usePhaseOrder } from './useVisiblePhases.ts'

/**
 * The phases in page order: look at one alone, make one current for everyone, lock one, show
 * one to participants or hide it (by default they see the phases up to the current one).
 * Renaming, adding, removing and reordering stay in tldraw's own page menu (pages are phases).
 */
export function PhaseList({
  editor,
  meeting,
  actions,
}: {
  editor: Editor
  meeting: MeetingInfo
  actions: ControlActions
}) {
  const { t } = useI18n()
  const pages = useValue('pages', () => editor.getPages(), [editor])
  const onPage = useValue('page', () => editor.getCurrentPageId(), [editor])
  const { currentPhase, lockedPhases, shownPhases } = meeting.controls
  const order = usePhaseOrder(editor)
  const visible = visiblePhases(meeting.controls, order)

  const go = (id: TLPageId) => {
    editor.setCurrentPage(id)
    fitIfFresh(editor)
  }
  const makeCurrent = (id: TLPageId) => {
    actions.setCurrentPhase(id)
    go(id)
  }

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-phases">
      <h3 id="facilitation-phases">{t('facilitation.phases.heading')}</h3>
      <ol className="facilitation-phases">
        {pages.map((page) => {
          const isCurrent = page.id === currentPhase
          const locked = lockedPhases.includes(page.id)
          const shown = visible.includes(page.id)
          return (
            <li
              key={page.id}
              className={`facilitation-phase${isCurrent ? ' facilitation-phase--current' : ''}`}
              data-phase={page.id}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <button
                type="button"
                className="facilitation-phase__name"
                aria-pressed={page.id === onPage}
                onClick={() => go(page.id)}
              >
                {page.name}
                <span className="visually-hidden"> – {t('facilitation.phases.view')}</span>
              </button>
              <span className="facilitation-phase__badges">
                {isCurrent && (
                  <span className="facilitation-badge">{t('facilitation.phases.current')}</span>
                )}
                {locked && (
                  <span className="facilitation-badge facilitation-badge--locked">
                    {t('facilitation.phases.locked')}
                  </span>
                )}
                {!shown && (
                  <span className="facilitation-badge facilitation-badge--hidden">
                    {t('facilitation.phases.hidden')}
                  </span>
                )}
              </span>
              <span className="facilitation-phase__actions">
                <PhaseVisibilityToggle
                  name={page.name}
                  shown={shown}
                  isCurrent={isCurrent}
                  onChange={(show) => actions.setPhaseShown(order, page.id, show)}
                />
                {!isCurrent && (
                  <button
                    type="button"
                    className="facilitation-button"
                    onClick={() => makeCurrent(page.id)}
                  >
                    {t('facilitation.phases.bring')}
                    <span className="visually-hidden"> ({page.name})</span>
                  </button>
                )}
                {/* Says what a click does ("Lås upp" once locked), so no aria-pressed as
                    well: a screen reader would read "Lås upp, pressed". The badge says Låst. */}
                <button
                  type="button"
                  className="facilitation-button"
                  onClick={() => actions.setLocked(page.id, !locked)}
                >
                  {t(locked ? 'facilitation.phases.unlock' : 'facilitation.phases.lock')}
                  <span className="visually-hidden"> {page.name}</span>
                </button>
              </span>
            </li>
          )
        })}
      </ol>
      <p className="facilitation-help">
        {t(
          shownPhases === null
            ? 'facilitation.phases.visibility'
            : 'facilitation.phases.visibilityChosen',
        )}
      </p>
      {shownPhases !== null && (
        <button
          type="button"
          className="facilitation-button facilitation-wide"
          onClick={() => actions.showPhasesUpToCurrent()}
        >
          {t('facilitation.phases.upToCurrent')}
        </button>
      )}
      <p className="facilitation-help">{t('facilitation.phases.help')}</p>
    </section>
  )
}
