import { timerRemainingMs } from '@samla/shared'
import { type TLPageId, useEditor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { useMeeting } from '../meeting/MeetingContext.tsx'
import { formatRemaining, useServerNow } from '../meeting/serverClock.ts'
import './facilitation.css'

/**
 * The meeting's phase and time left, the same on every laptop (the timer counts in the
 * server's clock); and, for a participant on a locked phase or after the meeting ended, why
 * nothing can be changed, or, on a phase written privately, that others' notes are blank.
 */
export function MeetingStatus() {
  const meeting = useMeeting()
  const editor = useEditor()
  const { t } = useI18n()
  const current = meeting?.controls.currentPhase ?? null
  const phaseName = useValue(
    'current phase name',
    () => (current ? editor.getPage(current as TLPageId)?.name : undefined),
    [editor, current],
  )
  const onPage = useValue('page', () => editor.getCurrentPageId(), [editor])
  const timer = meeting?.controls.timer
  const now = useServerNow(timer?.state === 'running')
  if (!meeting || !timer) return null
  const participant = meeting.access.role === 'participant'
  const ended = participant && meeting.controls.ended
  const locked = participant && meeting.controls.lockedPhases.includes(onPage)
  const writingPrivately = participant && meeting.controls.privateWriting === onPage
  const timeUp = timer.state === 'running' && timerRemainingMs(timer, now) <= 0
  // The banner names the phase it is about: the one being looked at, not always the current.
  const viewedName = onPage !== current ? editor.getPage(onPage)?.name : undefined

  return (
    <div className="facilitation-status">
      <p className="facilitation-status__phase">
        <span className="facilitation-status__label">{t('facilitation.status.phase')}:</span>{' '}
        <span data-testid="current-phase">{phaseName ?? t('facilitation.status.noPhase')}</span>
      </p>
      <p
        className={`facilitation-status__timer facilitation-status__timer--${timeUp ? 'up' : timer.state}`}
      >
        <span className="visually-hidden">{t('facilitation.status.timer')}: </span>
        <span role="timer" data-testid="timer">
          {formatRemaining(timerRemainingMs(timer, now))}
        </span>
        {timeUp && <span className="facilitation-status__up"> {t('facilitation.timer.up')}</span>}
      </p>
      <p className="facilitation-status__locked" role="status">
        {(ended || locked) && (
          <>
            <strong>
              {ended
                ? t('meetingEnd.ended')
                : viewedName
                  ? t('facilitation.lockedNamed', { phase: viewedName })
                  : t('facilitation.locked')}
            </strong>{' '}
            {t('facilitation.lockedHint')}
          </>
        )}
      </p>
      {!ended && !locked && writingPrivately && (
        <p className="facilitation-status__private" data-testid="private-writing-notice">
          {t('privateWriting.badge')}
        </p>
      )}
    </div>
  )
}
