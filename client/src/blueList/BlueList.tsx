import type { BlueListItem, Idea, TimelineEntry } from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { listIdeas } from '../ideas/api.ts'
import { AddBlueItemForm } from './AddBlueItemForm.tsx'
import { listBlueList } from './api.ts'
import { BlueItem } from './BlueItem.tsx'
import './blueList.css'

/**
 * The process page's "Blå listan": every need the process cannot meet itself, by number, and a
 * form to add one from an idea or a meeting of the process. Only the process link opens it.
 */
export function BlueListSection({
  processId,
  token,
  timeline,
}: {
  processId: string
  token: string
  timeline: TimelineEntry[]
}) {
  const { t } = useI18n()
  const [items, setItems] = useState<BlueListItem[] | null>(null)
  const [ideas, setIdeas] = useState<Idea[]>([])
  const load = useCallback(
    () => listBlueList(processId, token).then(setItems, () => setItems([])),
    [processId, token],
  )
  useEffect(() => {
    void load()
    listIdeas(processId, token).then(setIdeas, () => setIdeas([]))
  }, [load, processId, token])
  const replace = (changed: BlueListItem) =>
    setItems((list) => list?.map((i) => (i.id === changed.id ? changed : i)) ?? null)

  return (
    <section className="card blue-list" aria-labelledby="blue-heading" data-testid="blue-list">
      <h2 id="blue-heading">{t('blue.heading')}</h2>
      <p>{t('blue.intro')}</p>
      {items && items.length === 0 && <p>{t('blue.empty')}</p>}
      {items && items.length > 0 && (
        <ol className="blue-items">
          {items.map((item) => (
            <BlueItem
              key={item.id}
              processId={processId}
              token={token}
              item={item}
              onChanged={replace}
              onDeleted={load}
            />
          ))}
        </ol>
      )}
      <AddBlueItemForm
        processId={processId}
        token={token}
        ideas={ideas}
        timeline={timeline}
        onAdded={load}
      />
    </section>
  )
}
