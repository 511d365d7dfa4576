import { noteRecord } from '../noteRecord.ts'
/** What the honest clients' process (honestWorker.ts) and the bench say to each other over IPC. */

export interface HonestConfig {
  mode: 'probes' | 'joiner'
  /** ws://127.0.0.1:<port>/ws: the provider appends /<board>. */
  wsBase: string
  board: string
  /** A meeting's capability token (?token=), or null on a plain board. */
  token: string | null
  probes: number
  writeEveryMs: number
  /** The root map the probes write to ('records': a participant may write nothing else). */
  map: string
}

/** Close codes seen, e.g. { "4429": 10 }. */
export type CloseCodes = Record<string, number>

export type WorkerMessage =
  | { type: 'ready'; synced: number; ms: number }
  /** Streamed while measuring, so that what was measured survives a crash of the probes. */
  | { type: 'samples'; latencies: number[]; sent: number; received: number }
  | {
      type: 'drained'
      /** Every probe holds every other probe's last write. */
      converged: boolean
      /** Probes still missing some other probe's last write. */
      lagging: number
      /** Probes not connected at the end (y-websocket gives up after a 44xx close). */
      disconnected: number
      closeCodes: CloseCodes
      /** Each probe's last sequence number (-1: it never wrote), for the joiner to look for. */
      lastSeqs: number[]
    }
  | { type: 'standby' }
  | {
      type: 'joined'
      /** Synced within the time allowed. */
      synced: boolean
      /** When it synced, if it did while watching (possibly too late). */
      syncMs: number | null
      closeCodes: CloseCodes
      firstCloseMs: number | null
      /** Size of the first awareness frame the joiner received (the room's presence snapshot). */
      firstPresenceBytes: number | null
      bytesReceived: number
      /** Probes whose last write the synced joiner holds: fewer means a stale board. */
      probeWritesFound: number
    }
  | { type: 'left' }

export type ParentMessage =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'join'; timeoutMs: number; watchMs: number; lastSeqs: number[] }
  | { type: 'leave' }

/** A probe's record: a tldraw note (the relay takes nothing else into `records`). */
export const PROBE_KEY_PREFIX = 'shape:benchprobe'

/** What a probe writes: its index, a sequence number and when it sent it, in a note's meta. */
export function probeRecord(key: string, writer: number, seq: number, at: number) {
  return noteRecord(key, '', { probe: [writer, seq, at] })
}

export function readProbeRecord(value: unknown): [number, number, number] | null {
  const probe = (value as { meta?: { probe?: unknown } } | undefined)?.meta?.probe
  return Array.isArray(probe) ? (probe as [number, number, number]) : null
}
