import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'

const SERVER_URL = 'postgres://postgres@127.0.0.1:5432'

async function answers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/postgres` })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Starts the machine's PostgreSQL when it does not answer (CI runs after the session's processes end). */
export async function ensurePostgres(): Promise<void> {
  if (await answers()) return
  const [version] = fs.readdirSync('/etc/postgresql')
  if (!version) throw new Error('PostgreSQL does not answer and no cluster is installed')
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'])
  for (let i = 0; i < 100; i++) {
    if (await answers()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('PostgreSQL did not start')
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/${db}` })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export interface BenchDatabase {
  url: string
  drop(): Promise<void>
}

/**
 * A fresh database for one run, shared by both clusters: Samla's instances migrate it, the
 * Hocuspocus peer keeps its documents in a table of its own.
 */
export async function createDatabase(): Promise<BenchDatabase> {
  const name = `samla_cluster_bench_${Date.now()}_${randomBytes(3).toString('hex')}`
  await onServer((c) => c.query(`CREATE DATABASE ${name}`))
  const url = `${SERVER_URL}/${name}`
  await onServer(
    (c) =>
      c.query('CREATE TABLE hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)'),
    name,
  )
  return {
    url,
    async drop() {
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}
