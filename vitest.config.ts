import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock: they need a module graph of their own. */
const MOCKING = ['test/hostile-3-downloads.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // vitest's default leaves one core idle (one worker on a 2-core machine); the tests mostly wait on
    // local servers and politeness intervals, so two files at a time halve the run (2 min → 1 min)
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: MOCKING,
          // a worker imports src/ once for all the files it runs instead of once per file: a quarter of
          // the suite's CPU was re-importing the same modules. Safe because src/ keeps no module state
          // but caches (compiled validators, date patterns) and no test here replaces a module
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
