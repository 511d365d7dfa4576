/**
 * How deeply a value nests, measured without recursion: the values this guards against are
 * nested deeper than the call stack (a 10 KB update can hold an array 5,000 deep, and
 * JSON.stringify or structuredClone of it overflows the stack of whoever touches it next).
 */

/** True when `value` has more than `maxDepth` levels of arrays and objects. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number }
    const v = top.value
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue
    const depth = top.depth + 1
    if (depth > maxDepth) return true
    const children = Array.isArray(v) ? v : Object.values(v)
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth })
    }
  }
  return false
}

/**
 * The same for JSON text (presence states travel as text): brackets counted outside strings,
 * so the text never has to be parsed to be judged.
 */
export function jsonTextNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}
