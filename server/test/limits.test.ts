import type { ErrorBody } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './helpers.ts'
import { inProcessApp } from './inProcessApp.ts'

/** Per-address limits on creating boards and meetings (SAMLA_CREATE_LIMIT_PER_HOUR). */
const disposers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose()
})

async function app(env: Record<string, string>) {
  const fixture = await inProcessApp(env)
  disposers.push(() => fixture.dispose())
  return fixture
}

const meetingBody = JSON.stringify({
  title: 'Samling',
  group: 'kraftsamling',
  date: '2026-02-13',
  format: 'digital',
})
const create = (
  fixture: Awaited<ReturnType<typeof inProcessApp>>,
  what: 'boards' | 'meetings',
  headers: Record<string, string> = {},
) =>
  fixture.app.request(`/api/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: what === 'boards' ? '{}' : meetingBody,
  })

async function statuses(count: number, request: () => Response | Promise<Response>) {
  const seen: number[] = []
  for (let i = 0; i < count; i++) seen.push((await request()).status)
  return seen
}

describe('creation limits', () => {
  it('answers past the limit with 429 too_many_requests and a Retry-After, for boards and meetings each', async () => {
    const fixture = await app({ SAMLA_CREATE_LIMIT_PER_HOUR: '3' })
    expect(await statuses(3, () => create(fixture, 'boards'))).toEqual([201, 201, 201])
    const refused = await create(fixture, 'boards')
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as ErrorBody).error.code).toBe('too_many_requests')
    // The first of the three leaves the hour's window in just under an hour.
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)

    // Meetings have a budget of their own.
    expect(await statuses(4, () => create(fixture, 'meetings'))).toEqual([201, 201, 201, 429])
  })

  it('behind a trusted proxy, counts each client by the last X-Forwarded-For hop', async () => {
    const fixture = await app({ SAMLA_CREATE_LIMIT_PER_HOUR: '1', SAMLA_TRUST_PROXY: 'true' })
    const via = (forwarded: string) => () =>
      create(fixture, 'boards', { 'x-forwarded-for': forwarded })
    expect(await statuses(2, via('203.0.113.7'))).toEqual([201, 429])
    expect(await statuses(1, via('203.0.113.8'))).toEqual([201])
    // Inventing earlier hops does not give a fresh allowance.
    expect(await statuses(1, via('198.51.100.1, 203.0.113.7'))).toEqual([429])
  })

  it('ignores X-Forwarded-For unless told to trust a proxy, and can be switched off', async () => {
    const untrusting = await app({ SAMLA_CREATE_LIMIT_PER_HOUR: '1' })
    expect(await statuses(1, () => create(untrusting, 'boards'))).toEqual([201])
    expect(
      await statuses(1, () => create(untrusting, 'boards', { 'x-forwarded-for': '203.0.113.9' })),
    ).toEqual([429])

    const unlimited = await app({ SAMLA_CREATE_LIMIT_PER_HOUR: '0' })
    expect(new Set(await statuses(100, () => create(unlimited, 'boards')))).toEqual(new Set([201]))
  })

  it('counts a real client by its socket address', async () => {
    const server: TestServer = await startTestServer({ SAMLA_CREATE_LIMIT_PER_HOUR: '2' })
    disposers.push(() => server.dispose())
    let hop = 0
    // A different forwarded address each time: not trusted, so it changes nothing.
    const post = () =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${++hop}` },
      })
    expect(await statuses(3, post)).toEqual([201, 201, 429])
  })
})
