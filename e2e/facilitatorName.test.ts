import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { screenshotDir } from './src/browser.ts'
import { useSamlaAndBrowser } from './src/fixture.ts'
import { createMeeting } from './src/meeting.ts'
import { useWatchedPages } from './src/pages.ts'
import { noteTexts, waitForConnection, waitForFacilitatorBoard, writeNote } from './src/ui.ts'

/**
 * Issue 14's minor "mark the facilitator in the people list": the others see "Anna
 * (processledare)" in the people menu and on her cursor; her browser keeps "Anna", and her
 * notes say "Anna".
 */
const samla = useSamlaAndBrowser()
const { open } = useWatchedPages(samla)

const collaborators = (page: Awaited<ReturnType<typeof open>>) =>
  page.evaluate(() =>
    ((window.__samla?.editor.getCollaborators() ?? []) as unknown as { userName: string }[]).map(
      (c) => c.userName,
    ),
  )

describe('the facilitator in the people list', () => {
  it('is "Anna (processledare)" to the others, while her browser and her notes keep "Anna"', async () => {
    const { links } = await createMeeting(samla.server.url, {
      title: 'Samling 5',
      group: 'kraftsamling',
      date: '2026-06-01',
      format: 'digital',
    })
    const facilitator = await waitForFacilitatorBoard(await open(links.facilitator))
    await facilitator.evaluate(() =>
      window.__samla?.editor.user.updateUserPreferences({ name: 'Anna' }),
    )
    const participant = await open(links.participant)
    await waitForConnection(participant)
    await participant.evaluate(() =>
      window.__samla?.editor.user.updateUserPreferences({ name: 'Bo' }),
    )
    await facilitator.mouse.move(400, 300)
    await facilitator.mouse.move(420, 320)
    await participant.mouse.move(400, 300)
    await expect.poll(() => collaborators(participant)).toEqual(['Anna (processledare)'])
    await expect.poll(() => collaborators(facilitator)).toEqual(['Bo'])
    const saved = await facilitator.evaluate(() => localStorage.getItem('TLDRAW_USER_DATA_v3'))
    expect(JSON.parse(saved ?? '{}').user?.name).toBe('Anna')
    await participant.locator('.tlui-people-menu__avatars-button').click()
    await participant
      .locator('.tlui-people-menu__item', { hasText: 'Anna (processledare)' })
      .waitFor()
    await participant.screenshot({ path: path.join(screenshotDir, 'people-facilitator-1280.png') })

    // Her note is by "Anna", as the documentation will say.
    await writeNote(facilitator, { x: 420, y: 420 }, 'Från processledaren')
    await expect.poll(() => noteTexts(facilitator)).toEqual(['Från processledaren'])
    const author = await facilitator.evaluate(() => {
      const shapes = window.__samla?.editor.getCurrentPageShapes() as unknown as
        | Array<{ type: string; meta: Record<string, unknown> }>
        | undefined
      return shapes?.find((shape) => shape.type === 'note')?.meta.samlaAuthor
    })
    expect(author).toBe('Anna')
  })
})
