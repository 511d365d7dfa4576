import { type BoardAccess, isBoardId } from '@samla/shared'
import {
  type ComponentType,
  type FormEvent,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useState,
} from 'react'
import { getBoardAccess, linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { AttendancePrompt } from '../meeting/AttendancePrompt.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { OwnNotes } from './OwnNotes.tsx'
import type { PhoneLiveProps, PhoneLiveState } from './PhoneLive.tsx'
import { PhoneTimer } from './PhoneTimer.tsx'
import { NOTE_COLOURS, type NoteColour, type PhoneNote } from './phoneNote.ts'
import './phone.css'

// The board connection and tldraw (430 KB compressed) come after the form is on screen: a
// phone on a school's Wi-Fi can write its note while they arrive. Should they not arrive
// (the connection dropped), the page says so and offers a reload instead of going blank.
const PhoneLive = lazy<ComponentType<PhoneLiveProps>>(() =>
  import('./PhoneLive.tsx').then(
    (m) => ({ default: m.PhoneLive }),
    () => ({ default: LiveUnavailable }),
  ),
)

function LiveUnavailable({ onChange }: PhoneLiveProps) {
  useEffect(
    () =>
      onChange({
        connection: 'offline',
        failed: true,
        phaseName: '',
        locked: false,
        anonymous: false,
        writingPrivately: false,
        post: null,
        questions: [],
        timer: null,
        mine: [],
        edit: null,
        remove: null,
      }),
    [onChange],
  )
  return null
}

/** True from the frame after the first paint on. */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // A frame callback runs before that frame's paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted
}

const NAME_KEY = 'samla.phoneName'

/**
 * While the phone page is open, an opening keyboard shrinks the page's layout to what is left
 * above it, rather than only covering its lower part (Chrome on Android's default): the page
 * then scrolls within that space, and the button under the text stays reachable. Set here
 * rather than in index.html, which the board shares: its canvas keeps the screen's size.
 */
function useKeyboardResizesPage() {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="viewport"]')
    if (!meta || meta.content.includes('interactive-widget')) return
    const before = meta.content
    meta.content = `${before}, interactive-widget=resizes-content`
    return () => {
      meta.content = before
    }
  }, [])
}

/** A meeting on a phone: the phase, an optional name, a form for a note, the phase's vote. */
export function PhonePage({ boardId }: { boardId: string }) {
  useKeyboardResizesPage()
  const [access, setAccess] = useState<BoardAccess | null | 'failed'>(null)
  const token = linkToken()
  useEffect(() => {
    if (!isBoardId(boardId)) return setAccess('failed')
    getBoardAccess(boardId, token).then(setAccess, () => setAccess('failed'))
  }, [boardId, token])
  if (access === 'failed' || (access && !access.meeting))
    return <Notice headingKey="board.needsLink.heading" bodyKey="board.needsLink.body" />
  if (!access) return <Loading />
  return <PhoneMeeting boardId={boardId} token={token} access={access} />
}

function Loading() {
  const { t } = useI18n()
  return (
    <p className="loading" role="status">
      {t('phone.loading')}
    </p>
  )
}

function PhoneMeeting({
  boardId,
  token,
  access,
}: {
  boardId: string
  token: string | null
  access: BoardAccess
}) {
  const { t } = useI18n()
  const ids = { name: useId(), text: useId(), hint: useId(), question: useId() }
  const painted = usePainted()
  const [live, setLive] = useState<PhoneLiveState | null>(null)
  const onLive = useCallback((state: PhoneLiveState) => setLive(state), [])
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '')
  const [text, setText] = useState('')
  const [color, setColor] = useState<NoteColour>('yellow')
  // The question chosen; '' is the Inkorg, where a note goes when nobody chooses.
  const [frameId, setFrameId] = useState('')
  const [status, setStatus] = useState('')
  // A note posted before the board was there; it goes as soon as the board is.
  const [pending, setPending] = useState<PhoneNote | null>(null)
  const title = access.meeting?.title ?? ''
  useDocumentTitle(title)

  const anonymous = live?.anonymous ?? access.meeting?.anonymous ?? false
  const locked = live?.locked ?? false
  const post = live?.post ?? null

  const send = useCallback(
    (put: (note: PhoneNote) => void, note: PhoneNote) => {
      try {
        put(note)
        setText('')
        setStatus(t('phone.note.posted'))
      } catch {
        setStatus(t('phone.note.failed'))
      }
    },
    [t],
  )
  useEffect(() => {
    if (!pending || !post) return
    setPending(null)
    // Locked meanwhile: the text stays in the field, and the page says why.
    if (locked) setStatus('')
    else send(post, pending)
  }, [pending, post, locked, send])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim() || locked || pending) return
    const questions = live?.questions ?? []
    const chosen = questions.find((q) => q.id === frameId && !q.inbox)?.id
    const note: PhoneNote = {
      text: text.trim(),
      color,
      author: anonymous ? null : name.trim() || null,
      ...(chosen ? { frameId: chosen } : {}),
    }
    if (post) return send(post, note)
    setPending(note)
    setStatus(t('phone.note.sending'))
  }

  if (live?.failed)
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  const connection = live?.connection ?? 'connecting'
  const choices = live?.questions.filter((q) => !q.inbox) ?? []
  // The first screen is the writing: the question, the text and the button sit above where
  // a phone's keyboard opens (about 300 px of 740), the confirmation beside the button; the
  // name and colour, the attendance card and the own notes come after (issue 14, item 9).
  return (
    <main className="page phone" data-connection={connection}>
      <PageHeader />
      <h1 className="phone__title">{title}</h1>
      {(live?.phaseName || live?.timer) && (
        <div className="phone__now">
          {live?.phaseName && (
            <p className="phone__phase">{t('phone.phase', { phase: live.phaseName })}</p>
          )}
          {live?.timer && <PhoneTimer timer={live.timer} />}
        </div>
      )}
      {connection === 'offline' && (
        <p role="status" className="small phone__offline">
          {t('phone.offline')}
        </p>
      )}
      <section className="card phone__write" aria-labelledby="note-heading">
        {/* Named for those who listen or jump by heading; on screen the labels say it, and
            the 30 px go to keeping the button above the keyboard. */}
        <h2 id="note-heading" className="visually-hidden">
          {t('phone.note.heading')}
        </h2>
        {locked ? (
          <p role="status">{t(locked === 'ended' ? 'phone.note.ended' : 'phone.note.locked')}</p>
        ) : (
          <form className="form phone__form" onSubmit={submit}>
            {live?.writingPrivately && (
              <p className="phone__private" data-testid="private-writing-notice">
                {t('privateWriting.badge')}
              </p>
            )}
            {choices.length > 0 && (
              <>
                <label htmlFor={ids.question}>{t('phone.question')}</label>
                <select
                  id={ids.question}
                  className="phone__question"
                  value={frameId}
                  onChange={(e) => setFrameId(e.target.value)}
                >
                  {choices.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.name}
                    </option>
                  ))}
                  <option value="">{t('phone.question.inbox')}</option>
                </select>
              </>
            )}
            <label htmlFor={ids.text}>{t('phone.note.text')}</label>
            <textarea
              id={ids.text}
              className="phone__text"
              required
              rows={3}
              maxLength={500}
              value={text}
              readOnly={pending !== null}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="phone__send">
              <button type="submit" className="button" disabled={pending !== null}>
                {t('phone.note.submit')}
              </button>
              {/* Beside the button, where the eye is when it is tapped; always in the page, so
                  that what it says is announced (a live region added with its text is not). */}
              <p role="status" aria-live="polite" className="phone__status">
                {status}
              </p>
            </div>
            {anonymous ? (
              <p className="small">{t('phone.anonymous')}</p>
            ) : (
              <>
                <label htmlFor={ids.name}>{t('phone.name')}</label>
                <input
                  id={ids.name}
                  value={name}
                  maxLength={60}
                  autoComplete="given-name"
                  aria-describedby={ids.hint}
                  onChange={(e) => {
                    setName(e.target.value)
                    localStorage.setItem(NAME_KEY, e.target.value)
                  }}
                />
                <p id={ids.hint} className="small phone__hint">
                  {t('phone.nameHint')}
                </p>
              </>
            )}
            <fieldset className="phone__colours">
              <legend>{t('phone.note.color')}</legend>
              {NOTE_COLOURS.map((c) => (
                <label key={c} className={`phone__colour phone__colour--${c}`}>
                  <input
                    type="radio"
                    name="colour"
                    checked={color === c}
                    onChange={() => setColor(c)}
                  />
                  {t(`phone.color.${c}`)}
                </label>
              ))}
            </fieldset>
          </form>
        )}
      </section>
      {token && access.meeting?.group === 'kraftsamling' && !anonymous && (
        <AttendancePrompt meetingId={access.meeting.id} token={token} variant="card" />
      )}
      {live && live.mine.length > 0 && (
        <OwnNotes notes={live.mine} editable={!locked} onEdit={live.edit} onRemove={live.remove} />
      )}
      {painted && (
        <Suspense fallback={null}>
          <PhoneLive
            boardId={boardId}
            token={token}
            access={access}
            name={name}
            onChange={onLive}
          />
        </Suspense>
      )}
    </main>
  )
}
