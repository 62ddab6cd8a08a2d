// Runs only the dashboard's tests without the repository-wide prerequisite check (dist/, AWS CLI),
// which these tests do not need: `npx vitest run -c test/components/vitest.dashboard.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/app/**/*.test.ts', 'test/components/**/*.test.tsx', 'test/e2e/**/*.test.ts'],
    env: { CI: 'false', FORCE_COLOR: '0' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
