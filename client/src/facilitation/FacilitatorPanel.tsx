import { useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { ToBlueList } from '../blueList/ToBlueList.tsx'
import { useI18n } from '../i18n/index.tsx'
import { MakeIdea } from '../ideas/MakeIdea.tsx'
import { PrioritiseIdeas } from '../ideas/PrioritiseIdeas.tsx'
import type { ControlActions } from '../meeting/controls.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { SendAcross } from '../process/SendAcross.tsx'
import { AttendanceSection } from './AttendanceSection.tsx'
import { EndMeetingSection } from './EndMeetingSection.tsx'
import { LayoutLockControls } from './LayoutLockControls.tsx'
import { PhaseList } from './PhaseList.tsx'
import { PrivateWritingSection } from './PrivateWritingSection.tsx'
import { RoomControls } from './RoomControls.tsx'
import { ShareSection } from './ShareSection.tsx'
import { TimerControls } from './TimerControls.tsx'
import { useKeepFocus } from './useKeepFocus.ts'
import { VotingControls } from './VotingControls.tsx'
import './facilitation.css'

const COLLAPSED_KEY = 'samla.facilitationCollapsed'

/**
 * The facilitator's controls, in a column beside the canvas (never over it), which folds
 * away to a narrow strip when the facilitator wants the whole screen for the board.
 */
export function FacilitatorPanel({
  editor,
  meeting,
  actions,
}: {
  editor: Editor
  meeting: MeetingInfo
  actions: ControlActions
}) {
  const { t } = useI18n()
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1')
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1')
    setCollapsed(!collapsed)
  }
  const { controls, access, token } = meeting
  const panel = useRef<HTMLElement>(null)
  useKeepFocus(panel)

  return (
    <aside
      ref={panel}
      className={`facilitation-panel${collapsed ? ' facilitation-panel--collapsed' : ''}`}
      aria-labelledby="facilitation-heading"
    >
      <div className="facilitation-panel__head">
        <h2
          id="facilitation-heading"
          tabIndex={-1}
          className={collapsed ? 'visually-hidden' : undefined}
        >
          {t('facilitation.panel.heading')}
        </h2>
        <button
          type="button"
          className="facilitation-button facilitation-panel__toggle"
          aria-expanded={!collapsed}
          aria-controls="facilitation-body"
          onClick={toggle}
        >
          <span aria-hidden="true">{collapsed ? '«' : '»'}</span>
          <span className="visually-hidden">
            {t(collapsed ? 'facilitation.panel.show' : 'facilitation.panel.hide')}
          </span>
        </button>
      </div>
      <div id="facilitation-body" className="facilitation-panel__body" hidden={collapsed}>
        <PhaseList editor={editor} meeting={meeting} actions={actions} />
        <LayoutLockControls editor={editor} />
        <TimerControls timer={controls.timer} chime={controls.timerChime} actions={actions} />
        <RoomControls editor={editor} controls={controls} actions={actions} />
        {access.meeting && token && (
          <>
            <PrivateWritingSection
              editor={editor}
              meetingId={access.meeting.id}
              token={token}
              controls={controls}
            />
            <VotingControls
              editor={editor}
              voting={controls.voting}
              currentPhase={controls.currentPhase}
              meetingId={access.meeting.id}
              token={token}
              actions={actions}
            />
            {access.meeting.processId && (
              <MakeIdea editor={editor} meetingId={access.meeting.id} token={token} />
            )}
            {access.meeting.processId && (
              <PrioritiseIdeas
                editor={editor}
                meetingId={access.meeting.id}
                token={token}
                currentPhase={controls.currentPhase}
              />
            )}
            {access.meeting.processId && (
              <ToBlueList editor={editor} meetingId={access.meeting.id} token={token} />
            )}
            {access.meeting.processId && (
              <SendAcross
                editor={editor}
                meetingId={access.meeting.id}
                group={access.meeting.group}
                token={token}
                controls={controls}
                actions={actions}
              />
            )}
            <AttendanceSection
              meetingId={access.meeting.id}
              token={token}
              asksOrganisation={access.meeting.group === 'kraftsamling' && !controls.anonymous}
            />
            <EndMeetingSection meetingId={access.meeting.id} token={token} ended={controls.ended} />
            <ShareSection
              meetingId={access.meeting.id}
              token={token}
              youthFeedback={access.meeting.group === 'demokratilabb' && !!access.meeting.processId}
            />
          </>
        )}
      </div>
    </aside>
  )
}
