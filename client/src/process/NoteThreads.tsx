import { ideaLabel, type NoteThread } from '@samla/shared'
import { useContext } from 'react'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { useMeeting } from '../meeting/MeetingContext.tsx'
import { AnswerContext } from './AnswerDialog.tsx'
import { longDate } from './dates.ts'
import { useThreads } from './useThreads.ts'
import './process.css'

const GAP = 6

/**
 * Under each note of the current phase that crossed between the groups (it moves and zooms
 * with the note): where a received note came from and its answer, with a
 * button to answer for those allowed; where a sent note went and what came back.
 */
export function NoteThreads() {
  const editor = useEditor()
  const meeting = useMeeting()
  const { t, language } = useI18n()
  const threads = useThreads(meeting?.doc ?? null)
  const answer = useContext(AnswerContext)
  const placed = useValue('note threads', () => {
    const page = editor.getCurrentPageId()
    return [...threads].flatMap(([id, thread]) => {
      const shape = editor.getShape(id as TLShapeId)
      if (!shape || editor.getAncestorPageId(shape) !== page) return []
      const bounds = editor.getShapePageBounds(shape)
      if (!bounds) return []
      const text = editor.getShapeUtil(shape).getText(shape) ?? ''
      // In front of the canvas, in screen space: frames paint their background over anything
      // drawn on the canvas beneath the shapes. Scaled with the camera, it moves with the note,
      // just below it (the server leaves room for it between rows of received notes).
      const at = editor.pageToViewport({ x: bounds.x, y: bounds.maxY + GAP })
      return [{ id, thread, x: at.x, y: at.y, w: bounds.w, zoom: editor.getZoomLevel(), text }]
    })
  }, [editor, threads])
  if (!meeting) return null
  const role = meeting.access.role
  const mayAnswer =
    role === 'facilitator' || (role === 'participant' && meeting.controls.answersOpen)

  return (
    <>
      {placed.map(({ id, thread, x, y, w, zoom, text }) => (
        <div
          key={id}
          className="note-thread"
          style={{ left: x, top: y, width: w, transform: `scale(${zoom})` }}
          data-testid="note-thread"
          data-shape-id={id}
          onPointerDown={(e) => e.stopPropagation()}
        >
          <ThreadText thread={thread} date={(iso) => longDate(iso, language)} />
          {thread.received && mayAnswer && answer && (
            <button
              type="button"
              onClick={() =>
                answer({
                  crossingId: thread.received?.crossingId ?? '',
                  noteText: text,
                  initial: thread.received?.answer?.text ?? '',
                })
              }
            >
              {t(thread.received.answer ? 'process.thread.editReply' : 'process.thread.reply')}
            </button>
          )}
        </div>
      ))}
    </>
  )
}

function ThreadText({ thread, date }: { thread: NoteThread; date: (iso: string) => string }) {
  const { t } = useI18n()
  const { received, sent, idea } = thread
  return (
    <>
      {idea && (
        <p className="note-thread__idea">
          {t('idea.badge', {
            label: ideaLabel(idea.number),
            status: t(`idea.status.${idea.status}`),
          })}
        </p>
      )}
      {received && (
        <>
          <p>
            {t('process.thread.from', {
              group: t(`meeting.group.${received.origin.group}`),
              title: received.origin.meetingTitle,
              phase: received.origin.phase,
              date: date(received.origin.date),
            })}
          </p>
          {received.message && <p>”{received.message}”</p>}
          {received.answer && (
            <p className="note-thread__answer">
              {t('process.thread.answer', { text: received.answer.text })}
            </p>
          )}
        </>
      )}
      {sent?.map((s) => (
        <div key={s.crossingId}>
          <p>{t('process.thread.sentTo', { title: s.toTitle })}</p>
          {s.answer && (
            <p className="note-thread__answer">
              {t('process.thread.answerFrom', { title: s.toTitle, text: s.answer.text })}
            </p>
          )}
        </div>
      ))}
    </>
  )
}
