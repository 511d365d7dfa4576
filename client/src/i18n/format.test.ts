import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { formatMessage } from './format.ts'
import { sv } from './sv.ts'

describe('filling in messages', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('Starta röstning i {phase}', { phase: 'Testa' }, 'sv')).toBe(
      'Starta röstning i Testa',
    )
    expect(formatMessage('{a} och {b}', { a: 1 }, 'sv')).toBe('1 och {b}')
    expect(formatMessage('{n} min', undefined, 'sv')).toBe('{n} min')
  })

  it('picks the plural form the language asks for', () => {
    const votes = '{n, plural, one {# röst} other {# röster}}'
    expect([0, 1, 2, 21].map((n) => formatMessage(votes, { n }, 'sv'))).toEqual([
      '0 röster',
      '1 röst',
      '2 röster',
      '21 röster',
    ])
    expect(formatMessage('{n, plural, =0 {inga} other {#}} kvar', { n: 0 }, 'sv')).toBe('inga kvar')
    expect(formatMessage('{n, plural, one {# vote} other {# votes}}', { n: 'x' }, 'en')).toBe(
      '{n, plural, one {# vote} other {# votes}}',
    )
  })

  // Every count of votes the board, the phone and the projector show.
  const dictionaries = { sv, en }
  it.each([
    ['sv', 'projector.votes', ['1 röst', '2 röster']],
    ['sv', 'facilitation.voting.votes', ['1 röst', '2 röster']],
    ['sv', 'facilitation.vote.left', ['Du har 1 röst kvar.', 'Du har 2 röster kvar.']],
    ['en', 'projector.votes', ['1 vote', '2 votes']],
    ['en', 'facilitation.voting.votes', ['1 vote', '2 votes']],
    ['en', 'facilitation.vote.left', ['You have 1 vote left.', 'You have 2 votes left.']],
    [
      'en',
      'facilitation.voting.open',
      ['Voting is open in Testa. 1 has voted.', 'Voting is open in Testa. 2 have voted.'],
    ],
  ] as const)('%s %s: one and two', (locale, key, expected) => {
    const text = dictionaries[locale][key]
    expect([1, 2].map((n) => formatMessage(text, { n, phase: 'Testa' }, locale))).toEqual(expected)
  })
})
