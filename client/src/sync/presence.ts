import {
  computed,
  createPresenceStateDerivation,
  createUserId,
  type Editor,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  UserRecordType,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { trimPresence } from './trimPresence.ts'

/** How often our own presence goes out at most: smooth enough, without a frame per mouse move. */
const PUBLISH_INTERVAL_MS = 50

interface AwarenessState {
  presence?: TLInstancePresence
}

/**
 * Presence through y-websocket awareness, never through the document: our cursor, selection,
 * camera, name and colour go out; everyone else's become tldraw instance_presence records,
 * which draw their cursors and fill the people menu (where one can follow another).
 */
export function bindPresence(
  editor: Editor,
  awareness: Awareness,
  {
    visible,
    anonymousName = null,
    nameMark = null,
  }: {
    visible: boolean
    /**
     * What follows our name in presence (the people menu, our cursor): "processledare" on the
     * facilitator's link, so that everyone knows who leads. Only in what goes out: the name this
     * browser keeps, and writes on its notes, stays as typed.
     */
    nameMark?: Signal<string> | null
    /**
     * In an anonymous meeting, the one label every cursor carries instead of a name (our own
     * name stays in this browser's preferences and never goes out).
     */
    anonymousName?: Signal<string | null> | null
  },
): () => void {
  const store = editor.store
  const $user = computed('samla user', () =>
    UserRecordType.create({
      id: createUserId(editor.user.getId()),
      name: anonymousName?.get() ?? withMark(editor.user.getName(), nameMark?.get() ?? null),
      color: editor.user.getColor(),
    }),
  )
  const $presence = createPresenceStateDerivation($user)(store)

  let timer: ReturnType<typeof setTimeout> | null = null
  let lastSent = 0
  const publish = () => {
    timer = null
    lastSent = Date.now()
    const presence = $presence.get()
    awareness.setLocalStateField('presence', presence ? trimPresence(presence) : presence)
  }
  // A projector watches the room; it is not a person with a cursor in it.
  const stopPublishing = react('publish presence', () => {
    if (!visible) return
    $presence.get()
    if (timer) return
    const wait = Math.max(0, PUBLISH_INTERVAL_MS - (Date.now() - lastSent))
    timer = setTimeout(publish, wait)
  })

  const recordIdsByClient = new Map<number, TLInstancePresence['id']>()
  const onChange = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }) => {
    const put: TLInstancePresence[] = []
    const gone: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = presenceRecord(
        awareness.getStates().get(clientId) as AwarenessState,
        anonymousName?.get() ?? null,
      )
      const previous = recordIdsByClient.get(clientId)
      // Gone quiet (a projector, or a state from another version): drop its cursor.
      if (previous && previous !== record?.id) {
        gone.push(previous)
        recordIdsByClient.delete(clientId)
      }
      if (!record) continue
      recordIdsByClient.set(clientId, record.id)
      put.push(record)
    }
    for (const clientId of removed) {
      const id = recordIdsByClient.get(clientId)
      if (id) gone.push(id)
      recordIdsByClient.delete(clientId)
    }
    if (put.length === 0 && gone.length === 0) return
    store.mergeRemoteChanges(() => {
      if (gone.length > 0) store.remove(gone.filter((id) => store.has(id)))
      if (put.length > 0) store.put(put)
    })
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopPublishing()
    if (timer) clearTimeout(timer)
    awareness.off('change', onChange)
    awareness.setLocalState(null)
    store.mergeRemoteChanges(() =>
      store.remove([...recordIdsByClient.values()].filter((id) => store.has(id))),
    )
  }
}

/**
 * The instance_presence record in a peer's awareness state, or null if there is none or it
 * does not validate (a client of another tldraw version): one bad peer must not make the
 * store reject everyone else's cursors in the same batch.
 */
function presenceRecord(
  state: AwarenessState | undefined,
  /** Shown instead of the peer's own name in an anonymous meeting, whatever its page sent. */
  anonymousName: string | null,
): TLInstancePresence | null {
  if (!state?.presence) return null
  try {
    const record = InstancePresenceRecordType.validate(state.presence)
    return anonymousName === null ? record : { ...record, userName: anonymousName }
  } catch {
    return null
  }
}

/** "Anna" and "processledare" → "Anna (processledare)"; no name stays no name. */
function withMark(name: string, mark: string | null): string {
  return mark && name.trim() ? `${name.trim()} (${mark})` : name
}
