import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock: they need a module graph of their own. */
const MOCKING = ['test/hostile-3-downloads.test.ts'];
/**
 * The release as users get it: the packed tarball installed with npm, the GitHub Action's steps, its default
 * build of a checkout (`npm ci`, `npm run build`). They need npm's registry or a warm cache and a minute of
 * CPU for the installs alone, so they are `npm run test:package`, not `npm test`; .ci/run runs both.
 */
const PACKAGE = ['test/package.test.ts', 'test/action.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // vitest's default leaves one core idle (one worker on a 2-core machine); the tests mostly wait on
    // local servers, child processes and politeness intervals, so four files at a time keep both cores
    // busy (measured on 2 cores: 3 workers 113 s, 4 workers 104 s, 5 workers 108 s)
    maxWorkers: 4,
    // worker threads, not child processes: the tests that need a process of their own (signals, heap caps,
    // a terminal) spawn the built binary themselves, and threads cost a sixth less CPU than forks here
    pool: 'threads',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...MOCKING, ...PACKAGE],
          // a worker imports src/ once for all the files it runs instead of once per file: a quarter of
          // the suite's CPU was re-importing the same modules. Safe because src/ keeps no module state
          // but caches (compiled validators, date patterns) and no test here replaces a module
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      { extends: true, test: { name: 'package', include: PACKAGE } },
    ],
  },
});
