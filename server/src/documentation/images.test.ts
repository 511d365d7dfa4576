import { describe, expect, it } from 'vitest'
import { checkImage, sanitizeSvg } from './images.ts'

const MAX = 100_000

/** A structurally whole PNG: signature, IHDR (w×h), one IDAT, IEND. */
function png(width = 1, height = 1): Uint8Array {
  const chunk = (type: string, body: number[]) => {
    const length = [24, 16, 8, 0].map((s) => (body.length >>> s) & 255)
    return [...length, ...[...type].map((c) => c.charCodeAt(0)), ...body, 0, 0, 0, 0]
  }
  const be32 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255)
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...be32(width), ...be32(height), 8, 6, 0, 0, 0]),
    ...chunk('IDAT', [120, 156, 99, 0, 1, 0, 0, 5, 0, 1]),
    ...chunk('IEND', []),
  ])
}

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
