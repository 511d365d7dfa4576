import path from 'node:path'
import type { JoinInfo } from '@samla/shared'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { waitForFacilitatorBoard } from './src/ui.ts'

/**
 * The phone's first screen at 360×740 (issue 14, item 9): nothing wider than the screen; the
 * note's text and its button above where a phone's keyboard opens (about 300 px of 740), and
 * still in view at 360×440, the screen left with the keyboard open; the confirmation beside
 * the button; and every button, link, select and input a 44×44 px target.
 */
const samla = useSamlaAndBrowser()
const { open, api } = useWatchedPages(samla)

const PHONE = { width: 360, height: 740 }
const KEYBOARD = { width: 360, height: 440 }

type Box = { top: number; bottom: number; left: number; right: number }

/** Where an element is on the screen now, in CSS px of the viewport. */
const boxOf = (page: Page, selector: string | Locator) =>
  (typeof selector === 'string' ? page.locator(selector) : selector).evaluate((el): Box => {
    const r = el.getBoundingClientRect()
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
  })

/** The page scrolls sideways if its content is wider than the screen. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/**
 * Every visible button, link, select and input smaller than 44×44 px, by name and size. A
 * radio button's target is its label, which selects it too (WCAG 2.5.5 counts it). No inline
 * link is exempted: none of these pages has one inside a sentence.
 */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary'),
    )
      // The headless editor that writes the notes is off screen and hidden from everyone.
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
      .map((el) => {
        const target =
          el instanceof HTMLInputElement && el.labels?.[0]?.contains(el) ? el.labels[0] : el
        const r = target.getBoundingClientRect()
        const name = (target.textContent ?? '').trim() || el.getAttribute('aria-label') || el.id
        return { name: `${el.tagName.toLowerCase()} ${name}`, width: r.width, height: r.height }
      })
      .filter((t) => t.width < 44 || t.height < 44)
      .map((t) => `${t.name}: ${Math.round(t.width)}×${Math.round(t.height)}`),
  )

type NoteRecord = {
  type?: string
  props?: { richText?: { content?: Array<{ content?: { text?: string }[] }> } }
}

/** The texts of the notes on the facilitator's board. */
const boardNotes = (page: Page) =>
  page.evaluate(() =>
    ((window.__samla?.editor.getCurrentPageShapes() ?? []) as NoteRecord[])
      .filter((s) => s.type === 'note')
      .map((s) =>
        s.props?.richText?.content
          ?.flatMap((p) => p.content?.map((c) => c.text ?? '') ?? [])
          .join(''),
      ),
  )

const NOTE_BUTTON = '.phone__send button'
const STATUS = '.phone__status'

/** Posts a note the way a thumb does, and says where the confirmation showed. */
async function post(phone: Page, text: string): Promise<{ status: Box; button: Box }> {
  await phone.getByLabel('Din lapp').fill(text)
  await phone.getByRole('button', { name: 'Lägg upp lappen' }).click()
  await phone.locator(STATUS).getByText('Lappen finns nu på tavlan.').waitFor()
  return { status: await boxOf(phone, STATUS), button: await boxOf(phone, NOTE_BUTTON) }
}

describe('the phone’s first screen at 360 px', () => {
  it('the join page: no sideways scroll, 44 px targets, and the code and button above the keyboard', async () => {
    const page = await open(`${samla.server.url}/j`, PHONE)
    await page.getByRole('button', { name: 'Gå med' }).waitFor()
    expect(await sidewaysScroll(page)).toBe(0)
    expect(await smallTargets(page)).toEqual([])
    await page.screenshot({ path: path.join(screenshotDir, 'join-360.png') })
    expect(
      await page.evaluate(() =>
        document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
      ),
    ).toContain('interactive-widget=resizes-content')

    await page.setViewportSize(KEYBOARD)
    await page.getByLabel('Koden på skärmen (sex tecken)').focus()
    expect(await sidewaysScroll(page)).toBe(0)
    for (const selector of ['#join-code', 'form .button']) {
      const box = await boxOf(page, selector)
      expect(box.top, selector).toBeGreaterThanOrEqual(0)
      expect(box.bottom, selector).toBeLessThanOrEqual(KEYBOARD.height)
    }
  })

  it('the phone page: the text and the button in the first screen, the confirmation beside the button, 44 px targets everywhere', async () => {
    // A Kraftsamling meeting: the attendance card is on the page too, and the timer runs.
    const { meeting, links, facilitatorToken } = await createMeeting(samla.server.url, {
      title: 'Samling 2 – trygghet i skolan',
      group: 'kraftsamling',
      date: '2026-12-02',
      format: 'physical',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))
    await facilitator.getByRole('button', { name: 'Starta', exact: true }).click()
    const join = (await api(`/api/meetings/${meeting.id}/join-info`, facilitatorToken)) as JoinInfo

    const phone = await open(join.phoneLink, PHONE)
    await phone.getByRole('heading', { name: 'Välkommen!' }).waitFor()
    await expect
      .poll(() => phone.getByLabel('Till vilken fråga?').locator('option').count(), {
        timeout: 20_000,
      })
      .toBe(3)
    await phone.getByRole('timer').waitFor()
    expect(await sidewaysScroll(phone)).toBe(0)
    expect(await phone.evaluate(() => scrollY)).toBe(0)
    // Above the keyboard: the question, the text and the button, whole, in either language.
    const keyboardTop = PHONE.height - 300
    const aboveKeyboard = async (language: string) => {
      for (const selector of ['.phone__question', '.phone__text', NOTE_BUTTON]) {
        const box = await boxOf(phone, selector)
        expect(box.top, `${language} ${selector}`).toBeGreaterThanOrEqual(0)
        expect(box.bottom, `${language} ${selector}`).toBeLessThanOrEqual(keyboardTop)
        expect(box.right, `${language} ${selector}`).toBeLessThanOrEqual(PHONE.width)
      }
    }
    await aboveKeyboard('sv')
    await phone.getByRole('button', { name: 'English' }).click()
    await phone.getByRole('button', { name: 'Post the note' }).waitFor()
    await aboveKeyboard('en')
    expect(await sidewaysScroll(phone)).toBe(0)
    await phone.screenshot({ path: path.join(screenshotDir, 'phone-first-360x740-en.png') })
    await phone.getByRole('button', { name: 'Svenska' }).click()
    await phone.getByRole('button', { name: 'Lägg upp lappen' }).waitFor()
    expect(
      await phone.evaluate(() =>
        document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
      ),
    ).toContain('interactive-widget=resizes-content')
    expect(await smallTargets(phone)).toEqual([])
    await phone.screenshot({ path: path.join(screenshotDir, 'phone-first-360x740.png') })

    // Posted: the note is on the board, and the phone says so beside the button, on screen.
    const status = phone.locator(STATUS)
    expect(await status.getAttribute('aria-live')).toBe('polite')
    expect(await status.getAttribute('role')).toBe('status')
    const name = phone.getByLabel('Ditt namn (valfritt)')
    const nameBefore = await boxOf(phone, name)
    const { status: said, button } = await post(phone, 'Fler vuxna i korridoren')
    expect(said.top).toBeGreaterThanOrEqual(0)
    expect(said.bottom).toBeLessThanOrEqual(PHONE.height)
    expect(said.top).toBeLessThan(button.bottom)
    expect(said.bottom).toBeGreaterThan(button.top)
    // Nothing below jumps when it speaks.
    expect(await boxOf(phone, name)).toEqual(nameBefore)
    await expect
      .poll(() => boardNotes(facilitator), { timeout: 10_000 })
      .toEqual(['Fler vuxna i korridoren'])
    await phone.screenshot({ path: path.join(screenshotDir, 'phone-posted-360x740.png') })

    // Its own notes (edit, delete) and a vote round's buttons: 44 px targets too.
    const mine = phone.getByRole('region', { name: 'Dina lappar i den här fasen' })
    await mine.getByRole('button', { name: 'Ändra (Fler vuxna i korridoren)' }).waitFor()
    await facilitator.getByRole('button', { name: 'Starta röstning i Öppna upp' }).click()
    await phone.getByRole('button', { name: 'Rösta (Fler vuxna i korridoren)' }).click()
    await phone.getByText('Dina röster: 1').waitFor()
    await phone.getByRole('button', { name: 'Ta tillbaka (Fler vuxna i korridoren)' }).waitFor()
    expect(await smallTargets(phone)).toEqual([])
    expect(await sidewaysScroll(phone)).toBe(0)
    await mine.getByRole('button', { name: 'Ändra (Fler vuxna i korridoren)' }).click()
    await mine.getByLabel('Lappens text').waitFor()
    expect(await smallTargets(phone)).toEqual([])
    await mine.getByRole('button', { name: 'Avbryt' }).click()
    await phone.screenshot({
      path: path.join(screenshotDir, 'phone-vote-360.png'),
      fullPage: true,
    })

    // With the keyboard open: 360×440 left, the text focused; the text and the button whole
    // on screen, and the confirmation too after posting.
    const typing = await open(join.phoneLink, KEYBOARD)
    await expect
      .poll(() => typing.getByLabel('Till vilken fråga?').locator('option').count(), {
        timeout: 20_000,
      })
      .toBe(3)
    await typing.getByLabel('Din lapp').focus()
    for (const selector of ['.phone__text', NOTE_BUTTON]) {
      const box = await boxOf(typing, selector)
      expect(box.top, selector).toBeGreaterThanOrEqual(0)
      expect(box.bottom, selector).toBeLessThanOrEqual(KEYBOARD.height)
    }
    expect(await sidewaysScroll(typing)).toBe(0)
    await typing.getByLabel('Din lapp').fill('Någon att prata med')
    await typing.screenshot({ path: path.join(screenshotDir, 'phone-keyboard-360x440.png') })
    const typed = await post(typing, 'Någon att prata med')
    expect(typed.status.top).toBeGreaterThanOrEqual(0)
    expect(typed.status.bottom).toBeLessThanOrEqual(KEYBOARD.height)
    await expect
      .poll(() => boardNotes(facilitator), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Fler vuxna i korridoren', 'Någon att prata med']))
  })
})
