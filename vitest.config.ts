import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What a person waits for on a busy two-core machine: a grid's first page, a PDF being printed.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
