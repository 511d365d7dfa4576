import { type Timer, timerRemainingMs } from '@samla/shared'
import { useI18n } from '../i18n/index.tsx'
import { formatRemaining, useServerNow } from '../meeting/serverClock.ts'

/** The meeting's timer on the phone, in the server's clock like every other screen. */
export function PhoneTimer({ timer }: { timer: Timer }) {
  const { t } = useI18n()
  const now = useServerNow(timer.state === 'running', 1000)
  if (timer.state === 'stopped') return null
  const remaining = timerRemainingMs(timer, now)
  return (
    <p className={`phone__timer${remaining <= 0 ? ' phone__timer--up' : ''}`} role="timer">
      {remaining <= 0
        ? t('phone.timer.up')
        : t(timer.state === 'paused' ? 'phone.timer.paused' : 'phone.timer.left', {
            time: formatRemaining(remaining),
          })}
    </p>
  )
}
