import { crc32, inflateSync } from 'node:zlib'

/**
 * A PNG from a client is stored and handed to every browser that opens the documentation, so
 * it is read the way a decoder would before it is accepted: every chunk whole and with a
 * correct CRC, a header a decoder accepts, and image data that inflates to exactly what the
 * header promises. The pixel limit is what protects those browsers: a PNG is small on the
 * wire but is decoded to width × height × 4 bytes, and a few hundred kilobytes of deflate
 * can claim a gigabyte.
 */

/**
 * The default limit on width × height: 16 megapixels (4096 × 4096, 64 MiB as RGBA in a
 * browser). The client scales a phase so that its longer side is at most 2400 px and pads it
 * by 32 px on each side at pixel ratio 1, so its largest picture is 2464 × 2464 ≈ 6.1
 * megapixels and a 1920 × 1080 phase is 1984 × 1144 ≈ 2.3; the limit leaves room for a
 * sharper export later. The server inflates the image data to check it, which costs up to
 * 8 bytes a pixel (16-bit RGBA), so a larger limit also costs the server memory.
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 16 * 1024 * 1024

/** No browser draws a canvas wider or taller than this; tldraw clamps its exports below it. */
const MAX_SIDE = 16_384

export type PngCheck = { ok: true } | { ok: false; code: string; message: string }

const refuse = (message: string): PngCheck => ({ ok: false, code: 'invalid_image', message })

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Bit depths allowed for each colour type, and the channels a pixel of that type has. */
const COLOUR_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 }, // greyscale
  2: { depths: [8, 16], channels: 3 }, // RGB
  3: { depths: [1, 2, 4, 8], channels: 1 }, // palette index
  4: { depths: [8, 16], channels: 2 }, // greyscale + alpha
  6: { depths: [8, 16], channels: 4 }, // RGBA
}

/** Adam7: where each of the seven passes starts and how far apart its pixels are. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/**
 * Animation chunks: a browser decodes every frame, and the frames' data (fdAT) is outside
 * what is inflated here. tldraw's export is never animated.
 */
const ANIMATION_CHUNKS = new Set(['acTL', 'fcTL', 'fdAT'])

interface Header {
  width: number
  height: number
  bitDepth: number
  colourType: number
  interlaced: boolean
}

/** The scanlines of the image, each as [row count, bytes per row without the filter byte]. */
function scanlines({ width, height, bitDepth, colourType, interlaced }: Header) {
  const bitsPerPixel = bitDepth * (COLOUR_TYPES[colourType]?.channels ?? 0)
  const rowBytes = (w: number) => Math.ceil((w * bitsPerPixel) / 8)
  if (!interlaced) return [[height, rowBytes(width)] as const]
  // A pass that has no pixels (a tiny image) has no rows at all, not even filter bytes.
  return ADAM7.map(([x0, y0, dx, dy]) => {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0
    return [w && h, rowBytes(w)] as const
  })
}

function readHeader(body: Uint8Array): Header | string {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength)
  const header: Header = {
    width: view.getUint32(0),
    height: view.getUint32(4),
    bitDepth: body[8] ?? 0,
    colourType: body[9] ?? 0,
    interlaced: body[12] === 1,
  }
  if (header.width === 0 || header.height === 0) return 'The PNG has no pixels'
  if (header.width > MAX_SIDE || header.height > MAX_SIDE)
    return `PNGs are limited to ${MAX_SIDE} pixels a side`
  if (!COLOUR_TYPES[header.colourType]?.depths.includes(header.bitDepth))
    return 'The PNG header has an invalid colour type or bit depth'
  if (body[10] !== 0 || body[11] !== 0 || (body[12] !== 0 && body[12] !== 1))
    return 'The PNG header has an unknown compression, filter or interlace method'
  return header
}

/** Checks a PNG as described above; `maxPixels` limits width × height. */
export function checkPng(data: Uint8Array, maxPixels = DEFAULT_MAX_IMAGE_PIXELS): PngCheck {
  if (data.byteLength < SIGNATURE.length || SIGNATURE.some((b, i) => data[i] !== b))
    return refuse('Not a PNG: the signature is missing')
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let header: Header | null = null
  let sawPalette = false
  const idat: Uint8Array[] = []
  /** Set once a chunk follows IDAT: all image data must be in consecutive chunks. */
  let idatEnded = false

  let at = SIGNATURE.length
  for (;;) {
    if (at + 12 > data.byteLength) return refuse('The PNG is truncated: IEND is missing')
    const length = view.getUint32(at)
    const typeBytes = data.subarray(at + 4, at + 8)
    const type = String.fromCharCode(...typeBytes)
    const end = at + 12 + length
    if (length > 0x7fff_ffff || end > data.byteLength)
      return refuse(`The PNG is truncated in a ${JSON.stringify(type)} chunk`)
    if (!/^[A-Za-z]{4}$/.test(type)) return refuse('The PNG has a malformed chunk type')
    // The CRC covers the type and the body.
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      return refuse(`The PNG's ${type} chunk has a wrong CRC`)
    const body = data.subarray(at + 8, at + 8 + length)
    at = end

    if (header === null) {
      if (type !== 'IHDR' || length !== 13) return refuse('The PNG does not start with IHDR')
      const read = readHeader(body)
      if (typeof read === 'string') return refuse(read)
      if (read.width * read.height > maxPixels)
        return {
          ok: false,
          code: 'image_too_many_pixels',
          message: `Pictures are limited to ${maxPixels} pixels (width × height); this one has ${read.width} × ${read.height}`,
        }
      header = read
      continue
    }
    if (type === 'IEND') {
      if (length !== 0) return refuse('The PNG has a malformed IEND chunk')
      if (at !== data.byteLength) return refuse('The PNG has data after IEND')
      break
    }
    if (type === 'IDAT') {
      if (idatEnded) return refuse('The PNG has image data in separate runs of IDAT chunks')
      idat.push(body)
      continue
    }
    if (idat.length > 0) idatEnded = true
    if (type === 'PLTE') {
      if (sawPalette || idat.length > 0) return refuse('The PNG has a misplaced palette')
      if (header.colourType === 0 || header.colourType === 4)
        return refuse('A greyscale PNG may not have a palette')
      const entries = length / 3
      const most = header.colourType === 3 ? 2 ** header.bitDepth : 256
      if (!Number.isInteger(entries) || entries < 1 || entries > most)
        return refuse('The PNG has a malformed palette')
      sawPalette = true
      continue
    }
    if (type === 'IHDR') return refuse('The PNG has a second IHDR chunk')
    if (ANIMATION_CHUNKS.has(type)) return refuse('Animated PNGs are not accepted')
    // Bit 5 of the first byte clear: a critical chunk, which a decoder must understand.
    if (((typeBytes[0] ?? 0) & 0x20) === 0) return refuse(`The PNG has an unknown ${type} chunk`)
  }

  if (!header || idat.length === 0) return refuse('The PNG has no image data')
  if (header.colourType === 3 && !sawPalette) return refuse('The PNG has no palette')
  return checkImageData(header, Buffer.concat(idat))
}

/**
 * Inflates the image data, never to more than the header implies, and requires exactly that
 * much: a decompression bomb stops at the bound instead of filling memory, and truncated data
 * is refused rather than shown half drawn. Each scanline must start with a known filter type.
 */
function checkImageData(header: Header, compressed: Uint8Array): PngCheck {
  const passes = scanlines(header)
  const expected = passes.reduce((sum, [rows, bytes]) => sum + rows * (1 + bytes), 0)
  let raw: Buffer
  try {
    raw = inflateSync(compressed, { maxOutputLength: expected })
  } catch (err) {
    const code = (err as { code?: string }).code
    return refuse(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? 'The PNG has more image data than its size allows'
        : 'The PNG image data is not valid deflate data',
    )
  }
  if (raw.byteLength !== expected) return refuse('The PNG image data is truncated')
  let at = 0
  for (const [rows, bytes] of passes) {
    for (let row = 0; row < rows; row++, at += 1 + bytes)
      if ((raw[at] ?? 0) > 4) return refuse('The PNG image data has an unknown filter type')
  }
  return { ok: true }
}
