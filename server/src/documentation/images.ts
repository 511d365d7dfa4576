import { SaxesParser, type SaxesTagNS } from 'saxes'
import { checkPng, DEFAULT_MAX_IMAGE_PIXELS } from './png.ts'
import { filterPresentationValue, filterStyleAttribute, filterStyleSheet } from './svgStyle.ts'

export { DEFAULT_MAX_IMAGE_PIXELS } from './png.ts'

/**
 * Pictures of a phase, rendered by the facilitator's browser (tldraw's export) and uploaded.
 * They come from a client, so they are checked like any input: PNG by decoding its structure
 * and image data (png.ts), SVG by rebuilding it from an allowlist of elements and attributes,
 * so that no script, event handler, external reference or nested document survives, and
 * keeping only CSS that loads nothing (svgStyle.ts).
 */
export type ImageMime = 'image/png' | 'image/svg+xml'
export type ImageCheck =
  | { ok: true; mime: ImageMime; data: Uint8Array }
  | { ok: false; code: string; message: string }

const fail = (code: string, message: string): ImageCheck => ({ ok: false, code, message })

/** Limits beyond the byte size, which the caller (the server's config) may set. */
export interface ImageLimits {
  /** Most pixels (width × height) a PNG may have; DEFAULT_MAX_IMAGE_PIXELS if not given. */
  maxPixels?: number
}

export function checkImage(
  mime: string,
  data: Uint8Array,
  maxBytes: number,
  limits: ImageLimits = {},
): ImageCheck {
  if (data.byteLength === 0) return fail('invalid_image', 'The image is empty')
  if (data.byteLength > maxBytes)
    return fail('image_too_large', `Images are limited to ${maxBytes} bytes`)
  if (mime === 'image/png') {
    const checked = checkPng(data, limits.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS)
    return checked.ok ? { ok: true, mime, data } : checked
  }
  if (mime === 'image/svg+xml') return sanitizeSvg(new TextDecoder().decode(data))
  return fail('unsupported_media_type', 'Only image/png and image/svg+xml are accepted')
}

const SVG_NS = 'http://www.w3.org/2000/svg'
const XHTML_NS = 'http://www.w3.org/1999/xhtml'
const XLINK_NS = 'http://www.w3.org/1999/xlink'

const SVG_ELEMENTS = new Set(
  (
    'svg g defs path rect circle ellipse line polyline polygon text tspan textPath clipPath ' +
    'mask pattern linearGradient radialGradient stop use image symbol marker title desc style ' +
    'filter feGaussianBlur feOffset feBlend feColorMatrix feFlood feComposite feMerge ' +
    'feMergeNode feMorphology feDropShadow foreignObject'
  ).split(' '),
)
/** Text in tldraw's export is HTML inside foreignObject: only inert formatting elements. */
const XHTML_ELEMENTS = new Set('div span p br b strong i em u s code pre ul ol li img'.split(' '))

const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i

/** The attribute's value as it is written out, or null if the attribute is dropped. */
function safeAttribute(element: string, name: string, uri: string, value: string): string | null {
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name
  if (/^on/i.test(local)) return null
  if (uri === XLINK_NS || local === 'href' || local === 'src') {
    if (local !== 'href' && local !== 'src') return null
    const safe =
      value.startsWith('#') ||
      (element === 'image' || element === 'img' ? SAFE_DATA_IMAGE.test(value) : false)
    return safe ? value : null
  }
  if (
    uri !== '' &&
    uri !== 'http://www.w3.org/2000/xmlns/' &&
    uri !== 'http://www.w3.org/XML/1998/namespace'
  )
    return null
  if (name.startsWith('xmlns') || name === 'xml:base') return null
  if (!/^[A-Za-z_][-A-Za-z0-9_.:]*$/.test(name)) return null
  if (local === 'style') return filterStyleAttribute(value) || null
  // Presentation attributes are CSS values: fill="url(https://…)" would fetch.
  return filterPresentationValue(value)
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;')

/** The SVG rebuilt from what is safe in it, or why it was refused. */
export function sanitizeSvg(source: string): ImageCheck {
  const parser = new SaxesParser({ xmlns: true })
  const out: string[] = []
  /** For each open element: whether it is written out (false: dropped with its subtree). */
  const stack: Array<{ kept: boolean; name: string; uri: string }> = []
  /**
   * The text of the open <style> element, filtered when it closes: a browser joins all of it
   * (text, CDATA, across XML comments), so u<!---->rl( must be checked as one.
   */
  let styleText: string | null = null
  let dropping = 0
  let sawRoot = false
  let error: string | null = null

  parser.on('doctype', () => {
    error = 'DOCTYPE is not allowed in SVG uploads'
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
    const isSvg = tag.uri === SVG_NS && SVG_ELEMENTS.has(tag.local)
    const isXhtml = tag.uri === XHTML_NS && XHTML_ELEMENTS.has(tag.local)
    if (stack.length === 0) {
      if (tag.uri !== SVG_NS || tag.local !== 'svg') error = 'The root element must be <svg>'
      sawRoot = true
    }
    // A <style> holds only text; an element in it would be dropped by the browser too.
    const keep = dropping === 0 && styleText === null && (isSvg || isXhtml)
    if (!keep) {
      dropping++
      stack.push({ kept: false, name: tag.local, uri: tag.uri })
      return
    }
    const attributes = Object.values(tag.attributes).flatMap((a) => {
      const value = safeAttribute(tag.local, a.name, a.uri, a.value)
      if (value === null) return []
      const name = a.uri === XLINK_NS ? 'href' : a.name
      return [` ${name}="${escapeAttr(value)}"`]
    })
    const namespace =
      stack.length === 0
        ? ` xmlns="${SVG_NS}"`
        : isXhtml && tag.local === 'div'
          ? ` xmlns="${XHTML_NS}"`
          : ''
    out.push(`<${tag.local}${namespace}${attributes.join('')}>`)
    stack.push({ kept: true, name: tag.local, uri: tag.uri })
    if (tag.local === 'style') styleText = ''
  })
  const onText = (text: string) => {
    if (dropping > 0) return
    if (styleText !== null) styleText += text
    else out.push(escapeText(text))
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', () => {
    const closed = stack.pop()
    if (!closed) return
    if (!closed.kept) {
      dropping--
      return
    }
    if (styleText !== null && closed.name === 'style') {
      out.push(escapeText(filterStyleSheet(styleText)))
      styleText = null
    }
    out.push(`</${closed.name}>`)
  })
  parser.on('processinginstruction', () => {})
  try {
    parser.write(source).close()
  } catch (err) {
    return fail('invalid_image', `Not valid SVG: ${(err as Error).message.split('\n')[0]}`)
  }
  if (error) return fail('invalid_image', error)
  if (!sawRoot) return fail('invalid_image', 'Not valid SVG: no <svg> element')
  return { ok: true, mime: 'image/svg+xml', data: new TextEncoder().encode(out.join('')) }
}
