import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8')

/** The rules of the level Samla promises outside the canvas. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * axe-core's WCAG 2.1 AA violations on the page, or inside `within` (our own parts of the
 * board page; tldraw's canvas and menus are tldraw's to answer for). Evaluated through the
 * DevTools protocol, so the page's CSP, which forbids inline scripts, stays as it is.
 */
export async function accessibilityViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(
    async ({ within, tags }) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') }
      const result = await axe.run(within ? { include: [within] } : document, {
        runOnly: { type: 'tag', values: tags },
      })
      return result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      )
    },
    { within, tags: WCAG_21_AA },
  )
}
