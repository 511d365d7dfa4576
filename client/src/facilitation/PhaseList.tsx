import { ShapeMark, visiblePhases } from '@samla/shared'
import { useId, useState } from 'react'
import { type Editor, type TLPageId, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import type { ControlActions } from '../meeting/controls.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { fitIfFresh } from './fitIfFresh.ts'
import { addPhase } from './layoutPhases.ts'
import { PhaseVisibilityToggle } from './PhaseVisibilityToggle.tsx'
import { DEFAULT_PHASES } from './templates.ts'
import { usePhaseOrder } from './useVisiblePhases.ts'

/**
 * The phases in page order: look at one alone, make one current for everyone, lock one, show
 * one to participants or hide it (by default they see the phases up to the current one); add
 * one from a template. Renaming, removing and reordering stay in tldraw's own page menu (pages
 * are phases).
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
      <AddPhase editor={editor} onAdded={go} />
      <p className="facilitation-help">{t('facilitation.phases.help')}</p>
    </section>
  )
}

const BLANK = ''

/**
 * "Ny fas: [mall]": a new phase comes with a template's questions and Inkorg, as the first
 * phases did, unless the facilitator asks for a blank one; the facilitator is taken to it.
 */
function AddPhase({ editor, onAdded }: { editor: Editor; onAdded: (id: TLPageId) => void }) {
  const { t } = useI18n()
  const id = useId()
  const [choice, setChoice] = useState<string>(DEFAULT_PHASES[0]?.key ?? BLANK)
  const [added, setAdded] = useState('')
  const template = DEFAULT_PHASES.find((phase) => phase.key === choice) ?? null
  const questions = template?.frames.filter((frame) => frame.mark === ShapeMark.prompt)
  const add = () => {
    const pageId = addPhase(editor, template)
    onAdded(pageId)
    setAdded(t('facilitation.phases.add.done', { name: editor.getPage(pageId)?.name ?? '' }))
  }
  return (
    <div className="facilitation-add-phase">
      <label htmlFor={id}>{t('facilitation.phases.add.label')}</label>
      <div className="facilitation-row">
        <select
          id={id}
          className="facilitation-input facilitation-add-phase__select"
          value={choice}
          aria-describedby={`${id}-what`}
          onChange={(e) => setChoice(e.target.value)}
        >
          {DEFAULT_PHASES.map((phase) => (
            <option key={phase.key} value={phase.key}>
              {phase.name}
            </option>
          ))}
          <option value={BLANK}>{t('facilitation.phases.add.blank')}</option>
        </select>
        <button type="button" className="facilitation-button" onClick={add}>
          {t('facilitation.phases.add.button')}
        </button>
      </div>
      <p id={`${id}-what`} className="facilitation-help">
        {questions
          ? t('facilitation.phases.add.frames', {
              questions: questions.map((frame) => `”${frame.name}”`).join(', '),
            })
          : t('facilitation.phases.add.blankHint')}
      </p>
      <p className="facilitation-help" role="status">
        {added}
      </p>
    </div>
  )
}
