/**
 * Swedish (the default) and English texts of the accessibility statement (following DIGG's
 * model) and the personal-data page, and the footer that links to them from every page.
 */
export const sv = {
  'legal.organisation.unknown': 'Organisationen som driver den här tjänsten',
  'legal.contact.unknown':
    'Kontaktuppgift saknas här (den som driver tjänsten anger den i SAMLA_ORGANISATION_CONTACT).',
  'legal.contact.line': 'Kontakt: {contact}',
  'legal.a11y.title': 'Tillgänglighetsredogörelse för Samla',
  'legal.a11y.intro':
    '{organisation} står bakom den här tjänsten. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Samla uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
  'legal.a11y.how.heading': 'Hur tillgänglig är tjänsten?',
  'legal.a11y.how.body':
    'Vi vet att delar av tjänsten inte är helt tillgängliga: framför allt själva tavlan. Läs mer under ”Innehåll som inte är tillgängligt”.',
  'legal.a11y.help.heading': 'Vad kan du göra om du inte kan använda delar av tjänsten?',
  'legal.a11y.help.body':
    'Om du behöver något från tjänsten som inte är tillgängligt för dig, kontakta oss så hjälper vi dig på annat sätt, till exempel genom att föra in dina synpunkter på tavlan åt dig eller skicka dokumentationen som text.',
  'legal.a11y.report.heading': 'Rapportera brister i tjänstens tillgänglighet',
  'legal.a11y.report.body':
    'Vi vill hela tiden förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
  'legal.a11y.supervision.heading': 'Tillsyn',
  'legal.a11y.supervision.body':
    'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
  'legal.a11y.supervision.link': 'Anmäl till Digg (digg.se)',
  'legal.a11y.technical.heading': 'Teknisk information om tjänstens tillgänglighet',
  'legal.a11y.technical.body':
    'Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service (WCAG 2.1 nivå AA), på grund av de brister som beskrivs nedan.',
  'legal.a11y.gaps.heading': 'Innehåll som inte är tillgängligt',
  'legal.a11y.gaps.canvas':
    'Tavlan ritas på en canvas. Lapparna på tavlan syns inte för skärmläsare och kan inte läsas, skrivas eller flyttas med enbart tangentbord (WCAG 2.1: 1.1.1, 1.3.1, 2.1.1, 4.1.2). Projektorvyn visar tavlan som bild.',
  'legal.a11y.gaps.alternatives':
    'Alternativet är listvyn: varje tavla har knappen ”Lista” (och ”Hoppa till listan” som första tabbstopp), som visar alla faser, frågor och lappar som rubriker och listor. Där läser du andras lappar medan mötet pågår, skriver en lapp i den fråga du väljer, ändrar och tar bort dina egna lappar och röstar, med tangentbord och skärmläsare; nya lappar, fasbyten, lås och ”tiden är ute” läses upp. Det du inte kan göra i listvyn: flytta, gruppera eller rita, och se var på tavlan en lapp ligger. Mobilsidan har vanliga formulär för att skriva och rösta, och allt som skrivits går att läsa som text på dokumentationssidan.',
  'legal.a11y.tested.heading': 'Hur vi har testat tjänsten',
  'legal.a11y.tested.body':
    'Vi testar Samla själva: automatiska tester med axe mot WCAG 2.1 A och AA på alla sidor utom tavlans canvas, och på listvyn, i Chromium, på datorskärm, i 360 pixlars bredd och vid 200 % zoom, vid varje ändring av tjänsten; listvyn och formulären med enbart tangentbord.',
  'legal.a11y.updated': 'Redogörelsen uppdaterades senast den 2 december 2026.',
  'legal.privacy.title': 'Personuppgifter i Samla',
  'legal.privacy.intro':
    'Samla har inga konton. Här står exakt vad tjänsten sparar om personer, hur länge, och hur det raderas.',
  'legal.privacy.controller.heading': 'Vem som ansvarar',
  'legal.privacy.controller.body':
    '{organisation} är personuppgiftsansvarig för uppgifterna i den här tjänsten.',
  'legal.privacy.stored.heading': 'Vad Samla sparar',
  'legal.privacy.stored.names':
    'Namn som du själv skriver in (frivilligt): de visas på dina lappar och vid din markör. I anonyma möten sparas inga namn.',
  'legal.privacy.stored.notes':
    'Det du skriver på lappar, och svar på lappar som skickats mellan grupperna: sparas med mötet. Skriv inte känsliga uppgifter om dig själv eller andra.',
  'legal.privacy.stored.voter':
    'En slumpad röstnyckel per webbläsare och möte, utan namn: den räknar att ingen röstar fler gånger än den får.',
  'legal.privacy.stored.handslag':
    'Namn, roll och organisation för den som bekräftar ett Handslag för sin organisation.',
  'legal.privacy.stored.organisation':
    'Organisation och sektor som du själv anger när du går med i ett möte i Kraftsamlingen (frivilligt): de sparas med mötet, räknas ihop i dess dokumentation (”Ca 15 personer från bland annat …”) och raderas med mötet. I anonyma möten och i Demokratilabbet frågar Samla inte och sparar inget.',
  'legal.privacy.stored.private':
    'Lappar som skrivs enskilt (”Skriv enskilt”): texten och namnet sparas på servern, kopplade till webbläsarens röstnyckel, och lämnas bara ut till den webbläsaren tills processledaren visar alla lappar. Då skrivs de in på tavlan och raderas från den plats där de väntade; de raderas också med mötet.',
  'legal.privacy.stored.browser':
    'I din egen webbläsare (inte hos oss): dina mötes- och processlänkar, ditt språkval och din röstnyckel.',
  'legal.privacy.retention.heading': 'Hur länge',
  'legal.privacy.retention.days':
    '{days, plural, one {Ett möte raderas automatiskt # dag efter mötesdagen.} other {Ett möte raderas automatiskt # dagar efter mötesdagen.}}',
  'legal.privacy.retention.none':
    'Möten och kraftsamlingar sparas tills någon med processledarens länk raderar dem.',
  'legal.privacy.erasure.heading': 'Radering',
  'legal.privacy.erasure.body':
    'När ett möte raderas tas tavlan, hela dess historik, ögonblicksbilder, bilder och publicering bort, och det som mötets lappar skickade till andra möten. När en kraftsamling raderas tas alla dess möten, idéer, Handslag och Blå listan bort. Med den inbyggda databasen (SQLite) skrivs det raderade över på disken; med PostgreSQL kan raderade rader finnas kvar i databasens filer en tid, tills de skrivs över.',
  'legal.privacy.logs.heading': 'Loggar och andra mottagare',
  'legal.privacy.logs.body':
    'Serverns loggar innehåller inga IP-adresser, inga länkar och ingen text från lappar. Tjänsten hämtar inget från andra webbplatser: inga uppgifter lämnar den server där Samla körs.',
} as const

export const en: { [K in keyof typeof sv]: string } = {
  'legal.organisation.unknown': 'The organisation running this service',
  'legal.contact.unknown':
    'No contact is given here (whoever runs the service sets it in SAMLA_ORGANISATION_CONTACT).',
  'legal.contact.line': 'Contact: {contact}',
  'legal.a11y.title': 'Accessibility statement for Samla',
  'legal.a11y.intro':
    '{organisation} is responsible for this service. We want as many people as possible to be able to use it. This page describes how Samla meets the Swedish act on accessibility to digital public services, the known shortcomings, and how to report problems to us so that we can fix them.',
  'legal.a11y.how.heading': 'How accessible is the service?',
  'legal.a11y.how.body':
    'We know that parts of the service are not fully accessible: above all the board itself. See “Content that is not accessible”.',
  'legal.a11y.help.heading': 'What can you do if you cannot use parts of the service?',
  'legal.a11y.help.body':
    'If you need something from the service that is not accessible to you, contact us and we will help you another way, for example by putting your views on the board for you or sending the documentation as text.',
  'legal.a11y.report.heading': 'Reporting accessibility problems',
  'legal.a11y.report.body':
    'We keep working to improve accessibility. If you find problems not described here, or think we do not meet the requirements of the law, tell us so that we know about it.',
  'legal.a11y.supervision.heading': 'Supervision',
  'legal.a11y.supervision.body':
    'The Agency for Digital Government (Digg) supervises the act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact Digg.',
  'legal.a11y.supervision.link': 'Report to Digg (digg.se)',
  'legal.a11y.technical.heading': 'Technical information about the service’s accessibility',
  'legal.a11y.technical.body':
    'The service is partially compliant with the act on accessibility to digital public services (WCAG 2.1 level AA), because of the shortcomings described below.',
  'legal.a11y.gaps.heading': 'Content that is not accessible',
  'legal.a11y.gaps.canvas':
    'The board is drawn on a canvas. Its notes are invisible to screen readers and cannot be read, written or moved with a keyboard alone (WCAG 2.1: 1.1.1, 1.3.1, 2.1.1, 4.1.2). The projector view shows the board as a picture.',
  'legal.a11y.gaps.alternatives':
    'The alternative is the list view: every board has a “List” button (and “Skip to the list” as the first Tab stop) that shows every phase, question and note as headings and lists. There you read others’ notes while the meeting runs, write a note in the question you choose, edit and delete your own notes and vote, with a keyboard and a screen reader; new notes, phase changes, locks and “time is up” are announced. What you cannot do in the list view: move, group or draw, or see where on the board a note lies. The phone page has ordinary forms to write and vote, and everything written can be read as text on the documentation page.',
  'legal.a11y.tested.heading': 'How we tested the service',
  'legal.a11y.tested.body':
    'We test Samla ourselves: automated tests with axe against WCAG 2.1 A and AA on every page except the board’s canvas, and on the list view, in Chromium, on a desktop screen, at 360 pixels wide and at 200 % zoom, on every change of the service; the list view and the forms with a keyboard alone.',
  'legal.a11y.updated': 'This statement was last updated on 2 December 2026.',
  'legal.privacy.title': 'Personal data in Samla',
  'legal.privacy.intro':
    'Samla has no accounts. This page says exactly what the service stores about people, for how long, and how it is erased.',
  'legal.privacy.controller.heading': 'Who is responsible',
  'legal.privacy.controller.body':
    '{organisation} is the controller of the personal data in this service.',
  'legal.privacy.stored.heading': 'What Samla stores',
  'legal.privacy.stored.names':
    'Names you type yourself (optional): shown on your notes and beside your cursor. Anonymous meetings store no names.',
  'legal.privacy.stored.notes':
    'What you write on notes, and answers to notes sent between the groups: stored with the meeting. Do not write sensitive information about yourself or others.',
  'legal.privacy.stored.voter':
    'A random voting key per browser and meeting, without a name: it makes sure nobody votes more often than allowed.',
  'legal.privacy.stored.handslag':
    'Name, role and organisation of whoever confirms a Handslag for their organisation.',
  'legal.privacy.stored.organisation':
    'The organisation and sector you give yourself when you join a Kraftsamling meeting (optional): kept with the meeting, counted together in its record (“About 15 people took part, from …”) and erased with the meeting. In anonymous meetings and in the Demokratilabb Samla does not ask and keeps nothing.',
  'legal.privacy.stored.private':
    'Notes written privately (“Write privately”): the text and the name are kept on the server, under the browser’s voter key, and given only to that browser until the facilitator reveals all notes. Then they are written onto the board and erased from where they waited; they are also erased with the meeting.',
  'legal.privacy.stored.browser':
    'In your own browser (not with us): your meeting and process links, your language and your voting key.',
  'legal.privacy.retention.heading': 'For how long',
  'legal.privacy.retention.days':
    '{days, plural, one {A meeting is erased automatically # day after its date.} other {A meeting is erased automatically # days after its date.}}',
  'legal.privacy.retention.none':
    'Meetings and processes are kept until someone with the facilitator’s link deletes them.',
  'legal.privacy.erasure.heading': 'Erasure',
  'legal.privacy.erasure.body':
    'Deleting a meeting removes its board, its whole history, snapshots, pictures and publication, and what its notes sent to other meetings. Deleting a process removes all its meetings, ideas, Handslag and Blå listan. With the built-in database (SQLite) what was deleted is overwritten on disk; with PostgreSQL deleted rows may remain in the database’s files for a while, until they are overwritten.',
  'legal.privacy.logs.heading': 'Logs and other recipients',
  'legal.privacy.logs.body':
    'The server’s logs hold no IP addresses, no links and no text of notes. The service fetches nothing from other websites: no data leaves the server Samla runs on.',
}
