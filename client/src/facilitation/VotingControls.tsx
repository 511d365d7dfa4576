import type { VoteStatus, Voting } from '@samla/shared'
import { useEffect, useId, useState } from 'react'
import {
  type Editor,
  renderPlaintextFromRichText,
  type TLNoteShape,
  type TLPageId,
  type TLShapeId,
  useValue,
} from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import type { ControlActions } from '../meeting/controls.ts'
import { getRound } from '../meeting/votes.ts'

const POLL_MS = 2_000
const DEFAULT_VOTES = 3
const MAX_VOTES = 10

/**
 * Dot voting, run by the facilitator: a number of dots each on the current phase's notes;
 * the tally shows here while it runs (the server tells only the facilitator), and reveal
 * writes it into the controls so that everyone sees it.
 */
export function VotingControls({
  editor,
  voting,
  currentPhase,
  meetingId,
  token,
  actions,
}: {
  editor: Editor
  voting: Voting | null
  currentPhase: string | null
  meetingId: string
  token: string
  actions: ControlActions
}) {
  const { t } = useI18n()
  const perPersonId = useId()
  const [perPerson, setPerPerson] = useState(DEFAULT_VOTES)
  const status = useTally(meetingId, token, voting)
  const phaseName = useValue('phase name', () => {
    const pageId = voting?.pageId ?? currentPhase
    return pageId ? (editor.getPage(pageId as TLPageId)?.name ?? '') : ''
  }, [editor, voting?.pageId, currentPhase])
  const tally = voting?.state === 'revealed' ? (voting.results ?? {}) : status.tally

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-voting">
      <h3 id="facilitation-voting">{t('facilitation.voting.heading')}</h3>
      {!voting ? (
        <div className="facilitation-row">
          <label htmlFor={perPersonId}>{t('facilitation.voting.perPerson')}</label>
          <input
            id={perPersonId}
            className="facilitation-input"
            type="number"
            min={1}
            max={MAX_VOTES}
            value={perPerson}
            onChange={(e) =>
              setPerPerson(Math.min(MAX_VOTES, Math.max(1, Math.round(Number(e.target.value)))))
            }
          />
          <button
            type="button"
            className="facilitation-button facilitation-button--primary"
            disabled={!currentPhase}
            onClick={() => currentPhase && actions.startVoting(currentPhase, perPerson)}
          >
            {t('facilitation.voting.start', { phase: phaseName })}
          </button>
        </div>
      ) : (
        <>
          <p className="facilitation-help" role="status">
            {voting.state === 'open'
              ? t('facilitation.voting.open', { phase: phaseName, n: status.voters ?? 0 })
              : t(`facilitation.voting.${voting.state}`)}
          </p>
          <div className="facilitation-row">
            {voting.state === 'open' && (
              <button type="button" className="facilitation-button" onClick={actions.closeVoting}>
                {t('facilitation.voting.close')}
              </button>
            )}
            {voting.state !== 'revealed' && (
              <button
                type="button"
                className="facilitation-button facilitation-button--primary"
                disabled={!status.tally}
                onClick={() => status.tally && actions.revealVoting(status.tally)}
              >
                {t('facilitation.voting.reveal')}
              </button>
            )}
            <button type="button" className="facilitation-button" onClick={actions.endVoting}>
              {t('facilitation.voting.end')}
            </button>
          </div>
          {status.error && <p className="facilitation-error">{t('facilitation.voting.error')}</p>}
          <Tally editor={editor} tally={tally} />
        </>
      )}
    </section>
  )
}

/** The facilitator's view of the round, fetched every two seconds while the round is not revealed. */
function useTally(meetingId: string, token: string, voting: Voting | null) {
  const [status, setStatus] = useState<{
    tally: VoteStatus['tally']
    voters: number | null
    error: boolean
  }>({ tally: null, voters: null, error: false })
  const round = voting?.round ?? null
  const state = voting?.state ?? null
  useEffect(() => {
    setStatus({ tally: null, voters: null, error: false })
    if (!round || state === 'revealed') return
    let stopped = false
    const poll = () =>
      getRound(meetingId, token).then(
        (found) =>
          !stopped &&
          found.round === round &&
          setStatus({ tally: found.tally ?? {}, voters: found.voters, error: false }),
        () => !stopped && setStatus((s) => ({ ...s, error: true })),
      )
    void poll()
    // A closed round changes no more: one last read is enough.
    const timer = state === 'open' ? setInterval(poll, POLL_MS) : null
    return () => {
      stopped = true
      if (timer) clearInterval(timer)
    }
  }, [meetingId, token, round, state])
  return status
}

function Tally({ editor, tally }: { editor: Editor; tally: Record<string, number> | null }) {
  const { t } = useI18n()
  const rows = useValue(
    'tally rows',
    () =>
      Object.entries(tally ?? {})
        .filter(([, n]) => n > 0)
        .sort(([, a], [, b]) => b - a)
        .map(([id, n]) => {
          const note = editor.getShape<TLNoteShape>(id as TLShapeId)
          const text = note?.props.richText
            ? renderPlaintextFromRichText(editor, note.props.richText)
            : ''
          return { id, n, text }
        }),
    [editor, tally],
  )
  return (
    <section aria-labelledby="facilitation-tally">
      <h4 id="facilitation-tally">{t('facilitation.voting.tally')}</h4>
      {rows.length === 0 ? (
        <p className="facilitation-help">{t('facilitation.voting.none')}</p>
      ) : (
        <ol className="facilitation-tally" data-testid="tally">
          {rows.map((row) => (
            <li key={row.id}>
              <span className="facilitation-tally__text">
                {row.text || t('facilitation.voting.emptyNote')}
              </span>{' '}
              <strong className="facilitation-tally__count">
                {t('facilitation.voting.votes', { n: row.n })}
              </strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
