/**
 * Checks that a value written into a board is plain JSON within bounds, without recursion
 * (see jsonDepth.ts): every tldraw record and meeting control is JSON, and everything that
 * reads them (JSON.stringify in exports, structuredClone in migrations, every client's
 * store) assumes so. lib0's encoding also carries bigints, byte arrays and `undefined`,
 * which none of them expects.
 */
export type JsonProblem = 'not-json' | 'too-deep'

export function jsonProblem(value: unknown, maxDepth: number): JsonProblem | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'not-json'
      continue
    }
    if (typeof v !== 'object') return 'not-json'
    if (ArrayBuffer.isView(v)) return 'not-json'
    if (depth + 1 > maxDepth) return 'too-deep'
    if (Array.isArray(v)) {
      for (const child of v) stack.push({ value: child, depth: depth + 1 })
    } else {
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) return 'not-json'
      for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 })
    }
  }
  return null
}
