import { type Timer, timerRemainingMs } from '@samla/shared'
import { useEffect, useRef } from 'react'
import { serverNow } from './serverClock.ts'

/**
 * A soft two-note chime, made in the browser (Web Audio): no sound file, nothing fetched from
 * anywhere. A page that was never touched may not be allowed to play; it then stays silent.
 */
export function playChime(): void {
  const Context = window.AudioContext
  if (!Context) return
  const audio = new Context()
  const start = audio.currentTime
  for (const [i, frequency] of [880, 660].entries()) {
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.type = 'sine'
    tone.frequency.value = frequency
    const at = start + i * 0.35
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9)
    tone.connect(gain).connect(audio.destination)
    tone.start(at)
    tone.stop(at + 1)
  }
  setTimeout(() => void audio.close(), 1600)
}

/** Plays the chime once when a running timer reaches zero while this page is open. */
export function useTimeUpChime(timer: Timer, enabled: boolean): void {
  const played = useRef<number | null>(null)
  useEffect(() => {
    if (!enabled || timer.state !== 'running') return
    const endsAt = timer.endsAt
    // A timer that had run out before this page opened is not rung again.
    if (timerRemainingMs(timer, serverNow()) <= 0) {
      played.current = endsAt
      return
    }
    const wait = setTimeout(
      () => {
        if (played.current === endsAt) return
        played.current = endsAt
        playChime()
      },
      Math.max(0, endsAt - serverNow()),
    )
    return () => clearTimeout(wait)
  }, [timer, enabled])
}
