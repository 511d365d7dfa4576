import type { ChildProcess } from 'node:child_process'

/** Every child process still running: the server and the honest clients' processes. */
const live = new Set<ChildProcess>()

export function track(child: ChildProcess): void {
  live.add(child)
  child.once('exit', () => live.delete(child))
}

export const isRunning = (child: ChildProcess) =>
  child.exitCode === null && child.signalCode === null

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`; resolves on exit. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (!isRunning(child)) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/**
 * However the bench ends (an exception, Ctrl-C), no server or client process outlives it:
 * a flooded server left running could keep eating the machine's memory.
 */
export function killChildrenOnExit(): void {
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of live) child.kill('SIGKILL')
      process.exit(130)
    })
  }
}

/** The error line of a Node process's last words on stderr ("RangeError: Maximum call…"). */
export const errorLine = (stderr: readonly string[]) =>
  stderr.find((line) => /^[A-Z]\w*(Error|Exception)\b/.test(line)) ?? null
