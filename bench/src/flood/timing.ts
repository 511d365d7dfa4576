/** Resolves after `ms`, or at once when `signal` aborts: a flood's duration, never a guess. */
export function floodWindow(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}

/**
 * A signal that aborts after `ms` or with `parent`. Not AbortSignal.any(AbortSignal.timeout()):
 * on Node 20 the timeout's signal can be garbage-collected before it fires.
 */
export function windowSignal(parent: AbortSignal, ms: number): AbortSignal {
  const controller = new AbortController()
  const abort = () => {
    clearTimeout(timer)
    parent.removeEventListener('abort', abort)
    controller.abort()
  }
  const timer = setTimeout(abort, ms)
  parent.addEventListener('abort', abort)
  if (parent.aborted) abort()
  return controller.signal
}

/** Calls `tick` every `everyMs` for `ms` (or until `signal` aborts). */
export async function repeatFor(
  signal: AbortSignal,
  ms: number,
  everyMs: number,
  tick: () => void,
): Promise<void> {
  tick()
  const timer = setInterval(tick, everyMs)
  await floodWindow(signal, ms)
  clearInterval(timer)
}
