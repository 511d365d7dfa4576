import type { TLInstancePresence } from 'tldraw'

/** Selected shapes others see highlighted: beyond this many, the highlight tells nothing more. */
const MAX_SELECTED = 64
/** The newest points of each scribble (laser, eraser) and the newest scribbles. */
const MAX_SCRIBBLES = 2
const MAX_SCRIBBLE_POINTS = 48

/**
 * Our presence as it goes out, kept well under the relay's cap on a presence state
 * (SAMLA_MAX_PRESENCE_BYTES, 8 KiB by default): the relay drops a larger state whole, and
 * the others would stop seeing our cursor while we select half the board or draw with the
 * laser. What is cut is what others need least: the tail of a long selection and the oldest
 * points of a scribble.
 */
export function trimPresence(presence: TLInstancePresence): TLInstancePresence {
  const selected = presence.selectedShapeIds
  const scribbles = presence.scribbles
  const longScribble = scribbles.some((s) => s.points.length > MAX_SCRIBBLE_POINTS)
  if (selected.length <= MAX_SELECTED && scribbles.length <= MAX_SCRIBBLES && !longScribble)
    return presence
  return {
    ...presence,
    selectedShapeIds: selected.slice(0, MAX_SELECTED),
    scribbles: scribbles
      .slice(-MAX_SCRIBBLES)
      .map((s) => ({ ...s, points: s.points.slice(-MAX_SCRIBBLE_POINTS) })),
  }
}
