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
import type { Messages } from './sv.ts'

export const en: Messages = {
  ...start.en,
  ...facilitation.en,
  ...projector.en,
  ...phone.en,
  ...documentation.en,
  ...processTexts.en,
  ...ideas.en,
  ...blueList.en,
  ...handslag.en,
  ...legal.en,
  ...list.en,
  ...meetingTexts.en,
  'app.tagline': 'A shared board for workshops – in the room and remote.',
  'start.heading': 'Create a new board',
  'start.intro':
    'The board gets its own link. Everyone who opens it works on the same board: sticky notes, pens, shapes and each other’s cursors in real time. No account needed.',
  'start.titleLabel': 'Board name (optional)',
  'start.titlePlaceholder': 'For example Gathering 2 – online',
  'start.create': 'Create new board',
  'start.creating': 'Creating …',
  'start.error': 'The board could not be created. Please try again.',
  'start.privacy': 'Everything is kept on this server. Nothing is sent anywhere else.',
  'board.loading': 'Opening the board …',
  'board.waitingForServer':
    'The server cannot be reached right now. The board opens as soon as the connection works.',
  'board.notFound.heading': 'This board does not exist',
  'board.notFound.body': 'The link may be mistyped, or the board has been deleted.',
  'board.needsLink.heading': 'This link gives no access',
  'board.needsLink.body':
    'This board belongs to a gathering. Open it with the link or code the facilitator gave you.',
  'board.invalid.heading': 'This is not a valid board link',
  'board.error.heading': 'The board could not be opened',
  'board.error.body': 'Check the connection and reload the page.',
  'board.newerSchema.heading': 'Reload the page',
  'board.newerSchema.body':
    'This board was saved by a newer version of Samla. Reload the page to continue, so that nothing is lost.',
  'board.firstPage': 'Page 1',
  'board.untitled': 'Untitled board',
  'board.reload': 'Reload',
  'board.backToStart': 'Back to the start page',
  'status.connecting': 'Connecting …',
  'status.online': 'Connected',
  'status.offline': 'Offline',
  'status.offlineHint': 'Your changes are sent when the connection returns. Keep this page open.',
  'status.label': 'Connection',
  'user.guest': 'Guest',
  'meeting.group.kraftsamling': 'Kraftsamling',
  'meeting.group.demokratilabb': 'Demokratilabb',
  'meeting.format.physical': 'In person',
  'meeting.format.digital': 'Digital',
  'meeting.format.hybrid': 'Hybrid',
  'notFound.heading': 'Page not found',
}
