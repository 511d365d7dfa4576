import crypto from 'node:crypto'
import pg from 'pg'

/**
 * The server the tests create their databases on: the machine's PostgreSQL (scripts/test.sh
 * starts it when it is down), or another one named by SAMLA_TEST_POSTGRES_URL.
 */
const SERVER_URL = process.env.SAMLA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432'

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** An empty database of its own for one test; `drop` removes it, closing what is still open. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  // Lower-case hex: a name that needs no quoting.
  const name = `samla_test_${crypto.randomBytes(8).toString('hex')}`
  await admin((client) => client.query(`create database ${name}`))
  return {
    url: databaseUrl(name),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => {},
      ),
  }
}
