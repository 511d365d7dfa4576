// One instance of a Hocuspocus cluster, as a peer to measure Samla's multi-instance mode against:
// the Redis extension relays between instances, the database extension keeps each document in
// PostgreSQL (table `hocuspocus_documents`, created by the benchmark). Everything else is
// Hocuspocus's default: a document is stored 2 s after its last change, at most 10 s after its
// first unsaved one, and not on every change.
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import { Server } from '@hocuspocus/server'
import pg from 'pg'

const port = Number(process.env.PORT)
const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })
// A lost database connection must not end the process: Hocuspocus logs the failed store and
// keeps the document in memory, which is what is being measured.
pool.on('error', (err) => console.error(JSON.stringify({ msg: 'pg pool error', err: err.message })))

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Redis({ host: redis.hostname, port: Number(redis.port || 6379) }),
    new Database({
      async fetch({ documentName }) {
        const { rows } = await pool.query<{ data: Buffer }>(
          'SELECT data FROM hocuspocus_documents WHERE name = $1',
          [documentName],
        )
        return rows[0]?.data ?? null
      },
      async store({ documentName, state }) {
        await pool.query(
          `INSERT INTO hocuspocus_documents (name, data) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data`,
          [documentName, state],
        )
      },
    }),
  ],
})
await server.listen()
console.log(JSON.stringify({ msg: 'listening', port }))
