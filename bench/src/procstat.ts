import fs from 'node:fs'

const TICKS_PER_SECOND = 100

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

function statusKiB(pid: number, key: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const line = status.split('\n').find((l) => l.startsWith(`${key}:`))
  return Number(line?.split(/\s+/)[1] ?? 0)
}

export const rssMiB = (pid: number) => statusKiB(pid, 'VmRSS') / 1024
/** The high-water mark of resident memory since the process started. */
export const peakRssMiB = (pid: number) => statusKiB(pid, 'VmHWM') / 1024
