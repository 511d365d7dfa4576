import type { Snapshot } from '@samla/shared'
import type { Editor, TLPageId } from 'tldraw'
import { bearer } from '../api.ts'

/** Pictures wider or taller than this are scaled down: readable on A4, small to store. */
const MAX_SIDE_PX = 2400

/**
 * Renders every phase of a snapshot that has no picture yet with tldraw's own export, from
 * an editor whose store holds that snapshot's content, and uploads each as a PNG. The server
 * checks and stores a phase's picture once; a 409 means another tab was quicker.
 */
export async function uploadPhasePictures(
  editor: Editor,
  meetingId: string,
  token: string,
  snapshot: Pick<Snapshot, 'id' | 'images' | 'content'>,
): Promise<number> {
  let uploaded = 0
  for (const phase of snapshot.content.phases) {
    if (snapshot.images.includes(phase.pageId)) continue
    const pageId = phase.pageId as TLPageId
    if (!editor.getPage(pageId)) continue
    const ids = [...editor.getPageShapeIds(pageId)]
    const bounds = ids.length > 0 ? editor.getShapesPageBounds(ids) : null
    if (!bounds) continue
    const scale = Math.min(1, MAX_SIDE_PX / Math.max(bounds.w, bounds.h))
    const { blob } = await editor.toImage(ids, {
      format: 'png',
      background: true,
      padding: 32,
      scale,
      pixelRatio: 1,
    })
    const res = await fetch(
      `/api/meetings/${encodeURIComponent(meetingId)}/snapshots/${encodeURIComponent(snapshot.id)}/images/${encodeURIComponent(pageId)}`,
      { method: 'PUT', headers: { ...bearer(token), 'content-type': 'image/png' }, body: blob },
    )
    // Read to the end, or the browser counts the request as aborted.
    await res.text()
    if (res.ok) uploaded++
    else if (res.status !== 409) throw new Error(`picture upload: ${res.status}`)
  }
  return uploaded
}
