// tldraw's store batches listener calls to the next animation frame; Node has no frames.
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) =>
  setTimeout(() => callback(performance.now()), 0) as unknown as number
globalThis.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle)
