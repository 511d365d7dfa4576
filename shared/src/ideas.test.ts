import { describe, expect, it } from 'vitest'
import { criteriaProblems, EMPTY_DESCRIPTION, isIdeaTransition } from './ideas.ts'

describe('the status of an idea', () => {
  it('moves forward along the seed’s path, skipping steps it does not need, never back', () => {
    expect(isIdeaTransition('ide', 'idebeskrivning')).toBe(true)
    expect(isIdeaTransition('idebeskrivning', 'dialogforum')).toBe(true)
    expect(isIdeaTransition('dialogforum', 'samordningsgrupp')).toBe(false)
    expect(isIdeaTransition('beslut', 'beslut')).toBe(false)
    expect(isIdeaTransition('spridning', 'ide')).toBe(false)
  })
  it('ends from anywhere on the path, and an ended idea can only be woken again at the start', () => {
    expect(isIdeaTransition('ide', 'inte-aktuell')).toBe(true)
    expect(isIdeaTransition('genomforande', 'avslutad')).toBe(true)
    expect(isIdeaTransition('avslutad', 'ide')).toBe(true)
    expect(isIdeaTransition('avslutad', 'beslut')).toBe(false)
    expect(isIdeaTransition('inte-aktuell', 'avslutad')).toBe(false)
  })
})

describe('the seed’s criteria', () => {
  const full = {
    ...EMPTY_DESCRIPTION,
    bakgrund: 'b',
    syfte: 's',
    mal: 'm',
    matt: 'm',
    malgrupp: 'unga',
    barnratt: 'b',
    brukarmedverkan: 'b',
    evidens: 'e',
    budget: '100 000 kr',
    plan: 'p',
  }
  it('names every empty field and the missing municipal and regional actors', () => {
    const problems = criteriaProblems(EMPTY_DESCRIPTION)
    expect(problems.filter((p) => p.kind === 'missing')).toHaveLength(10)
    expect(problems).toContainEqual({ kind: 'municipalAndRegional' })
  })
  it('asks for at least one municipal and one regional actor together, with a name each', () => {
    const kommun = { organisation: 'Karlskrona kommun', sector: 'kommun' as const }
    const region = { organisation: 'Region Blekinge', sector: 'region' as const }
    expect(criteriaProblems({ ...full, aktorer: [kommun] })).toEqual([
      { kind: 'municipalAndRegional' },
    ])
    expect(
      criteriaProblems({ ...full, aktorer: [kommun, { ...region, organisation: ' ' }] }),
    ).toEqual([{ kind: 'municipalAndRegional' }])
    expect(criteriaProblems({ ...full, aktorer: [kommun, region] })).toEqual([])
  })
})
