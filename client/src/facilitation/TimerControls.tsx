import { type Timer, timerRemainingMs } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { useTimeUpChime } from '../meeting/chime.ts'
import type { ControlActions } from '../meeting/controls.ts'
import { formatRemaining, useServerNow } from '../meeting/serverClock.ts'

const PRESETS = [3, 5, 10, 15] as const
const MINUTE = 60_000
/** An afternoon is the longest a workshop timer makes sense for. */
const MAX_MINUTES = 240

/** The facilitator's countdown: a length (preset or own), start, pause, one more minute, reset. */
export function TimerControls({
  timer,
  chime,
  actions,
}: {
  timer: Timer
  /** Whether a chime sounds when the time is up (here and on the projector). */
  chime: boolean
  actions: ControlActions
}) {
  const { t } = useI18n()
  const customId = useId()
  const chimeId = useId()
  const [custom, setCustom] = useState('')
  const now = useServerNow(timer.state === 'running')
  const timeUp = timer.state === 'running' && timerRemainingMs(timer, now) <= 0
  useTimeUpChime(timer, chime)
  const setCustomTime = (e: FormEvent) => {
    e.preventDefault()
    const minutes = Number(custom.replace(',', '.'))
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_MINUTES) return
    actions.resetTimer(Math.round(minutes * MINUTE))
    setCustom('')
  }

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-timer">
      <h3 id="facilitation-timer">{t('facilitation.timer.heading')}</h3>
      <p className={`facilitation-timer${timeUp ? ' facilitation-timer--up' : ''}`}>
        <span className="visually-hidden">{t('facilitation.timer.display')}: </span>
        <span role="timer" className="facilitation-timer__time" data-testid="panel-timer">
          {formatRemaining(timerRemainingMs(timer, now))}
        </span>{' '}
        <span className="facilitation-timer__state">
          {timeUp ? t('facilitation.timer.up') : t(`facilitation.timer.${timer.state}`)}
        </span>
      </p>
      <div className="facilitation-row">
        {timer.state === 'running' ? (
          <button
            type="button"
            className="facilitation-button facilitation-button--primary"
            onClick={actions.pauseTimer}
          >
            {t('facilitation.timer.pause')}
          </button>
        ) : (
          <button
            type="button"
            className="facilitation-button facilitation-button--primary"
            onClick={actions.startTimer}
          >
            {t(timer.state === 'paused' ? 'facilitation.timer.resume' : 'facilitation.timer.start')}
          </button>
        )}
        <button
          type="button"
          className="facilitation-button"
          onClick={() => actions.addTime(MINUTE)}
        >
          {t('facilitation.timer.addMinute')}
        </button>
        <button type="button" className="facilitation-button" onClick={() => actions.resetTimer()}>
          {t('facilitation.timer.reset')}
        </button>
      </div>
      <fieldset className="facilitation-fieldset">
        <legend>{t('facilitation.timer.presets')}</legend>
        <div className="facilitation-row">
          {PRESETS.map((n) => (
            <button
              key={n}
              type="button"
              className="facilitation-button"
              onClick={() => actions.resetTimer(n * MINUTE)}
            >
              {t('facilitation.timer.preset', { n })}
            </button>
          ))}
        </div>
      </fieldset>
      <form className="facilitation-row facilitation-custom" onSubmit={setCustomTime}>
        <label htmlFor={customId}>{t('facilitation.timer.custom')}</label>
        <input
          id={customId}
          className="facilitation-input"
          type="number"
          min={1}
          max={MAX_MINUTES}
          step="any"
          inputMode="decimal"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
        />
        <button type="submit" className="facilitation-button">
          {t('facilitation.timer.set')}
        </button>
      </form>
      <p className="facilitation-choice">
        <input
          id={chimeId}
          type="checkbox"
          checked={chime}
          onChange={(e) => actions.setTimerChime(e.target.checked)}
        />
        <label htmlFor={chimeId}>{t('facilitation.timer.chime')}</label>
      </p>
    </section>
  )
}
