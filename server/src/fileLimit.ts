import fs from 'node:fs'

/**
 * This process's limit on open files (each WebSocket is one). Node itself raises the soft
 * limit to the hard limit as it starts, where the system allows; what is left is the limit
 * the connection caps must stay under (http/connectionLimits.ts). Linux only: null elsewhere.
 */
export function openFileLimit(): number | null {
  try {
    const line = fs
      .readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'))
    const soft = line?.match(/^Max open files\s+(\d+|unlimited)/)?.[1]
    if (!soft) return null
    return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft)
  } catch {
    return null
  }
}
