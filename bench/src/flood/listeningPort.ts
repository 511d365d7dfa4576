import fs from 'node:fs'

const LISTEN = '0A'

/**
 * The TCP port a process listens on, read from /proc (Linux), or null while it has none.
 * Needed because the server announces its port only in an info-level log line, and the
 * floods run it at LOG_LEVEL=warn.
 */
export function listeningPort(pid: number): number | null {
  const inodes = new Set<string>()
  let fds: string[]
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`)
  } catch {
    return null
  }
  for (const fd of fds) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
      if (inode) inodes.add(inode)
    } catch {
      // closed while we looked
    }
  }
  let table: string[]
  try {
    table = fs.readFileSync(`/proc/${pid}/net/tcp`, 'utf8').split('\n').slice(1)
  } catch {
    return null
  }
  for (const line of table) {
    // sl local_address rem_address st … inode: the address is HEXIP:HEXPORT.
    const fields = line.trim().split(/\s+/)
    const inode = fields[9]
    if (fields[3] !== LISTEN || !inode || !inodes.has(inode)) continue
    const port = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16)
    if (port > 0) return port
  }
  return null
}

/** The soft limit on open files of a process (what `ulimit -n` says in its shell). */
export function openFileLimit(pid: number | 'self'): number | null {
  try {
    const limits = fs.readFileSync(`/proc/${pid}/limits`, 'utf8')
    const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1]
    return soft === undefined || soft === 'unlimited' ? null : Number(soft)
  } catch {
    return null
  }
}
