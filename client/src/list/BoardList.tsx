import {
  type BoardContent,
  type Controls,
  type DocumentedFrame,
  type DocumentedNote,
  noteColourName,
  visiblePhases,
} from '@samla/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type Editor, type TLShapeId, toRichText } from 'tldraw'
import { useParticipantVotes } from '../facilitation/useParticipantVotes.ts'
import { useI18n } from '../i18n/index.tsx'
import { serverNow } from '../meeting/serverClock.ts'
import { postNote } from '../phone/postNote.ts'
import { type Announcement, Announcer } from './announcer.ts'
import { NoteForm } from './NoteForm.tsx'
import './list.css'

/** How often the announcer looks again without a change: a settled note, the timer's end. */
const TICK_MS = 500

export interface BoardListProps {
  editor: Editor
  content: BoardContent
  controls: Controls
  role: 'facilitator' | 'participant' | 'editor'
  /** Notes this browser wrote: these it may edit and delete here. */
  mine: ReadonlySet<string>
  meetingId: string | null
  token: string | null
  onClose: () => void
}

/**
 * The board without the canvas, for a keyboard or a screen reader (and anyone who prefers a
 * list): every phase a heading, every question a heading under it with its notes as a list.
 * A participant writes, edits and deletes their own notes and votes here; the relay applies
 * the same rules as on the canvas (a locked phase refuses, whatever the page offers).
 */
export function BoardList(props: BoardListProps) {
  const { editor, content, controls, role, mine, onClose } = props
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  const [said, setSaid] = useState('')
  const announcement = useAnnouncements(content, controls, mine)
  useEffect(() => heading.current?.focus(), [])

  const name = editor.user.getName().trim()
  // The relay's rules for participants, so that the list offers nothing it would refuse: a
  // locked phase, or any once the meeting has ended; phases not shown yet are not listed.
  const locked = (pageId: string) =>
    role === 'participant' && (controls.ended || controls.lockedPhases.includes(pageId))
  const shown = new Set(
    role === 'participant'
      ? visiblePhases(
          controls,
          content.phases.map((p) => p.pageId),
        )
      : content.phases.map((p) => p.pageId),
  )
  const phases = content.phases.filter((p) => shown.has(p.pageId))
  const write = (pageId: string, frame: DocumentedFrame, text: string, color: string) => {
    postNote(
      editor,
      pageId,
      {
        text,
        color: color as 'yellow',
        author: controls.anonymous || !name ? null : name,
      },
      frame.id ?? undefined,
    )
    setSaid(t('list.posted', { frame: frame.name || t('docs.inbox') }))
  }

  return (
    <section className="board-list" aria-labelledby="board-list-heading">
      <div className="board-list__bar">
        <h2 id="board-list-heading" ref={heading} tabIndex={-1}>
          {t('list.heading')}
        </h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('list.showCanvas')}
        </button>
      </div>
      <p className="small">{t('list.intro')}</p>
      {/* Polite: read when the reader pauses, never over what the person is doing. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="list-announcer">
        {announcement}
      </p>
      <p className="board-list__said" role="status">
        {said}
      </p>
      {phases.map((phase) => (
        <section
          key={phase.pageId}
          className="board-list__phase"
          aria-labelledby={`list-${phase.pageId}`}
        >
          <h3 id={`list-${phase.pageId}`}>
            {phase.name}
            {phase.pageId === controls.currentPhase && (
              <span className="board-list__tag"> · {t('list.current')}</span>
            )}
            {controls.lockedPhases.includes(phase.pageId) && (
              <span className="board-list__tag"> · {t('list.locked')}</span>
            )}
          </h3>
          {controls.voting?.pageId === phase.pageId && props.meetingId && props.token ? (
            <VotingPhase {...props} meetingId={props.meetingId} token={props.token} phase={phase}>
              {(voteControls) =>
                phase.frames.map((frame) => (
                  <Frame
                    key={frame.id ?? 'loose'}
                    editor={editor}
                    frame={frame}
                    mine={mine}
                    writable={!locked(phase.pageId)}
                    anonymous={controls.anonymous}
                    onWrite={(text, color) => write(phase.pageId, frame, text, color)}
                    voteControls={voteControls}
                  />
                ))
              }
            </VotingPhase>
          ) : (
            phase.frames.map((frame) => (
              <Frame
                key={frame.id ?? 'loose'}
                editor={editor}
                frame={frame}
                mine={mine}
                writable={!locked(phase.pageId)}
                anonymous={controls.anonymous}
                onWrite={(text, color) => write(phase.pageId, frame, text, color)}
              />
            ))
          )}
          {phase.frames.length === 0 && <p className="small">{t('docs.noNotes')}</p>}
        </section>
      ))}
    </section>
  )
}

type VoteControls = (note: DocumentedNote) => React.ReactNode

/** A phase being voted on: the dots left, and a pair of buttons under each note. */
function VotingPhase({
  controls,
  meetingId,
  token,
  children,
}: BoardListProps & {
  meetingId: string
  token: string
  phase: BoardContent['phases'][number]
  children: (voteControls: VoteControls) => React.ReactNode
}) {
  const { t } = useI18n()
  const voting = controls.voting
  if (!voting) return null
  return (
    <VotingPhaseWith meetingId={meetingId} token={token} voting={voting}>
      {(votes) => (
        <>
          <p className="board-list__votes" role="status">
            {votes.open
              ? t('facilitation.vote.left', { n: votes.remaining })
              : t(
                  voting.state === 'revealed'
                    ? 'facilitation.vote.revealed'
                    : 'facilitation.vote.closed',
                )}
          </p>
          {votes.error && (
            <p className="facilitation-error" role="alert">
              {t(votes.error)}
            </p>
          )}
          {children((note) => {
            const given = votes.mine[note.id] ?? 0
            const label = note.text || t('facilitation.voting.emptyNote')
            return (
              <span className="board-list__actions">
                <span>
                  {votes.results
                    ? t('facilitation.voting.votes', { n: votes.results[note.id] ?? 0 })
                    : t('facilitation.vote.mine', { n: given })}
                </span>
                {votes.open && (
                  <>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={votes.remaining === 0}
                      onClick={() => votes.change(note.id, true)}
                    >
                      {t('facilitation.vote.add')}
                      <span className="visually-hidden"> ({label})</span>
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={given === 0}
                      onClick={() => votes.change(note.id, false)}
                    >
                      {t('facilitation.vote.remove')}
                      <span className="visually-hidden"> ({label})</span>
                    </button>
                  </>
                )}
              </span>
            )
          })}
        </>
      )}
    </VotingPhaseWith>
  )
}

function VotingPhaseWith({
  meetingId,
  token,
  voting,
  children,
}: {
  meetingId: string
  token: string
  voting: NonNullable<Controls['voting']>
  children: (votes: ReturnType<typeof useParticipantVotes>) => React.ReactNode
}) {
  return <>{children(useParticipantVotes(meetingId, token, voting))}</>
}

function Frame({
  editor,
  frame,
  mine,
  writable,
  anonymous,
  onWrite,
  voteControls,
}: {
  editor: Editor
  frame: DocumentedFrame
  mine: ReadonlySet<string>
  writable: boolean
  anonymous: boolean
  onWrite: (text: string, color: string) => void
  voteControls?: VoteControls
}) {
  const { t } = useI18n()
  const title =
    frame.kind === 'loose'
      ? t('docs.loose')
      : frame.name || (frame.kind === 'inbox' ? t('docs.inbox') : '–')
  const headingId = `list-${frame.id ?? 'loose'}`
  const heading = useRef<HTMLHeadingElement>(null)
  return (
    <section className="board-list__frame" aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h4>
      {frame.notes.length === 0 ? (
        <p className="small">{t('docs.noNotes')}</p>
      ) : (
        <ul className="board-list__notes">
          {frame.notes.map((note) => (
            <Note
              key={note.id}
              editor={editor}
              note={note}
              own={mine.has(note.id) && writable}
              anonymous={anonymous}
              voteControls={voteControls}
              onDeleted={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}
      {writable && frame.kind !== 'loose' && (
        <NoteForm
          openLabel={t('list.write', { frame: title })}
          submitLabel={t('list.post')}
          withColour
          onSubmit={onWrite}
        />
      )}
    </section>
  )
}

function Note({
  editor,
  note,
  own,
  anonymous,
  voteControls,
  onDeleted,
}: {
  editor: Editor
  note: DocumentedNote
  own: boolean
  anonymous: boolean
  voteControls?: VoteControls
  onDeleted: () => void
}) {
  const { t } = useI18n()
  const details = [
    t('list.colour', {
      colour: t(`list.color.${noteColourName(note.color)}` as 'list.color.yellow'),
    }),
  ]
  if (note.author && !anonymous) details.push(t('docs.by', { name: note.author }))
  if (note.votes !== null && !voteControls)
    details.push(note.votes === 1 ? t('docs.votes.one') : t('docs.votes.many', { n: note.votes }))
  return (
    <li className="board-list__note" data-note={note.id}>
      <span className="board-list__text">{note.text || t('facilitation.voting.emptyNote')}</span>
      <span className="small">{details.join(' · ')}</span>
      {voteControls?.(note)}
      {own && (
        <span className="board-list__actions">
          <NoteForm
            openLabel={t('list.edit')}
            openDescription={note.text}
            submitLabel={t('list.save')}
            initial={note.text}
            onSubmit={(text) =>
              editor.updateShape({
                id: note.id as TLShapeId,
                type: 'note',
                props: { richText: toRichText(text) },
              })
            }
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              editor.deleteShape(note.id as TLShapeId)
              onDeleted()
            }}
          >
            {t('list.delete')}
            <span className="visually-hidden"> ({note.text})</span>
          </button>
        </span>
      )}
    </li>
  )
}

/** The latest announcement's text, for the polite live region. */
function useAnnouncements(content: BoardContent, controls: Controls, mine: ReadonlySet<string>) {
  const { t } = useI18n()
  const [announcer] = useState(() => new Announcer())
  const [text, setText] = useState('')
  const latest = useRef({ content, controls, mine })
  latest.current = { content, controls, mine }
  // Looked at as each change comes, and on a tick (a note's text settling, the timer's end).
  const look = useCallback(() => {
    const due = announcer.observe({ ...latest.current, now: serverNow() })
    if (due.length) setText(due.map((a: Announcement) => t(a.key, a.params)).join(' '))
  }, [announcer, t])
  useEffect(() => {
    const timer = setInterval(look, TICK_MS)
    return () => clearInterval(timer)
  }, [look])
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of what is shown is the signal
  useEffect(look, [look, content, controls, mine])
  return text
}
