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
  'start.links.participant': 'Till deltagarna',
  'start.links.participant.what':
    'Dela länken med dem som är med på distans. I rummet skannar mobilerna QR-koden eller skriver koden.',
  'start.links.projector': 'Till projektorn',
  'start.links.projector.what':
    'Öppna på datorn som visar väggen i rummet. Den visar fasen, tiden och QR-koden och kan inte ändra något.',
  'start.links.facilitator': 'Bara till dig som processledare',
  'start.links.facilitator.what':
    'Din nyckel till samlingen: den som har länken kan ändra och radera allt. Dela den inte.',
  'start.links.openProjector': 'Öppna projektorvyn',
  'start.links.newTab': '(öppnas i en ny flik)',
  'start.links.qrAlt': 'QR-kod till samlingens mobilsida',
  'start.meeting.joinCode': 'Kod för mobiler: {code} (på {url})',
  'start.meeting.open': 'Öppna tavlan som processledare',
  'start.meeting.docs': 'Dokumentation',
  'start.meeting.copy': 'Kopiera',
  'start.meeting.copied': 'Kopierad.',
  'start.meeting.mine': 'Mina samlingar',
  'start.meeting.mineHint':
    'Sparade i den här webbläsaren. Det finns inga konton: processledarlänken är nyckeln, spara den på ett säkert ställe.',
  'start.meeting.forget': 'Ta bort från listan',
  'start.meeting.forgetHint':
    'Samlingen finns kvar och länkarna fungerar. Bara den här webbläsaren glömmer den.',
  'start.meeting.delete': 'Radera samlingen',
  'start.delete.heading': 'Radera {title} för alltid?',
  'start.delete.permanent': 'Det går inte att ångra. Allt detta raderas från servern:',
  'start.delete.board': 'tavlan med alla faser, lappar och röster',
  'start.delete.docs': 'ögonblicksbilder, dokumentation och exporter',
  'start.delete.links':
    'alla länkar och koden för mobiler: de slutar fungera direkt, även för den som har tavlan öppen',
  'start.delete.instead':
    'Vill du bara att den inte syns här? Välj Ta bort från listan i stället: då finns samlingen kvar.',
  'start.delete.confirm': 'Radera för alltid',
  'start.delete.cancel': 'Avbryt',
  'start.delete.failed': 'Samlingen kunde inte raderas. Försök igen.',
  'start.board.heading': 'Eller en fri tavla',
  'start.edit.heading': 'Ändra samlingen',
  'start.edit.save': 'Spara ändringarna',
  'start.edit.saved': 'Sparat.',
  'start.edit.failed': 'Det gick inte att spara. Försök igen.',
  'start.code.on': 'Slå på koden för mobiler',
  'start.code.off': 'Stäng av koden för mobiler',
  'start.rotate': 'Ge {role} en ny länk',
  'start.rotate.confirm':
    'Den gamla länken slutar gälla direkt, även för den som har tavlan öppen. Fortsätta?',
  'start.rotate.done': 'Ny länk skapad. Dela den nya.',
  'start.rotate.own': 'Ge mig en ny processledarlänk',
  'start.rotate.own.confirm':
    'Din processledarlänk byts ut. Den nya sparas här i webbläsaren; den gamla slutar gälla direkt, överallt där den finns. Fortsätta?',
  'start.rotate.own.done': 'Ny processledarlänk sparad här. Den gamla gäller inte längre.',
  'start.role.participant': 'deltagarna',
  'start.role.projector': 'projektorn',
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
  'start.links.participant': 'For the participants',
  'start.links.participant.what':
    'Share the link with those taking part remotely. In the room, phones scan the QR code or type the code.',
  'start.links.projector': 'For the projector',
  'start.links.projector.what':
    'Open it on the computer that shows the wall in the room. It shows the phase, the time and the QR code and cannot change anything.',
  'start.links.facilitator': 'Only for you as facilitator',
  'start.links.facilitator.what':
    'Your key to the meeting: whoever has this link can change and delete everything. Do not share it.',
  'start.links.openProjector': 'Open the projector view',
  'start.links.newTab': '(opens in a new tab)',
  'start.links.qrAlt': 'QR code to the meeting’s phone page',
  'start.meeting.joinCode': 'Code for phones: {code} (at {url})',
  'start.meeting.open': 'Open the board as facilitator',
  'start.meeting.docs': 'Documentation',
  'start.meeting.copy': 'Copy',
  'start.meeting.copied': 'Copied.',
  'start.meeting.mine': 'My meetings',
  'start.meeting.mineHint':
    'Kept in this browser. There are no accounts: the facilitator link is the key, keep it somewhere safe.',
  'start.meeting.forget': 'Remove from the list',
  'start.meeting.forgetHint':
    'The meeting stays and its links keep working. Only this browser forgets it.',
  'start.meeting.delete': 'Delete the meeting',
  'start.delete.heading': 'Delete {title} for good?',
  'start.delete.permanent': 'This cannot be undone. All of this is erased from the server:',
  'start.delete.board': 'the board with all its phases, notes and votes',
  'start.delete.docs': 'snapshots, documentation and exports',
  'start.delete.links':
    'every link and the phone code: they stop working at once, also for anyone with the board open',
  'start.delete.instead':
    'Only want it gone from here? Choose Remove from the list instead: the meeting stays.',
  'start.delete.confirm': 'Delete for good',
  'start.delete.cancel': 'Cancel',
  'start.delete.failed': 'The meeting could not be deleted. Please try again.',
  'start.board.heading': 'Or a free board',
  'start.edit.heading': 'Change the meeting',
  'start.edit.save': 'Save the changes',
  'start.edit.saved': 'Saved.',
  'start.edit.failed': 'Could not save. Please try again.',
  'start.code.on': 'Switch the phone code on',
  'start.code.off': 'Switch the phone code off',
  'start.rotate': 'Give {role} a new link',
  'start.rotate.confirm':
    'The old link stops working at once, also for anyone who has the board open. Continue?',
  'start.rotate.done': 'New link made. Share the new one.',
  'start.rotate.own': 'Give me a new facilitator link',
  'start.rotate.own.confirm':
    'Your facilitator link will be replaced. The new one is saved here in this browser; the old one stops working at once, wherever it is. Continue?',
  'start.rotate.own.done': 'New facilitator link saved here. The old one no longer works.',
  'start.role.participant': 'the participants',
  'start.role.projector': 'the projector',
}
