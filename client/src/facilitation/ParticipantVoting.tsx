import type { Voting } from '@samla/shared'
import {
  type Editor,
  renderPlaintextFromRichText,
  type TLNoteShape,
  type TLPageId,
  useValue,
} from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { useParticipantVotes } from './useParticipantVotes.ts'
import './facilitation.css'

/**
 * A remote participant's dots, beside the canvas while a round runs: the phase's notes, each
 * with this browser's dots on it, and everyone's once the facilitator reveals them.
 * (Stands in for the phone page's vote list on a laptop; the server counts the dots.)
 */
export function ParticipantVoting({
  editor,
  voting,
  meetingId,
  token,
}: {
  editor: Editor
  voting: Voting
  meetingId: string
  token: string
}) {
  const { t } = useI18n()
  const { status, error, change, open, mine, results } = useParticipantVotes(
    meetingId,
    token,
    voting,
  )
  const notes = useValue(
    'notes to vote on',
    () =>
      [...editor.getPageShapeIds(voting.pageId as TLPageId)]
        .map((id) => editor.getShape<TLNoteShape>(id))
        .filter((shape): shape is TLNoteShape => shape?.type === 'note')
        .map((note) => ({
          id: note.id,
          text: renderPlaintextFromRichText(editor, note.props.richText),
        })),
    [editor, voting.pageId],
  )
  const phaseName = useValue(
    'phase name',
    () => editor.getPage(voting.pageId as TLPageId)?.name ?? '',
    [editor, voting.pageId],
  )

  return (
    <aside className="facilitation-panel facilitation-voting" aria-labelledby="facilitation-vote">
      <div className="facilitation-panel__head">
        <h2 id="facilitation-vote">{t('facilitation.voting.heading')}</h2>
      </div>
      <div className="facilitation-panel__body">
        <p className="facilitation-help" role="status">
          {voting.state === 'open'
            ? t('facilitation.vote.left', { n: status?.remaining ?? voting.votesPerPerson })
            : t(
                voting.state === 'revealed'
                  ? 'facilitation.vote.revealed'
                  : 'facilitation.vote.closed',
              )}{' '}
          {t('facilitation.vote.phase', { phase: phaseName })}
        </p>
        {error && (
          <p className="facilitation-error" role="alert">
            {t(error)}
          </p>
        )}
        <ul className="facilitation-votes">
          {notes.map((note) => {
            const given = mine[note.id] ?? 0
            const label = note.text || t('facilitation.voting.emptyNote')
            return (
              <li key={note.id} className="facilitation-vote" data-note={note.id}>
                <span className="facilitation-vote__text">{label}</span>
                <span className="facilitation-vote__count">
                  {results
                    ? t('facilitation.voting.votes', { n: results[note.id] ?? 0 })
                    : t('facilitation.vote.mine', { n: given })}
                </span>
                {open && (
                  <span className="facilitation-row">
                    <button
                      type="button"
                      className="facilitation-button"
                      disabled={(status?.remaining ?? 0) === 0}
                      onClick={() => change(note.id, true)}
                    >
                      {t('facilitation.vote.add')}
                      <span className="visually-hidden"> ({label})</span>
                    </button>
                    <button
                      type="button"
                      className="facilitation-button"
                      disabled={given === 0}
                      onClick={() => change(note.id, false)}
                    >
                      {t('facilitation.vote.remove')}
                      <span className="visually-hidden"> ({label})</span>
                    </button>
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      </div>
    </aside>
  )
}
