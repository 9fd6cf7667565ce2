import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Files that start a local host each run DynamoDB Local (a JVM); two at a time fits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // No EMF metric lines from the handlers in test output (a test that reads them sets it to 'false'
    // before it loads any handler; `npm start` keeps them on).
    env: { POWERTOOLS_METRICS_DISABLED: 'true' },
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
