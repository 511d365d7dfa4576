/**
 * Bundles the server into ES modules, server/dist/main.js (and the compaction worker thread
 * beside it), so that production runs plain
 * JavaScript (no TypeScript loader) and the tests and benchmarks run exactly that file. The
 * native better-sqlite3 stays a package; the SQL migrations are copied beside the bundle,
 * where server/src/db/client.ts looks for them (next to the running module).
 */
import fs from 'node:fs'
import { build } from 'esbuild'

await build({
  // The compaction thread is a bundle of its own, beside main.js (storage/compactionWorker.ts).
  entryPoints: {
    main: 'server/src/main.ts',
    compactionThread: 'server/src/storage/compactionThread.ts',
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
console.log('server/dist/main.js and compactionThread.js built')
