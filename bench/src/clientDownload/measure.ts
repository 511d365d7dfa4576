import type { Browser, Page } from 'playwright-core'
import type { Usable, View } from './views.ts'

/** The mid-range phone: 1.6 Mbit/s down, 750 kbit/s up, 150 ms, CPU 4× slower. */
export const PHONE_PROFILE = {
  downloadBytesPerSecond: 200_000,
  uploadBytesPerSecond: 93_750,
  latencyMs: 150,
  cpuSlowdown: 4,
}

export interface Measurement {
  /** Seconds from navigation start until the view was usable. */
  usableS: number
  laterS: number | null
  /** Bytes on the wire (bodies as sent plus headers) of what finished before usable. */
  jsBytes: number
  totalBytes: number
  /** The same once the page has gone quiet (no request for 2 s), lazy chunks included. */
  settledJsBytes: number
  settledTotalBytes: number
  scripts: number
}

interface Load {
  url: string
  type: string
  bytes: number
  /** CDP monotonic seconds. */
  at: number
}

/**
 * Opens `view` in a fresh browser context (an empty cache) under the phone profile and
 * measures it. Usable is detected in the page every 50 ms; bytes come from CDP's
 * Network.loadingFinished (encodedDataLength: what crossed the wire, headers included).
 */
export async function measureView(browser: Browser, view: View): Promise<Measurement> {
  const context = await browser.newContext({ viewport: view.viewport })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE_PROFILE.latencyMs,
      downloadThroughput: PHONE_PROFILE.downloadBytesPerSecond,
      uploadThroughput: PHONE_PROFILE.uploadBytesPerSecond,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_PROFILE.cpuSlowdown })

    const types = new Map<string, { url: string; type: string }>()
    const inFlight = new Set<string>()
    const loads: Load[] = []
    let navigationAt: number | null = null
    let lastActivity = Date.now()
    cdp.on('Network.requestWillBeSent', (e) => {
      if (navigationAt === null && e.type === 'Document') navigationAt = e.timestamp
      inFlight.add(e.requestId)
      lastActivity = Date.now()
    })
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, { url: e.response.url, type: e.type })
    })
    const done = (requestId: string) => {
      inFlight.delete(requestId)
      lastActivity = Date.now()
    }
    cdp.on('Network.loadingFinished', (e) => {
      const info = types.get(e.requestId)
      loads.push({
        url: info?.url ?? '',
        type: info?.type ?? 'Other',
        bytes: e.encodedDataLength,
        at: e.timestamp,
      })
      done(e.requestId)
    })
    cdp.on('Network.loadingFailed', (e) => done(e.requestId))

    await page.goto(view.url, { waitUntil: 'commit' })
    const usableMs = await usableAt(page, view.usable)
    const laterMs = view.later ? await usableAt(page, view.later.usable) : null
    await quiet(() => inFlight.size === 0 && Date.now() - lastActivity > 2000)

    const start = navigationAt ?? 0
    const before = loads.filter((l) => l.at <= start + usableMs / 1000)
    const sum = (list: Load[], type?: string) =>
      list.filter((l) => !type || l.type === type).reduce((s, l) => s + l.bytes, 0)
    return {
      usableS: usableMs / 1000,
      laterS: laterMs === null ? null : laterMs / 1000,
      jsBytes: sum(before, 'Script'),
      totalBytes: sum(before),
      settledJsBytes: sum(loads, 'Script'),
      settledTotalBytes: sum(loads),
      scripts: before.filter((l) => l.type === 'Script').length,
    }
  } finally {
    await context.close()
  }
}

/**
 * Checks `usable` in the page and answers performance.now() once it holds. Built from source
 * text: tsx would wrap the helpers of a function written here in `__name()`, which exists
 * only in Node, and the page's CSP forbids evaluating a string there.
 */
const usableCheck = new Function(
  'usable',
  `const { controls = [], text } = usable
  const visible = (el) => {
    if (!(el instanceof HTMLElement)) return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  }
  for (const selector of controls) {
    const el = document.querySelector(selector)
    if (!visible(el) || el.disabled || el.readOnly) return false
  }
  if (text) {
    const scope = document.querySelector(text.within)
    if (!scope) return false
    const xpath = './/*[contains(text(), ' + JSON.stringify(text.text) + ')]'
    const found = document.evaluate(xpath, scope, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null)
    if (!visible(found.singleNodeValue)) return false
  }
  return performance.now()`,
) as (usable: Usable) => number | false

/** Milliseconds after navigation start (performance.now) at which `usable` first held. */
async function usableAt(page: Page, usable: Usable): Promise<number> {
  const handle = await page.waitForFunction(usableCheck, usable, {
    polling: 50,
    timeout: 120_000,
  })
  return (await handle.jsonValue()) as number
}

async function quiet(isQuiet: () => boolean, maxMs = 60_000) {
  const until = Date.now() + maxMs
  while (!isQuiet() && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
}
