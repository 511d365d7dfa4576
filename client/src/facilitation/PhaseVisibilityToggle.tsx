import { useI18n } from '../i18n/index.tsx'

/**
 * The eye on a phase: pressed while participants see it. Its name stays "Visa för deltagarna"
 * and aria-pressed says the state (a name that flipped as well would read "Dölj, pressed");
 * the tooltip says what a click does. The current phase is always shown, so its eye only
 * explains that (aria-disabled rather than disabled, so that it can be focused and hovered).
 */
export function PhaseVisibilityToggle({
  name,
  shown,
  isCurrent,
  onChange,
}: {
  name: string
  shown: boolean
  isCurrent: boolean
  onChange: (shown: boolean) => void
}) {
  const { t } = useI18n()
  const tip = isCurrent
    ? t('facilitation.phases.alwaysShown')
    : t(shown ? 'facilitation.phases.hide' : 'facilitation.phases.show')
  return (
    <button
      type="button"
      className="facilitation-eye"
      aria-pressed={shown}
      aria-disabled={isCurrent || undefined}
      title={tip}
      onClick={() => {
        if (!isCurrent) onChange(!shown)
      }}
    >
      <EyeIcon open={shown} />
      <span className="visually-hidden">
        {t('facilitation.phases.show')} {name}
      </span>
    </button>
  )
}

function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <circle
        cx="12"
        cy="12"
        r="3"
        fill={open ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
      />
      {!open && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
    </svg>
  )
}
