import { type JoinInfo, timerRemainingMs } from '@samla/shared'
import { useEffect, useState } from 'react'
import {
  type Editor,
  renderPlaintextFromRichText,
  type TLFrameShape,
  type TLNoteShape,
  type TLPageId,
  type TLShapeId,
  useValue,
} from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { getJoinInfo } from '../meeting/api.ts'
import { useTimeUpChime } from '../meeting/chime.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { formatRemaining, useServerNow } from '../meeting/serverClock.ts'
import { QrCode } from '../QrCode.tsx'

/**
 * What the room reads from the wall, large: the phase, the timer, how to join by phone, and
 * revealed vote results. Drawn over the canvas's edges, never over its middle.
 */
export function ProjectorOverlay({
  editor,
  meeting,
}: {
  editor: Editor | null
  meeting: MeetingInfo
}) {
  const { t } = useI18n()
  const { controls, access, token } = meeting
  const phaseName = useValue(
    'phase name',
    () =>
      controls.currentPhase ? editor?.getPage(controls.currentPhase as TLPageId)?.name : undefined,
    [editor, controls.currentPhase],
  )
  // Presentation: the question's own name is the heading, as large as the phase's was.
  const presented = useValue('presented frame', () => {
    const { mode, frameId } = controls.projector
    if (mode !== 'frame' || !frameId) return null
    const shape = editor?.getShape(frameId as TLShapeId)
    return shape?.type === 'frame' ? ((shape as TLFrameShape).props.name ?? '') : null
  }, [editor, controls.projector])
  const now = useServerNow(controls.timer.state === 'running')
  const remaining = timerRemainingMs(controls.timer, now)
  useTimeUpChime(controls.timer, controls.timerChime)
  const [join, setJoin] = useState<JoinInfo | null>(null)

  useEffect(() => {
    if (!access.meeting || !token) return
    let cancelled = false
    getJoinInfo(access.meeting.id, token)
      .then((info) => !cancelled && setJoin(info))
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [access.meeting, token])

  return (
    <div className="projector-overlay">
      <header className="projector-overlay__top" data-projector-reserve="top">
        <p className="projector-overlay__title">
          {presented !== null && phaseName ? phaseName : access.meeting?.title}
        </p>
        {presented !== null ? (
          <h1 className="projector-overlay__phase projector-overlay__question">
            <span className="visually-hidden">{t('projector.question')}: </span>
            {presented}
          </h1>
        ) : (
          phaseName && (
            <h1 className="projector-overlay__phase">
              <span className="visually-hidden">{t('projector.phase')}: </span>
              {phaseName}
            </h1>
          )
        )}
        {controls.privateWriting && (
          <p className="projector-overlay__private" data-testid="projector-private">
            {t('privateWriting.projector')}
          </p>
        )}
        {controls.timer.state !== 'stopped' && (
          <p
            className={`projector-overlay__timer${remaining <= 0 ? ' projector-overlay__timer--up' : ''}`}
            data-timer={formatRemaining(remaining)}
          >
            <span className="visually-hidden">{t('projector.timer')}: </span>
            {remaining <= 0 ? t('projector.timeUp') : formatRemaining(remaining)}
            {controls.timer.state === 'paused' && (
              <span className="projector-overlay__paused"> ({t('projector.paused')})</span>
            )}
          </p>
        )}
      </header>
      {join && controls.projector.showJoin && (
        <aside className="projector-overlay__join" data-projector-reserve="right">
          <QrCode value={join.phoneLink} alt={t('projector.qrAlt')} size={220} />
          {join.joinCode ? (
            <p>
              {t('projector.join', { url: join.joinUrl.replace(/^https?:\/\//, '') })}
              <strong className="projector-overlay__code">{join.joinCode}</strong>
            </p>
          ) : (
            <p>{t('projector.joinNoCode')}</p>
          )}
        </aside>
      )}
      {controls.voting?.state === 'revealed' && controls.voting.results && (
        <VoteResults editor={editor} results={controls.voting.results} />
      )}
    </div>
  )
}

/** The five notes with most votes, with their text. */
function VoteResults({
  editor,
  results,
}: {
  editor: Editor | null
  results: Record<string, number>
}) {
  const { t } = useI18n()
  const top = Object.entries(results)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
  const text = (id: string) => {
    const shape = editor?.getShape(id as TLNoteShape['id']) as TLNoteShape | undefined
    return shape && editor ? renderPlaintextFromRichText(editor, shape.props.richText) : ''
  }
  return (
    <section
      className="projector-overlay__results"
      aria-labelledby="projector-results"
      data-projector-reserve="bottom"
    >
      <h2 id="projector-results">{t('projector.results')}</h2>
      <ol>
        {top.map(([id, n]) => (
          <li key={id}>
            <span>{text(id)}</span> <strong>{t('projector.votes', { n })}</strong>
          </li>
        ))}
      </ol>
    </section>
  )
}
