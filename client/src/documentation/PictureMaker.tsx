import type { Snapshot } from '@samla/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useRef, useState } from 'react'
import { type Editor, type TLStore, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { getSnapshotState } from './api.ts'
import { uploadPhasePictures } from './phasePictures.ts'
import { storeFromState } from './snapshotStore.ts'

const assetUrls = getAssetUrlsByImport()

/**
 * Draws a snapshot's phases off screen and uploads their pictures, for snapshots taken
 * without the facilitator's board open (from this page, or by the server at a phase change).
 * Renders nothing visible; calls `onDone` when finished or failed.
 */
export function PictureMaker({
  meetingId,
  token,
  snapshot,
  licenseKey,
  onDone,
}: {
  meetingId: string
  token: string
  snapshot: Snapshot
  licenseKey: string | null
  onDone: (uploaded: number) => void
}) {
  const [store, setStore] = useState<TLStore | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)

  useEffect(() => {
    let cancelled = false
    getSnapshotState(meetingId, token, snapshot.id).then(
      (state) => !cancelled && setStore(storeFromState(state)),
      () => onDone(0),
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, token, snapshot.id, onDone])

  // Once per snapshot, even if tldraw mounts the editor again.
  const started = useRef(false)
  useEffect(() => {
    if (!editor || started.current) return
    started.current = true
    uploadPhasePictures(editor, meetingId, token, snapshot).then(onDone, () => onDone(0))
  }, [editor, meetingId, token, snapshot, onDone])

  if (!store) return null
  return (
    <div className="picture-maker" aria-hidden="true">
      <Tldraw
        store={store}
        licenseKey={licenseKey ?? undefined}
        assetUrls={assetUrls}
        hideUi
        onMount={(mounted) => {
          mounted.updateInstanceState({ isReadonly: true })
          setEditor(mounted)
        }}
      />
    </div>
  )
}
