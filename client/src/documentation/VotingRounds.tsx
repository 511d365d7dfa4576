import { noteSwatch, type VotingRound } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'

/**
 * Every voting round of the meeting as the server recorded it: the phase, when it ran (in
 * Swedish time, as the exports say), the votes each person had, how many voted, and every
 * note with its votes, most first. Nothing when the meeting had no vote.
 */
export function VotingRounds({ rounds }: { rounds: VotingRound[] }) {
  const { t } = useI18n()
  if (rounds.length === 0) return null
  return (
    <section className="docs__phase docs__rounds" aria-labelledby="docs-rounds">
      <h2 id="docs-rounds">{t('docs.rounds.heading')}</h2>
      {rounds.map((round, i) => (
        <Round key={round.round} round={round} n={i + 1} />
      ))}
    </section>
  )
}

function Round({ round, n }: { round: VotingRound; n: number }) {
  const { t, language } = useI18n()
  const id = `round-${round.round}`
  const time = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const period = round.closedAt
    ? time.formatRange(new Date(round.startedAt), new Date(round.closedAt))
    : time.format(new Date(round.startedAt))
  const outcome = round.revealedAt
    ? t('docs.rounds.revealed')
    : round.closedAt
      ? t('docs.rounds.notRevealed')
      : t('docs.rounds.running')
  const facts = [
    period,
    round.votesPerPerson === 1
      ? t('docs.rounds.perPerson.one')
      : t('docs.rounds.perPerson.many', { n: round.votesPerPerson }),
    round.voters === 1
      ? t('docs.rounds.voters.one')
      : t('docs.rounds.voters.many', { n: round.voters }),
    outcome,
  ]
  return (
    <>
      <h3 id={id}>{t('docs.rounds.round', { n, phase: round.phase || '–' })}</h3>
      <p className="docs__meta">{facts.join(' · ')}</p>
      {round.results.length === 0 ? (
        <p className="docs__meta">{t('docs.rounds.noResults')}</p>
      ) : (
        <ol className="docs__notes" aria-labelledby={id}>
          {round.results.map((result) => (
            <li
              key={result.noteId}
              className="docs__note"
              style={{ '--note': noteSwatch(result.color) } as React.CSSProperties}
            >
              <span className="docs__text">
                {result.text === null
                  ? t('docs.rounds.deleted')
                  : result.text || t('docs.rounds.empty')}
              </span>
              <span className="docs__details">
                {result.votes === 1
                  ? t('docs.votes.one')
                  : t('docs.votes.many', { n: result.votes })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
