import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The server's integration suites again, every test server on a fresh PostgreSQL
        // database instead of a SQLite file (server/test/helpers.ts). Left out: what is about
        // SQLite's file itself, and what runs against PostgreSQL already.
        test: {
          name: 'server-postgres',
          include: ['server/test/**/*.test.ts'],
          exclude: [
            'server/test/cluster/**',
            'server/test/crash.test.ts',
            'server/test/erasure.test.ts',
          ],
          env: { SAMLA_TEST_STORE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'client',
          include: ['client/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['client/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium per file is already two browser contexts; files run one after another
          // so that two cores are not oversubscribed.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
})
