import { crc32, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkImage, DEFAULT_MAX_IMAGE_PIXELS, sanitizeSvg } from './images.ts'

const MAX = 100_000

/** A PNG chunk: length, type, body and the CRC-32 of type and body. */
function chunk(type: string, body: Uint8Array | number[] = []): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(body)])
  const framed = Buffer.alloc(typeAndBody.length + 8)
  framed.writeUInt32BE(typeAndBody.length - 4, 0)
  typeAndBody.copy(framed, 4)
  framed.writeUInt32BE(crc32(typeAndBody), framed.length - 4)
  return framed
}

interface Header {
  bitDepth?: number
  colourType?: number
  compression?: number
  filter?: number
  interlace?: number
}

function ihdr(width: number, height: number, header: Header = {}): Buffer {
  const body = Buffer.alloc(13)
  body.writeUInt32BE(width, 0)
  body.writeUInt32BE(height, 4)
  body.set([header.bitDepth ?? 8, header.colourType ?? 6, header.compression ?? 0], 8)
  body.set([header.filter ?? 0, header.interlace ?? 0], 11)
  return chunk('IHDR', body)
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const file = (...chunks: Buffer[]) =>
  new Uint8Array(Buffer.concat([Buffer.from(SIGNATURE), ...chunks]))

/** Channels a pixel of each colour type has (greyscale, RGB, palette index, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Scanlines of a non-interlaced image: a filter byte (0, none) and zeroed pixels each. */
function scanlines(width: number, height: number, header: Header = {}): Buffer {
  const bits = (header.bitDepth ?? 8) * (CHANNELS[header.colourType ?? 6] ?? 4)
  return Buffer.alloc(height * (1 + Math.ceil((width * bits) / 8)))
}

/** An honest PNG: signature, IHDR, the image data deflated into one IDAT, IEND. */
function png(width = 1, height = 1, header: Header = {}): Uint8Array {
  return file(
    ihdr(width, height, header),
    chunk('IDAT', deflateSync(scanlines(width, height, header))),
    chunk('IEND'),
  )
}

const refused = (code = 'invalid_image') => ({ ok: false, code })
const accepted = { ok: true, mime: 'image/png' }

const svgText = (result: ReturnType<typeof sanitizeSvg>) => {
  if (!result.ok) throw new Error(result.message)
  return new TextDecoder().decode(result.data)
}

describe('uploaded pictures', () => {
  it('accepts a whole PNG and refuses truncated, oversized, huge-dimension or other files with a reason', () => {
    expect(checkImage('image/png', png(), MAX)).toMatchObject({ ok: true, mime: 'image/png' })
    expect(checkImage('image/png', png().subarray(0, 40), MAX)).toMatchObject({
      ok: false,
      code: 'invalid_image',
    })
    expect(checkImage('image/png', png(20_000, 10), MAX)).toMatchObject({
      ok: false,
      code: 'invalid_image',
    })
    expect(checkImage('image/png', new TextEncoder().encode('<svg/>'), MAX)).toMatchObject({
      ok: false,
    })
    expect(checkImage('image/png', png(), 10)).toMatchObject({ ok: false, code: 'image_too_large' })
    expect(checkImage('image/gif', png(), MAX)).toMatchObject({
      ok: false,
      code: 'unsupported_media_type',
    })
    expect(checkImage('image/png', new Uint8Array(), MAX)).toMatchObject({ ok: false })
  })

  it('refuses a PNG with more pixels than the limit (the 16384 × 16384 attack) and accepts the largest picture the client makes', () => {
    // 16384 × 16384 is 1 GiB as RGBA in every browser that opens the documentation. Refused on
    // its header, before anything is inflated, so the image data can be anything.
    const claiming = (width: number, height: number) =>
      file(ihdr(width, height), chunk('IDAT', deflateSync(Buffer.alloc(1))), chunk('IEND'))
    expect(checkImage('image/png', claiming(16_384, 16_384), MAX)).toMatchObject(
      refused('image_too_many_pixels'),
    )
    expect(checkImage('image/png', claiming(8192, 4096), MAX)).toMatchObject(
      refused('image_too_many_pixels'),
    )
    // phasePictures.ts: the longer side scaled to 2400 px, 32 px padding a side, pixel ratio 1.
    expect(checkImage('image/png', png(2464, 2464), MAX)).toMatchObject(accepted)
    expect(checkImage('image/png', png(1984, 1144), MAX)).toMatchObject(accepted)
    expect(DEFAULT_MAX_IMAGE_PIXELS).toBeGreaterThanOrEqual(2 * 2464 * 2464)
    // The limit is an option, for the server's config.
    expect(checkImage('image/png', png(100, 100), MAX, { maxPixels: 9_999 })).toMatchObject(
      refused('image_too_many_pixels'),
    )
    expect(checkImage('image/png', png(100, 100), MAX, { maxPixels: 10_000 })).toMatchObject(
      accepted,
    )
  })

  it('refuses a PNG with a wrong CRC in any chunk, and accepts the same file with right ones', () => {
    // As tldraw's export writes it: the browser's PNG with a pHYs chunk inserted, plus text.
    const chunks = [
      ihdr(3, 2),
      chunk('pHYs', [0, 0, 11, 19, 0, 0, 11, 19, 1]),
      chunk('tEXt', Buffer.from('Software\0Samla', 'latin1')),
      chunk('IDAT', deflateSync(scanlines(3, 2))),
      chunk('IEND'),
    ]
    expect(checkImage('image/png', file(...chunks), MAX)).toMatchObject(accepted)
    for (let i = 0; i < chunks.length; i++) {
      const broken = chunks.map((c) => Buffer.from(c))
      const target = broken[i] as Buffer
      target[target.length - 1] = (target[target.length - 1] ?? 0) ^ 1
      expect(checkImage('image/png', file(...broken), MAX), `CRC of chunk ${i}`).toMatchObject(
        refused(),
      )
    }
    // A changed body under the old CRC.
    const changed = chunks.map((c) => Buffer.from(c))
    changed[1]?.writeUInt8(99, 9)
    expect(checkImage('image/png', file(...changed), MAX)).toMatchObject(refused())
    // A PNG as a real encoder wrote it (1 × 1 RGBA).
    const real = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    expect(checkImage('image/png', new Uint8Array(real), MAX)).toMatchObject(accepted)
  })

  it('refuses a PNG header that a decoder would refuse, and accepts every legal colour type', () => {
    const idat = chunk('IDAT', deflateSync(scanlines(1, 1)))
    const withHeader = (header: Buffer) => file(header, idat, chunk('IEND'))
    for (const header of [
      ihdr(0, 1),
      ihdr(1, 0),
      ihdr(1, 1, { bitDepth: 3 }),
      ihdr(1, 1, { colourType: 2, bitDepth: 4 }), // RGB is 8 or 16 bits
      ihdr(1, 1, { colourType: 3, bitDepth: 16 }), // palette indexes are at most 8 bits
      ihdr(1, 1, { colourType: 4, bitDepth: 1 }),
      ihdr(1, 1, { colourType: 5 }),
      ihdr(1, 1, { colourType: 7 }),
      ihdr(1, 1, { compression: 1 }),
      ihdr(1, 1, { filter: 1 }),
      ihdr(1, 1, { interlace: 2 }),
      chunk('IHDR', [...ihdr(1, 1).subarray(8, 21), 0]), // 14 bytes long
    ])
      expect(checkImage('image/png', withHeader(header), MAX)).toMatchObject(refused())
    // IHDR must come first.
    const late = file(chunk('tEXt', Buffer.from('a\0b')), ihdr(1, 1), idat, chunk('IEND'))
    expect(checkImage('image/png', late, MAX)).toMatchObject(refused())

    const palette = chunk('PLTE', [0, 0, 0, 255, 255, 255])
    for (const [colourType, bitDepth] of [
      [0, 1],
      [0, 2],
      [0, 4],
      [0, 16],
      [2, 8],
      [2, 16],
      [3, 1],
      [3, 8],
      [4, 8],
      [4, 16],
      [6, 16],
    ] as const) {
      const header = { colourType, bitDepth }
      const image = file(
        ihdr(5, 3, header),
        ...(colourType === 3 ? [palette] : []),
        chunk('IDAT', deflateSync(scanlines(5, 3, header))),
        chunk('IEND'),
      )
      expect(
        checkImage('image/png', image, MAX),
        `colour ${colourType}, ${bitDepth} bits`,
      ).toMatchObject(accepted)
    }
  })

  it('refuses image data that is not exactly what the header implies: decompression bombs, truncated or broken data', () => {
    const image = (width: number, height: number, data: Buffer, header: Header = {}) =>
      checkImage(
        'image/png',
        file(ihdr(width, height, header), chunk('IDAT', deflateSync(data)), chunk('IEND')),
        MAX,
      )
    // 64 MiB behind a 1 × 1 header: refused once the 5 bytes the header allows are inflated.
    const bomb = Buffer.alloc(64 * 1024 * 1024)
    expect(image(1, 1, bomb)).toMatchObject(refused())
    // One scanline too few, one byte too few, one byte too many.
    expect(image(100, 100, scanlines(100, 99))).toMatchObject(refused())
    expect(image(100, 100, scanlines(100, 100).subarray(1))).toMatchObject(refused())
    expect(image(100, 100, Buffer.concat([scanlines(100, 100), Buffer.alloc(1)]))).toMatchObject(
      refused(),
    )
    // A scanline with filter type 5 (there are 0–4).
    const badFilter = scanlines(2, 2)
    badFilter[9] = 5
    expect(image(2, 2, badFilter)).toMatchObject(refused())
    // Data that is not deflate at all, and deflate cut short.
    const notDeflate = file(ihdr(1, 1), chunk('IDAT', [1, 2, 3, 4, 5]), chunk('IEND'))
    expect(checkImage('image/png', notDeflate, MAX)).toMatchObject(refused())
    const cut = deflateSync(scanlines(50, 50).fill(7)).subarray(0, 20)
    const truncated = file(ihdr(50, 50), chunk('IDAT', cut), chunk('IEND'))
    expect(checkImage('image/png', truncated, MAX)).toMatchObject(refused())

    // Honest: the data split over several IDAT chunks, as encoders do.
    const data = deflateSync(scanlines(40, 40).fill(1))
    const split = file(
      ihdr(40, 40),
      chunk('IDAT', data.subarray(0, 10)),
      chunk('IDAT', data.subarray(10, 20)),
      chunk('IDAT', data.subarray(20)),
      chunk('IEND'),
    )
    expect(checkImage('image/png', split, MAX)).toMatchObject(accepted)
    // Adam7, 3 × 3 RGBA: passes 1, 4, 5, 6 and 7 have 1×1, 1×1, 2×1, 1×2 and 3×1 pixels,
    // so 5 + 5 + 9 + 2·5 + 13 = 42 bytes, where the same image not interlaced has 3 · 13 = 39.
    expect(image(3, 3, Buffer.alloc(42), { interlace: 1 })).toMatchObject(accepted)
    expect(image(3, 3, Buffer.alloc(39), { interlace: 1 })).toMatchObject(refused())
    expect(image(3, 3, Buffer.alloc(39))).toMatchObject(accepted)
  })

  it('refuses what is not one still image: no image data, IDAT in pieces, unknown critical chunks, animation, misplaced palettes, data after IEND', () => {
    const idat = chunk('IDAT', deflateSync(scanlines(1, 1)))
    const text = chunk('tEXt', Buffer.from('a\0b'))
    const palette = chunk('PLTE', [0, 0, 0])
    const cases: Record<string, Buffer[]> = {
      'no IDAT': [ihdr(1, 1), chunk('IEND')],
      'IDAT, text, IDAT': [
        ihdr(2, 2),
        chunk('IDAT', deflateSync(scanlines(2, 2)).subarray(0, 5)),
        text,
        chunk('IDAT', deflateSync(scanlines(2, 2)).subarray(5)),
        chunk('IEND'),
      ],
      'unknown critical chunk': [ihdr(1, 1), chunk('ABCD', [1]), idat, chunk('IEND')],
      'second IHDR': [ihdr(1, 1), ihdr(1, 1), idat, chunk('IEND')],
      'animation control': [
        ihdr(1, 1),
        chunk('acTL', [0, 0, 0, 1, 0, 0, 0, 0]),
        idat,
        chunk('IEND'),
      ],
      'palette image without a palette': [
        ihdr(1, 1, { colourType: 3 }),
        chunk('IDAT', deflateSync(Buffer.alloc(2))),
        chunk('IEND'),
      ],
      'palette in a greyscale image': [ihdr(1, 1, { colourType: 0 }), palette, idat, chunk('IEND')],
      'palette after the image data': [ihdr(1, 1, { colourType: 2 }), idat, palette, chunk('IEND')],
      'palette of 2.5 entries': [
        ihdr(1, 1, { colourType: 2 }),
        chunk('PLTE', [1, 2, 3, 4, 5, 6, 7, 8]),
        idat,
        chunk('IEND'),
      ],
      'IEND with a body': [ihdr(1, 1), idat, chunk('IEND', [0])],
      'a chunk after IEND': [ihdr(1, 1), idat, chunk('IEND'), text],
      'bytes after IEND': [ihdr(1, 1), idat, chunk('IEND'), Buffer.from([0])],
    }
    for (const [name, chunks] of Object.entries(cases))
      expect(checkImage('image/png', file(...chunks), MAX), name).toMatchObject(refused())
  })

  it('keeps what a tldraw export draws: shapes, text, HTML text in foreignObject, local references', () => {
    const clean = svgText(
      sanitizeSvg(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' +
          '<defs><clipPath id="c"><rect width="5" height="5"/></clipPath></defs>' +
          '<g clip-path="url(#c)" style="fill: #fed49a"><path d="M0 0L5 5"/><text x="1">Hej &amp; välkommen</text></g>' +
          '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><p>Fler <b>vuxna</b></p></div></foreignObject>' +
          '<use xlink:href="#c"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>',
      ),
    )
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' +
        '<defs><clipPath id="c"><rect width="5" height="5"></rect></clipPath></defs>' +
        '<g clip-path="url(#c)" style="fill: #fed49a"><path d="M0 0L5 5"></path><text x="1">Hej &amp; välkommen</text></g>' +
        '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><p>Fler <b>vuxna</b></p></div></foreignObject>' +
        '<use href="#c"></use><image href="data:image/png;base64,iVBORw0KGgo="></image></svg>',
    )
  })

  it('removes scripts, handlers, external and javascript: references, nested documents and CSS that fetches', () => {
    const clean = svgText(
      sanitizeSvg(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">' +
          '<script>alert(2)</script>' +
          '<a href="javascript:alert(3)"><text>länk</text></a>' +
          '<image href="https://evil.example/x.png"/><use xlink:href="https://evil.example/s.svg#a"/>' +
          '<rect fill="url(https://evil.example/p)" style="background:url(http://evil.example)"/>' +
          '<style>@import url(https://evil.example/a.css); rect{fill:red}</style>' +
          '<animate attributeName="href" to="javascript:alert(4)"/>' +
          '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe><img src="https://evil.example/t.gif"/>ok</div></foreignObject>' +
          '</svg>',
      ),
    )
    expect(clean).not.toMatch(/script|alert|evil|onload|javascript|iframe|animate|@import/i)
    expect(clean).toContain('ok')
  })

  it('drops CSS declarations that load through escapes, comments or image functions, and keeps the inert ones beside them', () => {
    const evil = [
      'background: \\75rl(https://evil.example/1)',
      'background: u\\rl(https://evil.example/2)',
      'background: u/**/rl(https://evil.example/3)',
      'background: \\000075 rl(https://evil.example/4)',
      'background: image-set(&quot;https://evil.example/5.png&quot; 1x)',
      'background: -webkit-image-set(&quot;https://evil.example/6.png&quot; 1x)',
      'background: cross-fade(&quot;https://evil.example/7.png&quot;, red 50%)',
      'background: element(#a)',
      'background: image(&quot;https://evil.example/8.png&quot;)',
      'mask: src(&quot;https://evil.example/9&quot;)',
      'width: expression(alert(1))',
      'behavior: url(evil.htc)',
      '\\62 ehavior: x',
      '-moz-binding: url(https://evil.example/10.xml#b)',
      '--x: url(https://evil.example/11)',
      'background: URL(https://evil.example/12)',
      'background: url(javascript:alert(1))',
      'background: url(data:image/png;base64,iVBORw0KGgo=)',
    ]
    const clean = svgText(
      sanitizeSvg(
        '<svg xmlns="http://www.w3.org/2000/svg">' +
          `<rect style="fill: #fed49a; ${evil.join('; ')}; stroke: rgb(1, 2, 3); clip-path: url(#c)"/>` +
          '<rect style="background: \\75rl(https://evil.example/13)"/>' +
          // Presentation attributes are CSS values too.
          '<rect fill="\\75rl(https://evil.example/14)" filter="u/**/rl(https://evil.example/15)"' +
          ' stroke="url(#g)" transform="rotate(45) translate(1 2)"/></svg>',
      ),
    )
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg">' +
        '<rect style="fill: #fed49a; stroke: rgb(1, 2, 3); clip-path: url(#c)"></rect>' +
        '<rect></rect>' +
        '<rect stroke="url(#g)" transform="rotate(45) translate(1 2)"></rect></svg>',
    )
  })

  it('keeps plain rules of a <style> with their inert declarations, and drops @\\69mport, @import, @font-face, @namespace, other at-rules and rules that load', () => {
    const clean = svgText(
      sanitizeSvg(
        '<svg xmlns="http://www.w3.org/2000/svg"><style>' +
          '@\\69mport "https://evil.example/a.css";\n' +
          '@import url(https://evil.example/b.css);\n' +
          '@namespace x url(https://evil.example/ns);\n' +
          '@font-face { font-family: "x"; src: url("https://evil.example/f.woff2") }\n' +
          '@media all { rect { fill: url(https://evil.example/m) } }\n' +
          '.a { background: \\75rl(https://evil.example/e); fill: red }\n' +
          '.b { background-image: image-set("https://evil.example/i.png" 1x) }\n' +
          '.c { .d { background: url(https://evil.example/n) } }\n' +
          '/* a comment */ rect:not(.e) > path { stroke: rgb(1, 2, 3); content: "a;b" }\n' +
          '</style>' +
          // A browser reads a style element's text as one: across XML comments and CDATA.
          '<style>.f { background: u<!-- a comment -->rl(https://evil.example/g) }</style>' +
          '<style>.g { background: url<![CDATA[(https://evil.example/h)]]> }</style>' +
          '<style>.h { background: u/* x */rl(https://evil.example/j) }</style>' +
          '<style>.i { fill: red }<g/>@import "https://evil.example/k.css";</style></svg>',
      ),
    )
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><style>' +
        '.a { fill: red }\nrect:not(.e) &gt; path { stroke: rgb(1, 2, 3); content: "a;b" }' +
        '</style><style></style><style></style><style></style>' +
        '<style>.i { fill: red }</style></svg>',
    )
  })

  it('keeps what tldraw’s SVG export styles text and shapes with, losing only its embedded fonts', () => {
    // As editor.getSvgString writes it: its own attributes, the fonts as @font-face with data:
    // URLs, pseudo-element rules, and the computed style of the HTML text in style attributes.
    const outer =
      'display: flex; font-family: &quot;tldraw_draw&quot;, sans-serif; height: 100%; ' +
      'justify-content: center; align-items: center; padding: 16px; ' +
      'white-space-collapse: preserve; text-wrap-mode: wrap'
    const inner =
      'font-size: 24px; color: color(display-p3 0.1 0.1 0.1); line-height: 32.4px; ' +
      'text-align: center; width: 100%; overflow-wrap: break-word; ' +
      'text-shadow: rgb(249, 250, 251) 0px 2px 0px, rgb(249, 250, 251) 0px -2px 0px; ' +
      'tab-size: 2; --tl-rich-text-heading-line-height: 1.35; ' +
      'clip-path: polygon(0px 0px, 200px 0px, 200px 200px, 0px 200px); ' +
      'transform: matrix(1, 0, 0, 1, 0, 0)'
    const clean = svgText(
      sanitizeSvg(
        '<svg xmlns="http://www.w3.org/2000/svg" direction="ltr" width="264" height="264" ' +
          'viewBox="-32 -32 264 264" stroke-linecap="round" stroke-linejoin="round" ' +
          'style="background-color: rgb(249, 250, 251);" data-color-mode="light" ' +
          'class="tl-container tl-theme__force-sRGB tl-theme__light"><defs>' +
          '<style>@font-face {\n  font-family: "tldraw_draw";\n  font-style: normal;\n' +
          '  src: url("data:font/woff2;base64,d09GMgABAAAAA") format(woff2);\n}</style>' +
          '<style>.pseudo-abc123::before {content: "";color: rgb(29, 29, 29);}\n</style>' +
          '<mask id="mask_1"><rect width="10" height="10" fill="white"/></mask></defs>' +
          '<g transform="matrix(1, 0, 0, 1, 0, 0)" opacity="1" mask="url(#mask_1)">' +
          '<path d="M0 0 L200 0 L200 200 Z" fill="#fed49a"/>' +
          '<foreignObject x="0" y="0" width="200" height="200" class="tl-export-embed-styles">' +
          `<div xmlns="http://www.w3.org/1999/xhtml" style="${outer}">` +
          `<div style="${inner}" class="pseudo-abc123"><p dir="auto">Hej</p></div></div>` +
          '</foreignObject></g></svg>',
      ),
    )
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" direction="ltr" width="264" height="264" ' +
        'viewBox="-32 -32 264 264" stroke-linecap="round" stroke-linejoin="round" ' +
        'style="background-color: rgb(249, 250, 251)" data-color-mode="light" ' +
        'class="tl-container tl-theme__force-sRGB tl-theme__light"><defs>' +
        '<style></style>' +
        '<style>.pseudo-abc123::before { content: ""; color: rgb(29, 29, 29) }</style>' +
        '<mask id="mask_1"><rect width="10" height="10" fill="white"></rect></mask></defs>' +
        '<g transform="matrix(1, 0, 0, 1, 0, 0)" opacity="1" mask="url(#mask_1)">' +
        '<path d="M0 0 L200 0 L200 200 Z" fill="#fed49a"></path>' +
        '<foreignObject x="0" y="0" width="200" height="200" class="tl-export-embed-styles">' +
        `<div xmlns="http://www.w3.org/1999/xhtml" style="${outer}">` +
        `<div xmlns="http://www.w3.org/1999/xhtml" style="${inner}" class="pseudo-abc123">` +
        '<p dir="auto">Hej</p></div></div></foreignObject></g></svg>',
    )
  })

  it('refuses what is not an SVG document: other roots, DOCTYPEs (entity bombs), broken XML', () => {
    expect(sanitizeSvg('<html xmlns="http://www.w3.org/1999/xhtml"/>')).toMatchObject({ ok: false })
    expect(
      sanitizeSvg(
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
      ),
    ).toMatchObject({ ok: false, code: 'invalid_image' })
    expect(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toMatchObject({
      ok: false,
    })
    expect(sanitizeSvg('no xml here')).toMatchObject({ ok: false })
  })
})
