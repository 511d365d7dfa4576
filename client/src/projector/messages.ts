/** Swedish (the default) and English texts of the projector view; merged in i18n/. */
export const sv = {
  'projector.phase': 'Fas',
  'projector.question': 'Fråga',
  'projector.timer': 'Tid kvar',
  'projector.paused': 'pausad',
  'projector.timeUp': 'Tiden är ute',
  'projector.join': 'Skanna koden eller gå till {url} och skriv',
  'projector.joinNoCode': 'Skanna koden med mobilen',
  'projector.qrAlt': 'QR-kod till samlingens mobilsida',
  'projector.results': 'Röstningens resultat',
  'projector.votes': '{n, plural, one {# röst} other {# röster}}',
} as const

export const en: { [K in keyof typeof sv]: string } = {
  'projector.phase': 'Phase',
  'projector.question': 'Question',
  'projector.timer': 'Time left',
  'projector.paused': 'paused',
  'projector.timeUp': 'Time is up',
  'projector.join': 'Scan the code or go to {url} and type',
  'projector.joinNoCode': 'Scan the code with your phone',
  'projector.qrAlt': 'QR code to the meeting’s phone page',
  'projector.results': 'Voting results',
  'projector.votes': '{n, plural, one {# vote} other {# votes}}',
}
