/**
 * Bundles the server into ES modules, server/dist/main.js (and the compaction and merge worker
 * threads beside it), so that production runs plain
 * JavaScript (no TypeScript loader) and the tests and benchmarks run exactly that file. The
 * native better-sqlite3 stays a package; the SQL migrations are copied beside the bundle,
 * where server/src/db/client.ts and server/src/db/pg/client.ts look for them (next to the
 * running module: migrations/ for SQLite, pg-migrations/ for PostgreSQL).
 */
import fs from 'node:fs'
import { build } from 'esbuild'

await build({
  // The worker threads are bundles of their own, beside main.js (storage/compactionWorker.ts,
  // storage/postgres/mergeWorker.ts).
  entryPoints: {
    main: 'server/src/main.ts',
    compactionThread: 'server/src/storage/compactionThread.ts',
    mergeThread: 'server/src/storage/postgres/mergeThread.ts',
  },
  outdir: 'server/dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // ws loads these optional native helpers only if present.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
fs.rmSync('server/dist/migrations', { recursive: true, force: true })
fs.cpSync('server/src/db/migrations', 'server/dist/migrations', { recursive: true })
fs.rmSync('server/dist/pg-migrations', { recursive: true, force: true })
fs.cpSync('server/src/db/pg/migrations', 'server/dist/pg-migrations', { recursive: true })
console.log('server/dist/main.js, compactionThread.js and mergeThread.js built')
