/**
 * Fails when a schema has changes that no committed migration covers, for each dialect:
 * drizzle-kit generates into a scratch copy of its migrations and must find nothing to add.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dialects = [
  {
    dialect: 'sqlite',
    schema: './server/src/db/schema.ts',
    folder: 'server/src/db/migrations',
    generate: 'pnpm db:generate',
  },
  {
    dialect: 'postgresql',
    schema: './server/src/db/pg/schema.ts',
    folder: 'server/src/db/pg/migrations',
    generate: 'pnpm db:generate:pg',
  },
] as const

const list = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort()

let failed = false
for (const { dialect, schema, folder, generate } of dialects) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `samla-migrations-${dialect}-`))
  fs.cpSync(path.resolve(folder), scratch, { recursive: true })
  const before = list(scratch)
  const result = spawnSync(
    'drizzle-kit',
    // drizzle-kit prefixes --out with './', so it must be relative.
    [
      'generate',
      '--dialect',
      dialect,
      '--schema',
      schema,
      '--out',
      path.relative(process.cwd(), scratch),
    ],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  )
  const after = list(scratch)
  fs.rmSync(scratch, { recursive: true, force: true })

  if (result.status !== 0 || /error/i.test(result.stderr)) {
    console.error(`${dialect}:`, result.stdout, result.stderr)
    failed = true
    continue
  }
  const added = after.filter((f) => !before.includes(f))
  if (added.length > 0) {
    console.error(
      `The ${dialect} schema has changes without a migration (${added.join(', ')}). Run: ${generate}`,
    )
    failed = true
    continue
  }
  console.log(`${dialect}: migrations match the schema.`)
}
if (failed) process.exit(1)
