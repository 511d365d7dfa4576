import {
  type Bring,
  CONTROLS_MAP,
  ControlKey,
  type Controls,
  type ProjectorSetting,
  parseControls,
  type Timer,
  timerRemainingMs,
  visiblePhases,
  withPhaseShown,
} from '@samla/shared'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** The meeting's controls in a board's Y.Doc (see shared/src/controls.ts for the layout). */
export function controlsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROLS_MAP)
}

export function readControls(doc: Y.Doc, anonymousDefault = false): Controls {
  const map = controlsMap(doc)
  return parseControls((key) => map.get(key), anonymousDefault)
}

/**
 * The live controls, re-read when anyone changes them. Without a document (still loading)
 * the defaults show.
 */
export function useControls(doc: Y.Doc | null, anonymousDefault = false): Controls {
  const source = useMemo(() => {
    let cached: Controls = doc
      ? readControls(doc, anonymousDefault)
      : readDefaults(anonymousDefault)
    return {
      subscribe(onChange: () => void) {
        if (!doc) return () => {}
        const map = controlsMap(doc)
        const observer = () => {
          cached = readControls(doc, anonymousDefault)
          onChange()
        }
        map.observe(observer)
        // The document may have changed between the first read and this subscription.
        observer()
        return () => map.unobserve(observer)
      },
      get: () => cached,
    }
  }, [doc, anonymousDefault])
  return useSyncExternalStore(source.subscribe, source.get)
}

function readDefaults(anonymousDefault: boolean): Controls {
  return parseControls(() => undefined, anonymousDefault)
}

/** A random id for a voting round. */
function newRound(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}

export type ControlActions = ReturnType<typeof controlActions>

/**
 * What a facilitator can change. Anyone else's writes to the controls are refused by the
 * server (and the client must not offer them); `serverNow` keeps timers in the server's clock.
 */
export function controlActions(doc: Y.Doc, serverNow: () => number) {
  const map = controlsMap(doc)
  const current = () => readControls(doc)
  const set = (key: string, value: unknown) => doc.transact(() => map.set(key, value))
  const setTimer = (timer: Timer) => set(ControlKey.timer, timer)

  return {
    /**
     * Once the facilitator chose which phases participants see, a phase made current stays
     * shown after the meeting moves on (by default every phase up to the current one shows).
     */
    setCurrentPhase(pageId: string) {
      const shown = current().shownPhases
      doc.transact(() => {
        map.set(ControlKey.currentPhase, pageId)
        if (shown && !shown.includes(pageId)) map.set(ControlKey.shownPhases, [...shown, pageId])
      })
    },
    /** Shows participants one phase or hides it from them; `pageIdsInOrder` as phaseOrder gives. */
    setPhaseShown(pageIdsInOrder: readonly string[], pageId: string, shown: boolean) {
      set(ControlKey.shownPhases, withPhaseShown(current(), pageIdsInOrder, pageId, shown))
    },
    /** Back to the default: participants see every phase up to the current one. */
    showPhasesUpToCurrent: () => set(ControlKey.shownPhases, null),
    setLocked(pageId: string, locked: boolean) {
      const others = current().lockedPhases.filter((id) => id !== pageId)
      set(ControlKey.lockedPhases, locked ? [...others, pageId] : others)
    },
    setAnonymous: (anonymous: boolean) => set(ControlKey.anonymous, anonymous),
    setTimerChime: (on: boolean) => set(ControlKey.timerChime, on),
    setAnswersOpen: (open: boolean) => set(ControlKey.answersOpen, open),
    setProjector: (projector: ProjectorSetting) => set(ControlKey.projector, projector),
    /** Brings everyone to the facilitator's view, and shows them its phase if it was hidden. */
    bringEveryone(pageIdsInOrder: readonly string[], pageId: string, bounds: Bring['bounds']) {
      doc.transact(() => {
        if (!visiblePhases(current(), pageIdsInOrder).includes(pageId))
          map.set(ControlKey.shownPhases, withPhaseShown(current(), pageIdsInOrder, pageId, true))
        map.set(ControlKey.bring, { seq: Date.now(), pageId, bounds } satisfies Bring)
      })
    },
    setTemplatesVersion: (version: number) => set(ControlKey.templatesVersion, version),

    /** Sets the countdown's length and stops it there. */
    resetTimer(durationMs = current().timer.durationMs) {
      setTimer({ state: 'stopped', durationMs })
    },
    startTimer() {
      const timer = current().timer
      const left = timerRemainingMs(timer, serverNow())
      if (timer.state === 'running') return
      setTimer({ state: 'running', durationMs: timer.durationMs, endsAt: serverNow() + left })
    },
    pauseTimer() {
      const timer = current().timer
      if (timer.state !== 'running') return
      const remainingMs = Math.round(timerRemainingMs(timer, serverNow()))
      setTimer({ state: 'paused', durationMs: timer.durationMs, remainingMs })
    },
    addTime(ms: number) {
      const timer = current().timer
      if (timer.state === 'running') {
        // A timer that already reached zero starts again from now.
        const endsAt = Math.max(timer.endsAt, serverNow()) + ms
        setTimer({ ...timer, durationMs: timer.durationMs + ms, endsAt })
      } else if (timer.state === 'paused') {
        setTimer({
          ...timer,
          durationMs: timer.durationMs + ms,
          remainingMs: timer.remainingMs + ms,
        })
      } else {
        setTimer({ state: 'stopped', durationMs: timer.durationMs + ms })
      }
    },

    startVoting(pageId: string, votesPerPerson: number) {
      set(ControlKey.voting, { round: newRound(), pageId, votesPerPerson, state: 'open' })
    },
    closeVoting() {
      const voting = current().voting
      if (voting?.state === 'open') set(ControlKey.voting, { ...voting, state: 'closed' })
    },
    /** Shows everyone the tally the facilitator fetched from the server. */
    revealVoting(results: Record<string, number>) {
      const voting = current().voting
      if (voting) set(ControlKey.voting, { ...voting, state: 'revealed', results })
    },
    endVoting: () => set(ControlKey.voting, null),
  }
}
