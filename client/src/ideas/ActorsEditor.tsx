import {
  ACTOR_SECTORS,
  type ActorEntry,
  actorEntrySchema,
  IDEA_ACTORS_MAP,
  MAX_IDEA_ACTORS,
} from '@samla/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/index.tsx'

type Row = ActorEntry & { key: string }

const rowsOf = (map: Y.Map<unknown>): Row[] =>
  [...map.entries()]
    .flatMap(([key, value]) => {
      const parsed = actorEntrySchema.safeParse(value)
      return parsed.success ? [{ ...parsed.data, key }] : []
    })
    .sort((a, b) => a.order - b.order)

/** A row key as the relay accepts them (ACTOR_KEY_PATTERN). */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 16)

/**
 * The actors taking part (organisation and sector), written together: each row is one entry of
 * the document's actors map, so two people editing different rows never clash.
 */
export function ActorsEditor({
  id,
  doc,
  readOnly,
}: {
  id: string
  doc: Y.Doc | null
  readOnly: boolean
}) {
  const { t } = useI18n()
  const map = doc?.getMap<unknown>(IDEA_ACTORS_MAP) ?? null
  const [rows, setRows] = useState<Row[]>([])
  useEffect(() => {
    if (!map) return
    const read = () => setRows(rowsOf(map))
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [map])
  const write = (row: Row, changes: Partial<ActorEntry>) => {
    const { key, ...entry } = row
    map?.set(key, { ...entry, ...changes } satisfies ActorEntry)
  }
  return (
    <fieldset className="idea-actors">
      <legend>{t('idea.field.aktorer')}</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="idea-actor">
          <label htmlFor={`${id}-org-${row.key}`}>
            {t('idea.page.organisationNumber', { number: index + 1 })}
          </label>
          <input
            id={`${id}-org-${row.key}`}
            maxLength={200}
            value={row.organisation}
            readOnly={readOnly}
            onChange={(e) => write(row, { organisation: e.target.value })}
          />
          <label htmlFor={`${id}-sector-${row.key}`}>{t('idea.page.sector')}</label>
          <select
            id={`${id}-sector-${row.key}`}
            value={row.sector}
            disabled={readOnly}
            onChange={(e) => write(row, { sector: e.target.value as ActorEntry['sector'] })}
          >
            {ACTOR_SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`idea.sector.${sector}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary"
            disabled={readOnly}
            onClick={() => map?.delete(row.key)}
          >
            {t('idea.page.removeActor', { organisation: row.organisation || index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        disabled={readOnly || rows.length >= MAX_IDEA_ACTORS}
        onClick={() =>
          map?.set(newKey(), {
            organisation: '',
            sector: 'kommun',
            order: Date.now(),
          } satisfies ActorEntry)
        }
      >
        {t('idea.page.addActor')}
      </button>
    </fieldset>
  )
}
