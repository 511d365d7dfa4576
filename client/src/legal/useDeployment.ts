import type { ClientConfig } from '@samla/shared'
import { useEffect, useState } from 'react'
import { getClientConfig } from '../api.ts'

/** Who runs this deployment and its retention, from the server's run-time configuration. */
export function useDeployment(): ClientConfig | null | 'failed' {
  const [config, setConfig] = useState<ClientConfig | null | 'failed'>(null)
  useEffect(() => {
    getClientConfig().then(setConfig, () => setConfig('failed'))
  }, [])
  return config
}
