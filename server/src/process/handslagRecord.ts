import type { Handslag, RecordHandslag } from '@samla/shared'

/**
 * The process's Handslag as the record carries them: with the names, roles and organisations
 * of who confirmed, and when. A published record holds the signed ones only (what the
 * organisations have all agreed to); the record read with the process link holds every one,
 * an unsigned one with `signedAt: null`, which the page and the exports mark "ej undertecknat".
 */
export function recordHandslag(
  all: readonly Handslag[],
  meetingTitle: (meetingId: string) => string | undefined,
  withUnsigned: boolean,
): RecordHandslag[] {
  return all
    .filter((h) => withUnsigned || h.signedAt)
    .map((h) => ({
      title: h.title,
      meetingTitle: (h.meetingId && meetingTitle(h.meetingId)) || null,
      signedAt: h.signedAt,
      initiatives: h.initiatives.map((i) => ({ ideaNumber: i.ideaNumber, text: i.text })),
      organisations: h.organisations.map((o) => ({
        name: o.name,
        commitments: o.commitments.map((c) => ({ text: c.text, due: c.due })),
        confirmation: o.confirmation,
      })),
    }))
}
