import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ for the CLI tests (they spawn the compiled binary) and gives the run its own temporary folder.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
  },
});
