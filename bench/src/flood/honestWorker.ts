/**
 * The honest clients' own process, forked by honestProcess.ts. Hostile data may crash a stock
 * provider (an uncaught exception in its message handler ends the process): in here, that is
 * a finding the bench reports, not the end of the bench.
 */
import type { HonestConfig, ParentMessage, WorkerMessage } from './honestMessages.ts'
import { joinOnce } from './joinerClient.ts'
import { ProbeClients } from './probeClients.ts'

const config = JSON.parse(process.argv[2] ?? '{}') as HonestConfig
const report = (message: WorkerMessage) => process.send?.(message)

// Each provider adds a process 'exit' listener; ten probes are not a leak.
process.setMaxListeners(config.probes + 10)
// The bench went away: so do its clients.
process.on('disconnect', () => process.exit(0))

if (config.mode === 'probes') {
  const probes = new ProbeClients(config, report)
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'start') probes.start()
    else if (message.type === 'stop') void probes.stop()
    else if (message.type === 'leave') {
      probes.leave()
      report({ type: 'left' })
    }
  })
  await probes.ready()
} else {
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'join')
      void joinOnce(config, message.timeoutMs, message.watchMs, message.lastSeqs, report)
  })
  report({ type: 'standby' })
}
