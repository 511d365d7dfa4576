import { defineConfig } from 'drizzle-kit'

// `pnpm db:generate:pg` writes the PostgreSQL migrations (server/src/db/pg/client.ts applies
// them at start); `pnpm db:check` fails when either dialect's schema and migrations disagree.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/pg/schema.ts',
  out: './server/src/db/pg/migrations',
})
