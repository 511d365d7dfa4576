/**
 * A tldraw 5.4 note record, complete enough for tldraw's validators: Samla's relay refuses
 * records tldraw would refuse, so the load it is measured under is made of real records.
 * `meta` carries whatever the benchmark needs to read back.
 */
export function noteRecord(id: string, text: string, meta: Record<string, unknown> = {}) {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:bench',
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }],
      },
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
    meta,
  }
}
