import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests spawn the compiled binary: `npm test` builds dist/ first.
    testTimeout: 20_000,
  },
});
