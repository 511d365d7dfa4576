import { defineConfig } from 'drizzle-kit'

// `pnpm db:generate` writes SQL migrations from the schema; they are committed and applied at
// start (server/src/db/client.ts). `pnpm db:check` fails when schema and migrations disagree.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/src/db/schema.ts',
  out: './server/src/db/migrations',
})
