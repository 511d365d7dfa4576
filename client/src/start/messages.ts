/** Swedish (the default) and English texts of the start page's meetings; merged in i18n/. */
export const sv = {
  'start.meeting.heading': 'Ny samling',
  'start.meeting.intro':
    'En samling får en tavla med faserna Öppna upp, Testa, Lära och Integrera, en länk för dig som processledare, en för deltagarna, en för projektorn och en kort kod för mobiler.',
  'start.meeting.title': 'Samlingens namn',
  'start.meeting.titlePlaceholder': 'Till exempel Samling 2 – digital',
  'start.meeting.group': 'Grupp',
  'start.meeting.groupHint':
    'Demokratilabbets samlingar är anonyma från början: inga namn på lappar eller markörer.',
  'start.meeting.date': 'Datum',
  'start.meeting.format': 'Form',
  'start.meeting.create': 'Skapa samlingen',
  'start.meeting.error': 'Samlingen kunde inte skapas. Kontrollera fälten och försök igen.',
  'start.meeting.created': '{title} är skapad',
  'start.meeting.facilitatorLink': 'Din länk som processledare – dela den inte',
  'start.meeting.participantLink': 'Länk för deltagare på distans',
  'start.meeting.projectorLink': 'Länk för projektorn i rummet',
  'start.meeting.joinCode': 'Kod för mobiler: {code} (på {url})',
  'start.meeting.open': 'Öppna tavlan som processledare',
  'start.meeting.docs': 'Dokumentation',
  'start.meeting.copy': 'Kopiera',
  'start.meeting.copied': 'Kopierad.',
  'start.meeting.mine': 'Mina samlingar',
  'start.meeting.mineHint':
    'Sparade i den här webbläsaren. Det finns inga konton: processledarlänken är nyckeln, spara den på ett säkert ställe.',
  'start.meeting.forget': 'Ta bort från listan',
  'start.meeting.delete': 'Radera samlingen',
  'start.meeting.confirmDelete':
    'Radera {title} med tavla, ögonblicksbilder och dokumentation för alltid?',
  'start.board.heading': 'Eller en fri tavla',
} as const

export const en: { [K in keyof typeof sv]: string } = {
  'start.meeting.heading': 'New meeting',
  'start.meeting.intro':
    'A meeting gets a board with the phases Öppna upp, Testa, Lära and Integrera, a link for you as facilitator, one for participants, one for the projector and a short code for phones.',
  'start.meeting.title': 'Name of the meeting',
  'start.meeting.titlePlaceholder': 'For example Samling 2 – digital',
  'start.meeting.group': 'Group',
  'start.meeting.groupHint':
    'Demokratilabb meetings start anonymous: no names on notes or cursors.',
  'start.meeting.date': 'Date',
  'start.meeting.format': 'Format',
  'start.meeting.create': 'Create the meeting',
  'start.meeting.error': 'The meeting could not be created. Check the fields and try again.',
  'start.meeting.created': '{title} is created',
  'start.meeting.facilitatorLink': 'Your facilitator link – do not share it',
  'start.meeting.participantLink': 'Link for remote participants',
  'start.meeting.projectorLink': 'Link for the projector in the room',
  'start.meeting.joinCode': 'Code for phones: {code} (at {url})',
  'start.meeting.open': 'Open the board as facilitator',
  'start.meeting.docs': 'Documentation',
  'start.meeting.copy': 'Copy',
  'start.meeting.copied': 'Copied.',
  'start.meeting.mine': 'My meetings',
  'start.meeting.mineHint':
    'Kept in this browser. There are no accounts: the facilitator link is the key, keep it somewhere safe.',
  'start.meeting.forget': 'Remove from the list',
  'start.meeting.delete': 'Delete the meeting',
  'start.meeting.confirmDelete':
    'Delete {title} with its board, snapshots and documentation for good?',
  'start.board.heading': 'Or a free board',
}
