import * as blueList from '../blueList/messages.ts'
import * as documentation from '../documentation/messages.ts'
import * as facilitation from '../facilitation/messages.ts'
import * as handslag from '../handslag/messages.ts'
import * as ideas from '../ideas/messages.ts'
import * as legal from '../legal/messages.ts'
import * as list from '../list/messages.ts'
import * as meetingTexts from '../meeting/messages.ts'
import * as phone from '../phone/messages.ts'
import * as processTexts from '../process/messages.ts'
import * as projector from '../projector/messages.ts'
import * as start from '../start/messages.ts'

/**
 * Swedish, the default language. Texts shared by every page live here and in en.ts; each
 * part of the UI keeps its own in a messages.ts beside it, merged here.
 */
export const sv = {
  ...start.sv,
  ...facilitation.sv,
  ...projector.sv,
  ...phone.sv,
  ...documentation.sv,
  ...processTexts.sv,
  ...ideas.sv,
  ...blueList.sv,
  ...handslag.sv,
  ...legal.sv,
  ...list.sv,
  ...meetingTexts.sv,
  'app.tagline': 'En gemensam tavla för workshops – i rummet och på distans.',
  'start.heading': 'Skapa en ny tavla',
  'start.intro':
    'Tavlan får en egen länk. Alla som öppnar länken arbetar på samma tavla: lappar, pennor, former och varandras markörer i realtid. Inget konto behövs.',
  'start.titleLabel': 'Tavlans namn (valfritt)',
  'start.titlePlaceholder': 'Till exempel Samling 2 – digital',
  'start.create': 'Skapa ny tavla',
  'start.creating': 'Skapar …',
  'start.error': 'Tavlan kunde inte skapas. Försök igen.',
  'start.privacy': 'Allt sparas på den här servern. Inget skickas till någon annan.',
  'board.loading': 'Öppnar tavlan …',
  'board.waitingForServer':
    'Når inte servern just nu. Tavlan öppnas så snart anslutningen fungerar.',
  'board.notFound.heading': 'Tavlan finns inte',
  'board.notFound.body': 'Länken kan vara felskriven, eller så har tavlan tagits bort.',
  'board.needsLink.heading': 'Länken saknar behörighet',
  'board.needsLink.body':
    'Den här tavlan hör till en samling. Öppna den med länken eller koden du fick av processledaren.',
  'board.invalid.heading': 'Det här är ingen giltig tavellänk',
  'board.error.heading': 'Tavlan kunde inte öppnas',
  'board.error.body': 'Kontrollera anslutningen och ladda om sidan.',
  'board.newerSchema.heading': 'Ladda om sidan',
  'board.newerSchema.body':
    'Tavlan har sparats av en nyare version av Samla. Ladda om sidan för att fortsätta, så att inget går förlorat.',
  'board.firstPage': 'Sida 1',
  'board.untitled': 'Namnlös tavla',
  'board.reload': 'Ladda om',
  'board.backToStart': 'Till startsidan',
  'status.connecting': 'Ansluter …',
  'status.online': 'Ansluten',
  'status.offline': 'Frånkopplad',
  'status.offlineHint': 'Dina ändringar skickas när anslutningen är tillbaka. Stäng inte sidan.',
  'status.label': 'Anslutning',
  'user.guest': 'Gäst',
  'meeting.group.kraftsamling': 'Kraftsamling',
  'meeting.group.demokratilabb': 'Demokratilabb',
  'meeting.format.physical': 'Fysisk',
  'meeting.format.digital': 'Digital',
  'meeting.format.hybrid': 'Hybrid',
  'notFound.heading': 'Sidan finns inte',
} as const

export type MessageKey = keyof typeof sv
export type Messages = Record<MessageKey, string>
