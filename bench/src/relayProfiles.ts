import type { RelayScenario } from './relayScenario.ts'

/** The relay benchmark's rooms (pnpm bench), also run by pnpm bench:cluster (s150). */
export const relayProfiles = (seconds: number): RelayScenario[] => [
  {
    id: 's150',
    title: '150 clients, 20 writers × 5/s, cursors 10 Hz',
    clients: 150,
    writers: 20,
    writesPerSecond: 5,
    cursorHz: 10,
    seconds,
    probes: 10,
  },
  {
    id: 's300',
    title: '300 clients, 20 writers × 5/s, cursors 5 Hz',
    clients: 300,
    writers: 20,
    writesPerSecond: 5,
    cursorHz: 5,
    seconds,
    probes: 10,
  },
  {
    id: 's500',
    title: '500 clients, 2 writers × 25/s',
    clients: 500,
    writers: 2,
    writesPerSecond: 25,
    cursorHz: 0,
    seconds,
    probes: 10,
  },
  {
    id: 'stuck',
    title: '150 clients as s150 plus one client that never reads',
    clients: 150,
    writers: 20,
    writesPerSecond: 5,
    cursorHz: 10,
    seconds,
    probes: 10,
    stuckClient: true,
  },
]
