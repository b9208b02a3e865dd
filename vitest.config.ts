import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // vitest's default leaves one core idle (one worker on a 2-core machine); the tests mostly wait on
    // local servers and politeness intervals, so two files at a time halve the run (2 min → 1 min)
    maxWorkers: 3,
  },
});
