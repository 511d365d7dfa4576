import type { Page } from 'playwright-core'
import { afterEach, expect } from 'vitest'
import type { useSamlaAndBrowser } from './fixture.ts'
import { emptyFindings, watchContext } from './watch.ts'

/**
 * Pages for one test file, each in a fresh browser context watched for what must not happen
 * (a failed request, a console error, a request leaving the origin: watch.ts), checked after
 * every test; and the API as the test's own calls make it.
 */
export function useWatchedPages(samla: ReturnType<typeof useSamlaAndBrowser>) {
  let findings = emptyFindings()
  afterEach(() => {
    const found = findings
    findings = emptyFindings()
    expect(found).toEqual(emptyFindings())
  })

  /** `prepare` runs on the page before it loads (an init script, say). */
  async function open(
    url: string,
    viewport = { width: 1280, height: 800 },
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<Page> {
    const context = await samla.browser.newContext({ viewport })
    watchContext(context, () => samla.server.url, findings)
    const page = await context.newPage()
    await prepare?.(page)
    await page.goto(url)
    return page
  }

  /** A JSON call with a link's token; POST when it has a body. */
  async function api(path: string, token: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${samla.server.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body ? JSON.stringify(body) : undefined,
    })
    return res.json()
  }
  return { open, api }
}
