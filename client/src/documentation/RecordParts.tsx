import {
  type Attendance,
  attendanceSentence,
  paragraphs,
  type RecordTexts,
  sectorsLine,
} from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'

/**
 * The organisers' own parts of the record as readers see them (the published page, and the
 * facilitator's page when printed): seed 002's order, head before the questions, tail after.
 */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => (
        // Paragraphs have no identity but their place; the text is plain, never markup.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={i} className="docs__paragraph">
          {p}
        </p>
      ))}
    </>
  )
}

export function AttendanceLine({ attendance }: { attendance: Attendance }) {
  const { t, language } = useI18n()
  const sentence = attendanceSentence(attendance, language)
  const sectors = sectorsLine(attendance, language)
  return (
    <>
      {sentence && <p className="docs__attendance">{sentence}</p>}
      {sectors && <p className="docs__meta">{t('docs.record.sectors', { list: sectors })}</p>}
    </>
  )
}

export function SpaningView({ spaning }: { spaning: RecordTexts['spaning'] }) {
  const { t } = useI18n()
  if (!spaning.speaker.trim() && !spaning.title.trim() && !spaning.text.trim()) return null
  return (
    <section className="docs__phase docs__spaning" aria-labelledby="docs-spaning">
      <h2 id="docs-spaning">{t('docs.record.spaning')}</h2>
      {spaning.title.trim() && <h3>{spaning.title}</h3>}
      {spaning.speaker.trim() && <p className="docs__meta">{spaning.speaker}</p>}
      <Paragraphs text={spaning.text} />
    </section>
  )
}

export function RecordHead({ texts, attendance }: { texts: RecordTexts; attendance: Attendance }) {
  return (
    <>
      <Paragraphs text={texts.introduction} />
      <AttendanceLine attendance={attendance} />
      <SpaningView spaning={texts.spaning} />
    </>
  )
}

export function ClosingView({ text }: { text: string }) {
  const { t } = useI18n()
  if (paragraphs(text).length === 0) return null
  return (
    <section className="docs__phase" aria-labelledby="docs-closing">
      <h2 id="docs-closing">{t('docs.record.closing')}</h2>
      <Paragraphs text={text} />
    </section>
  )
}

export function LinksView({ links }: { links: RecordTexts['links'] }) {
  const { t } = useI18n()
  if (links.length === 0) return null
  return (
    <section className="docs__phase" aria-labelledby="docs-links">
      <h2 id="docs-links">{t('docs.record.links')}</h2>
      <ul className="docs__links">
        {links.map((link) => (
          <li key={link.url}>
            {/* Only http(s) and mailto addresses reach a record (the server checks). */}
            <a href={link.url} rel="noopener noreferrer">
              {link.title || link.url}
            </a>
            <span className="docs__url docs__meta">{link.url}</span>
            {link.description && <span>{link.description}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function RecordTail({ texts }: { texts: RecordTexts }) {
  return (
    <>
      <ClosingView text={texts.closing} />
      <LinksView links={texts.links} />
    </>
  )
}
