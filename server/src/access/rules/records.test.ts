import { describe, expect, it } from 'vitest'
import { frame, note, page, richText } from '../../../test/fixtures/records.ts'
import { CURRENT_SCHEMA } from '../../board/schema.ts'
import { DEFAULT_WRITE_LIMITS } from '../limits.ts'
import { recordProblem } from './records.ts'

const check = (key: string, value: unknown, declared: unknown = CURRENT_SCHEMA) =>
  recordProblem(key, value, declared, DEFAULT_WRITE_LIMITS)

describe('records every client can read, checked with tldraw’s own schema', () => {
  it('takes the records tldraw’s editor writes', () => {
    expect(check('page:a', page('page:a', 'Öppna upp', 'a1'))).toBeNull()
    expect(check('shape:f', frame('shape:f', 'page:a', 'Vad ser vi?', 0, 0))).toBeNull()
    expect(
      check('shape:n', note('shape:n', 'shape:f', 10, 10, ['Fler vuxna på rasterna'])),
    ).toBeNull()
  })

  it('refuses the seven values tldraw refuses, which would stop every client’s binding', () => {
    const valid = note('shape:n', 'page:a', 0, 0, ['text'])
    const cases: Array<[string, string, unknown]> = [
      [
        'richText that is a number',
        'shape:n',
        { ...valid, props: { ...valid.props, richText: 42 } },
      ],
      ['an unknown colour', 'shape:n', { ...valid, props: { ...valid.props, color: 'plaid' } }],
      ['an unknown shape type', 'shape:n', { ...valid, type: 'hologram' }],
      ['an id that differs from its key', 'shape:other', valid],
      ['a string instead of a record', 'shape:n', 'shape'],
      [
        'a session record',
        'camera:page:a',
        { id: 'camera:page:a', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} },
      ],
      ['an array', 'shape:n', [valid]],
    ]
    for (const [what, key, value] of cases) {
      expect(check(key, value), what).toMatchObject({ problem: 'invalid-record' })
    }
  })

  it('refuses values that are not plain JSON: bigints, bytes, non-finite numbers', () => {
    const valid = note('shape:n', 'page:a', 0, 0, ['text'])
    expect(check('shape:n', { ...valid, x: 10n })).toMatchObject({ problem: 'invalid-record' })
    expect(check('shape:n', { ...valid, meta: { b: new Uint8Array(4) } })).toMatchObject({
      problem: 'invalid-record',
    })
    expect(check('shape:n', { ...valid, x: Number.NaN })).toMatchObject({
      problem: 'invalid-record',
    })
  })

  it('limits a note’s text, a record’s size and its depth', () => {
    const long = note('shape:n', 'page:a', 0, 0, [
      'x'.repeat(DEFAULT_WRITE_LIMITS.maxNoteChars + 1),
    ])
    expect(check('shape:n', long)).toMatchObject({ problem: 'too-large', detail: 'text too long' })
    const atLimit = note('shape:n', 'page:a', 0, 0, ['x'.repeat(DEFAULT_WRITE_LIMITS.maxNoteChars)])
    expect(check('shape:n', atLimit)).toBeNull()
    // Seven megabytes of text in one note: refused by its size before anything else.
    const huge = note('shape:n', 'page:a', 0, 0, ['x'.repeat(7_000_000)])
    expect(check('shape:n', huge)).toMatchObject({ problem: 'too-large' })
    let deep: unknown = 'bottom'
    for (let i = 0; i < 5000; i++) deep = [deep]
    const nested = { ...note('shape:n', 'page:a', 0, 0, ['x']), meta: { deep } }
    expect(check('shape:n', nested)).toMatchObject({
      problem: 'too-large',
      detail: 'nested too deeply',
    })
    const paragraphs = Array.from({ length: 4 }, () => 'y'.repeat(1300))
    expect(
      check('shape:n', {
        ...note('shape:n', 'page:a', 0, 0, []),
        props: { ...note('shape:n', 'page:a', 0, 0, []).props, richText: richText(...paragraphs) },
      }),
    ).toMatchObject({ problem: 'too-large' })
  })

  it('migrates a record written in an older schema the board still declares, then validates it', () => {
    const older = structuredClone(CURRENT_SCHEMA)
    older.sequences['com.tldraw.page'] = 0
    const { meta: _meta, ...oldPage } = page('page:a', 'Öppna upp', 'a1')
    expect(check('page:a', oldPage, older)).toBeNull()
    // Without the older schema, the same record is not what tldraw 5.4 reads.
    expect(check('page:a', oldPage)).toMatchObject({ problem: 'invalid-record' })
  })
})
