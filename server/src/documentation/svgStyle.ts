/**
 * CSS in an uploaded SVG — style attributes, <style> elements, and presentation attributes
 * such as fill="…", which browsers parse as CSS values — is kept only where it cannot load
 * anything. The CSP the pictures are served with stops loads today, but a picture saved from
 * the documentation and opened elsewhere has no CSP, so the file itself must be inert.
 *
 * Why an allowlist of functions rather than of properties: tldraw's export
 * (editor.getSvgString) copies the *computed* style of every HTML element of its text into
 * style attributes — each property whose value differs from the browser's default, so which
 * properties appear depends on the browser and its version (display, width, padding-*,
 * white-space-collapse, text-wrap-mode, overflow-wrap, custom properties, …). A property list
 * would silently drop layout from the next browser's export. What loads in CSS, though, is
 * spelled in few ways: a function or url token (url(), image-set(), image(), cross-fade(),
 * element(), src(), expression(), …) or an at-rule (@import, @font-face's src). So every
 * function in a value must be one of the inert ones below (colours, maths, transforms,
 * filters, gradients, shapes, easing), every url() must point inside the document (#id, as
 * clip paths, masks and gradients do), and at-rules are dropped whole. That also drops
 * tldraw's @font-face rules, which embed the fonts as data: URLs: the picture then draws its
 * text in a fallback font, which is acceptable (the client uploads PNGs, which have the
 * fonts rendered in).
 *
 * Escapes and comments are how such CSS hides: `\75rl(`, `u\rl(` and `@\69mport` are url(
 * and @import to a browser. Every check runs on the text with comments removed and escapes
 * decoded; what is written out is that same text with comments removed (escapes kept), so
 * what a browser reads is what was checked. Removing a comment can only join characters,
 * which makes the checks stricter: u, an empty comment, rl( is written and checked as url(,
 * and dropped.
 */

/** Functions that compute a value from their arguments and load nothing. Lower case. */
const INERT_FUNCTIONS = new Set(
  [
    // colours (tldraw writes rgb() and, on wide-gamut screens, color(display-p3 …))
    'rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark',
    // values and maths
    'var calc min max clamp counter counters',
    // transforms (CSS and the SVG transform attribute)
    'matrix matrix3d translate translatex translatey translatez translate3d scale scalex',
    'scaley scalez scale3d rotate rotatex rotatey rotatez rotate3d skew skewx skewy perspective',
    // filters
    'blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia',
    // gradients
    'linear-gradient radial-gradient conic-gradient repeating-linear-gradient',
    'repeating-radial-gradient repeating-conic-gradient',
    // shapes (clip-path: tldraw clips the children of a frame with polygon())
    'inset circle ellipse polygon path rect xywh',
    // easing and grid
    'cubic-bezier steps linear repeat minmax fit-content',
  ]
    .join(' ')
    .split(' '),
)

/** Pseudo-classes with arguments that may appear in a kept rule's selector. */
const SELECTOR_FUNCTIONS = new Set(
  'not is where has nth-child nth-last-child nth-of-type nth-last-of-type lang dir'.split(' '),
)

/** Legacy properties that attach behaviour to elements (they take url() anyway). */
const DENIED_PROPERTIES = new Set(['behavior', '-moz-binding'])

/** A reference to an element of the same document: url(#id), quoted or not. */
const LOCAL_URL = /url\(\s*(['"]?)#[^\s'"()\\]+\1\s*\)/giu

/** Characters of a CSS name: letters, digits, `-`, `_` and anything beyond ASCII. */
const NAME_CHAR = /[-\w\u0080-\uffff]/

/**
 * CSS escapes decoded as a browser's tokenizer does: `\` + 1–6 hex digits (and one white
 * space after them), or `\` + any other character.
 */
export function decodeCssEscapes(css: string): string {
  return css.replace(
    /\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\r\n\f])?|([\s\S]))/g,
    (_, hex: string | undefined, char: string | undefined) => {
      if (hex === undefined) return char ?? ''
      const code = Number.parseInt(hex, 16)
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      return String.fromCodePoint(valid ? code : 0xfffd)
    },
  )
}

/** CSS with its comments removed; an unclosed comment runs to the end, as in a browser. */
export function stripCssComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
}

/**
 * Whether decoded CSS calls only the given functions and same-document url()s. The name of
 * each function is read backwards from its `(` (a `(` after no name is a plain block); a
 * regular expression for `name(` would backtrack over every long name without one.
 */
function callsOnly(decoded: string, allowed: Set<string>): boolean {
  const css = decoded.replace(LOCAL_URL, ' ')
  for (let open = css.indexOf('('); open >= 0; open = css.indexOf('(', open + 1)) {
    let start = open
    while (start > 0 && NAME_CHAR.test(css[start - 1] ?? '')) start--
    const name = css.slice(start, open).toLowerCase()
    if (name !== '' && !allowed.has(name)) return false
  }
  return true
}

/**
 * Whether a CSS value (decoded) loads nothing. Braces and `@` have no place in a value: they
 * could only open a nested rule or an at-rule.
 */
function inertValue(decoded: string): boolean {
  return !/[@{}]/.test(decoded) && callsOnly(decoded, INERT_FUNCTIONS)
}

function inertDeclaration(declaration: string): boolean {
  const decoded = decodeCssEscapes(declaration)
  const colon = decoded.indexOf(':')
  if (colon < 0) return false
  const property = decoded.slice(0, colon).trim().toLowerCase()
  if (!/^-{0,2}[a-z_][-a-z0-9_]*$/.test(property) || DENIED_PROPERTIES.has(property)) return false
  return inertValue(decoded.slice(colon + 1))
}

/**
 * The first character at or after `from` that is syntax (outside strings, not escaped) and
 * for which `stop(char, depth)` holds, where depth counts the brackets open before it; or
 * css.length. A string ends at its closing quote or, unclosed, at a newline, as in a browser.
 */
function scan(css: string, from: number, stop: (char: string, depth: number) => boolean): number {
  let quote = ''
  let depth = 0
  for (let i = from; i < css.length; i++) {
    const char = css[i] as string
    if (char === '\\') i++
    else if (quote !== '') {
      if (char === quote || char === '\n') quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (stop(char, depth)) return i
    else if (char === '(' || char === '[' || char === '{') depth++
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth--
  }
  return css.length
}

/** The first of `stops` outside brackets from `from` on (css.length if none). */
const findTopLevel = (css: string, from: number, stops: string) =>
  scan(css, from, (char, depth) => depth === 0 && stops.includes(char))

/** The `}` that closes the block opened at `open` (css.length if it is never closed). */
const closingBrace = (css: string, open: number) =>
  scan(css, open + 1, (char, depth) => depth === 0 && char === '}')

/** The declarations of a list (a style attribute, a rule's block) that load nothing. */
function inertDeclarations(css: string): string[] {
  const kept: string[] = []
  for (let at = 0; at < css.length; ) {
    const end = findTopLevel(css, at, ';')
    const declaration = css.slice(at, end).trim()
    if (declaration !== '' && inertDeclaration(declaration)) kept.push(declaration)
    at = end + 1
  }
  return kept
}

/** A style attribute's value with only the declarations that load nothing ('' if none). */
export function filterStyleAttribute(value: string): string {
  return inertDeclarations(stripCssComments(value)).join('; ')
}

/**
 * A presentation attribute's value (fill="url(#g)", transform="rotate(45)") if it loads
 * nothing, else null. Values without parentheses, escapes or comments are plain.
 */
export function filterPresentationValue(value: string): string | null {
  if (!/[(\\]|\/\*/.test(value)) return value
  const stripped = stripCssComments(value)
  return inertValue(decodeCssEscapes(stripped)) ? stripped : null
}

/**
 * A <style> element's text with only plain rules (selector + declarations), each holding only
 * declarations that load nothing. Every at-rule is dropped (@import, @font-face, @namespace,
 * @media, …), and so is a rule with a nested rule in it.
 */
export function filterStyleSheet(text: string): string {
  const css = stripCssComments(text)
  const rules: string[] = []
  for (let at = 0; at < css.length; ) {
    while (/\s/.test(css[at] ?? '')) at++
    if (at >= css.length) break
    const isAtRule = css[at] === '@'
    // An at-rule ends at its `;` or after its block; a rule has a selector and a block.
    const open = findTopLevel(css, at, isAtRule ? ';{' : '{')
    const prelude = css.slice(at, open).trim()
    if (open >= css.length) break
    const close = css[open] === '{' ? closingBrace(css, open) : open
    const block = css.slice(open + 1, close)
    at = close + 1
    if (isAtRule || findTopLevel(block, 0, '{') < block.length) continue
    const selector = decodeCssEscapes(prelude)
    if (selector === '' || /[@{};]/.test(selector) || !callsOnly(selector, SELECTOR_FUNCTIONS))
      continue
    const declarations = inertDeclarations(block)
    if (declarations.length > 0) rules.push(`${prelude} { ${declarations.join('; ')} }`)
  }
  return rules.join('\n')
}
