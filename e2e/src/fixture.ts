import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, screenshotDir } from './browser.ts'
import { type SamlaProcess, startSamla } from './server.ts'

export interface SamlaFixture {
  /** The running server; a test that restarts it assigns the new one here. */
  server: SamlaProcess
  browser: Browser
}

/**
 * One real server and one Chromium per test file, stopped and cleaned up after it; `env` is
 * the server's configuration beyond the defaults.
 */
export function useSamlaAndBrowser(env: Record<string, string> = {}): SamlaFixture {
  const fixture = {} as SamlaFixture
  let close: (() => Promise<void>) | undefined
  beforeAll(async () => {
    fixture.server = await startSamla(undefined, 0, env)
    const launched = await launchBrowser()
    fixture.browser = launched.browser
    close = launched.close
    fs.mkdirSync(screenshotDir, { recursive: true })
  })
  afterAll(async () => {
    await close?.()
    await fixture.server?.stop()
    if (fixture.server) fs.rmSync(fixture.server.dataDir, { recursive: true, force: true })
  })
  return fixture
}
