import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/**
 * A QR code of `value`, drawn here in the browser: the code never comes from another service.
 * The projector's wall and the start page draw the same link the same way (one set of options),
 * so a code scanned from either opens the same page. Until it is drawn its place is kept, so
 * that what is laid out around it (the projector's reserved edge) does not move.
 */
export function QrCode({
  value,
  alt,
  size,
  className,
}: {
  value: string
  alt: string
  /** Shown size in CSS pixels; the image is drawn larger, so that it stays sharp on a wall. */
  size: number
  className?: string
}) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    QRCode.toDataURL(value, { margin: 1, width: 360, errorCorrectionLevel: 'M' }).then(
      (url) => !cancelled && setSrc(url),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [value])
  if (!src)
    return (
      <span className={className} style={{ display: 'inline-block', width: size, height: size }} />
    )
  return <img className={className} src={src} alt={alt} width={size} height={size} />
}
