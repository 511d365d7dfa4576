import { describe, expect, it } from 'vitest'
import {
  BLUE_LIST_STATUSES,
  changeBlueListStatusRequest,
  createBlueListItemRequest,
  isBlueListTransition,
  updateBlueListItemRequest,
} from './blueList.ts'

describe('the status of an item on Blå listan', () => {
  it('moves forward from noted to raised to answered, skipping a step if need be, never back', () => {
    expect(isBlueListTransition('ny', 'lyft')).toBe(true)
    expect(isBlueListTransition('lyft', 'besvarad')).toBe(true)
    expect(isBlueListTransition('ny', 'besvarad')).toBe(true)
    expect(isBlueListTransition('besvarad', 'lyft')).toBe(false)
    expect(isBlueListTransition('lyft', 'ny')).toBe(false)
    expect(isBlueListTransition('lyft', 'lyft')).toBe(false)
  })
  it('is closed from anywhere, and a closed item can only be opened again as new', () => {
    for (const from of ['ny', 'lyft', 'besvarad'] as const)
      expect(isBlueListTransition(from, 'avslutad')).toBe(true)
    expect(BLUE_LIST_STATUSES.filter((to) => isBlueListTransition('avslutad', to))).toEqual(['ny'])
  })
})

describe('requests on Blå listan', () => {
  it('take a need of 1–2000 characters, an addressee of at most 200, and nothing else', () => {
    expect(createBlueListItemRequest.parse({ need: ' Fler kuratorer ' })).toEqual({
      need: 'Fler kuratorer',
      raisedTo: '',
    })
    expect(createBlueListItemRequest.safeParse({ need: '  ' }).success).toBe(false)
    expect(createBlueListItemRequest.safeParse({ need: 'x'.repeat(2001) }).success).toBe(false)
    expect(
      createBlueListItemRequest.safeParse({ need: 'x', raisedTo: 'y'.repeat(201) }).success,
    ).toBe(false)
    expect(createBlueListItemRequest.safeParse({ need: 'x', status: 'lyft' }).success).toBe(false)
    expect(
      createBlueListItemRequest.safeParse({ need: 'x', ideaId: 'a', meetingId: 'b' }).success,
    ).toBe(false)
    expect(updateBlueListItemRequest.safeParse({ number: 3 }).success).toBe(false)
  })
  it('change the status to a known one with a comment of at most 600 characters', () => {
    expect(changeBlueListStatusRequest.parse({ status: 'lyft' })).toEqual({
      status: 'lyft',
      comment: '',
    })
    expect(changeBlueListStatusRequest.safeParse({ status: 'klar' }).success).toBe(false)
    expect(
      changeBlueListStatusRequest.safeParse({ status: 'lyft', comment: 'x'.repeat(601) }).success,
    ).toBe(false)
  })
})
