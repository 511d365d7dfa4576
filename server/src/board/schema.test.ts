import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA, isCurrentSchema, migrateBoardRecords } from './schema.ts'

const root = path.resolve(import.meta.dirname, '../../..')
const dependency = (pkg: string, name: string): string | undefined => {
  const json = JSON.parse(fs.readFileSync(path.join(root, pkg, 'package.json'), 'utf8'))
  return json.dependencies?.[name] ?? json.devDependencies?.[name]
}

describe('the tldraw schema on the server', () => {
  it('is the schema of the tldraw the client is built with (same pinned version)', () => {
    const client = dependency('client', 'tldraw')
    expect(client).toMatch(/^\d+\.\d+\.\d+$/)
    expect(dependency('server', '@tldraw/tlschema')).toBe(client)
  })

  it('migrates an older board and leaves current, newer or bogus schemas alone', () => {
    const older = structuredClone(CURRENT_SCHEMA)
    older.sequences['com.tldraw.page'] = 0
    const page = { id: 'page:a', typeName: 'page', name: 'Öppna upp', index: 'a1' }
    const migrated = migrateBoardRecords(older, [['page:a', page]])
    expect(migrated?.get('page:a')).toEqual({ ...page, meta: {} })
    // The stored value (a live object of the server's document) is not touched.
    expect(page).not.toHaveProperty('meta')

    expect(migrateBoardRecords(CURRENT_SCHEMA, [['page:a', page]])).toBeNull()
    const newer = structuredClone(CURRENT_SCHEMA)
    newer.sequences['com.tldraw.page'] = 99
    expect(migrateBoardRecords(newer, [['page:a', page]])).toBeNull()
    expect(migrateBoardRecords({ v: 1 }, [['page:a', page]])).toBeNull()
    expect(migrateBoardRecords(undefined, [['page:a', page]])).toBeNull()
    expect(isCurrentSchema(structuredClone(CURRENT_SCHEMA))).toBe(true)
    expect(isCurrentSchema(older)).toBe(false)
  })
})
