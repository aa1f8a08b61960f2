import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (dist/) with the seeds plus the fixtures (a hostile filing, two counties
// that share a name), served on 127.0.0.1 and driven in headless Chromium. Run with `npm run test:e2e`
// (builds first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
