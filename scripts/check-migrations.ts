/**
 * Fails when server/src/db/schema.ts has changes that no committed migration covers:
 * drizzle-kit generates into a scratch copy of the migrations and must find nothing to add.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const migrations = path.resolve('server/src/db/migrations')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-migrations-'))
fs.cpSync(migrations, scratch, { recursive: true })
const list = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort()
const before = list(scratch)

const result = spawnSync(
  'drizzle-kit',
  // drizzle-kit prefixes --out with './', so it must be relative.
  [
    'generate',
    '--dialect',
    'sqlite',
    '--schema',
    './server/src/db/schema.ts',
    '--out',
    path.relative(process.cwd(), scratch),
  ],
  { encoding: 'utf8', shell: process.platform === 'win32' },
)
const after = list(scratch)
fs.rmSync(scratch, { recursive: true, force: true })

if (result.status !== 0 || /error/i.test(result.stderr)) {
  console.error(result.stdout, result.stderr)
  process.exit(1)
}
const added = after.filter((f) => !before.includes(f))
if (added.length > 0) {
  console.error(
    `The schema has changes without a migration (${added.join(', ')}). Run: pnpm db:generate`,
  )
  process.exit(1)
}
console.log('Migrations match the schema.')
