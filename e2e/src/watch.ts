import type { BrowserContext } from 'playwright-core'

/** What a browser context did that the no-third-party and no-broken-asset rules forbid. */
export interface Findings {
  /** Requests and WebSockets to any origin but the server's (data: and blob: are local). */
  foreignRequests: string[]
  /** Requests that failed, except the relay's WebSocket, which may drop during a restart. */
  failedLoads: string[]
  /** console.error and uncaught page errors, except a refused WebSocket reconnect. */
  consoleErrors: string[]
}

export function emptyFindings(): Findings {
  return { foreignRequests: [], failedLoads: [], consoleErrors: [] }
}

const LOCAL_SCHEMES = /^(data|blob):/
// Chromium logs every refused reconnect of y-websocket while the server is down on purpose.
const EXPECTED_CONSOLE_ERROR =
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws\/[^']+' failed/

export interface WatchOptions {
  /** console.error texts a test provokes on purpose (a 404 page logs its failed lookup). */
  expectedConsoleErrors?: RegExp[]
}

/**
 * Records into `findings` everything in `context` that breaks the rules. `origin` is read
 * at each event because a restarted server keeps its port but the fixture gets a new object.
 */
export function watchContext(
  context: BrowserContext,
  origin: () => string,
  findings: Findings,
  { expectedConsoleErrors = [] }: WatchOptions = {},
) {
  const expected = [EXPECTED_CONSOLE_ERROR, ...expectedConsoleErrors]
  const isOwn = (url: string) => {
    const own = new URL(origin())
    if (LOCAL_SCHEMES.test(url)) return true
    const target = new URL(url)
    return target.host === own.host && ['http:', 'ws:'].includes(target.protocol)
  }
  context.on('request', (request) => {
    if (!isOwn(request.url())) findings.foreignRequests.push(request.url())
  })
  context.on('requestfailed', (request) => {
    if (!request.url().startsWith('ws'))
      findings.failedLoads.push(
        `${request.method()} ${request.url()} ${request.failure()?.errorText}`,
      )
  })
  context.on('page', (page) => {
    page.on('websocket', (socket) => {
      if (!isOwn(socket.url())) findings.foreignRequests.push(socket.url())
    })
    page.on('console', (message) => {
      if (message.type() === 'error' && !expected.some((re) => re.test(message.text())))
        findings.consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => findings.consoleErrors.push(String(error)))
  })
}
