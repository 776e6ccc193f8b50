import { defineConfig } from 'vitest/config';
import { makeRunFolder, RUN_DIR_ENV } from './tests/helpers/run-state.js';
import { sweepRunFolder } from './tests/global-setup.js';
import { SIDE_BY_SIDE } from './tests/helpers/side-by-side.js';
import { SAME_ON_ANY_NODE } from './tests/helpers/same-on-any-node.js';

// Every test run gets its own folder, named for this process (tests/helpers/run-state.ts):
// the state folder, so owned.json and progress never mix with a learner's real ones, and the
// tests' temp folders (tests/helpers/temp-dir.ts). At exit -- after the teardown, or on
// SIGTERM/Ctrl-C without one -- swept as a killed run's would be: its processes ended, what
// its journals record removed, then the folder; a journal clean cannot finish keeps the
// folder for the next run's setup (tests/global-setup.ts), never an object without a record,
// and says why on stderr (a folder once stayed with no word why).
const state = makeRunFolder();
process.on('exit', () => {
  const { kept } = sweepRunFolder(state);
  if (kept.length > 0) process.stderr.write(`ipclab tests: kept ${kept.join(', ')}\n`);
});

// IPCLAB_SUITE=runtime (CI's Node 24 run): all but the in-process tests of ipclab's own code
// (tests/helpers/same-on-any-node.ts)
const left = process.env.IPCLAB_SUITE === 'runtime' ? SAME_ON_ANY_NODE : [];

// React's production build, as the shipped bundle has (scripts/build.mjs defines NODE_ENV): the
// walks' thousands of commits cost a sixth less without the development build's checks, and the
// JSX compiled to match (the production react/jsx-dev-runtime has no jsxDEV). No test reads the
// development build's warnings; IPCLAB_REACT_DEV=1 runs with them, to see a key warning or a hook
// misused while writing a component.
const reactDev = process.env.IPCLAB_REACT_DEV === '1';

const common = {
  env: { XDG_STATE_HOME: state, [RUN_DIR_ENV]: state, IPCLAB_TEST: '1', LANG: 'C.UTF-8', NODE_ENV: reactDev ? 'development' : 'production' },
  testTimeout: 30_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
};

// (each project's: an inline project takes none of the root's transform options)
const oxc = { jsx: { development: reactDev } };

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    env: common.env,
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { oxc, test: { ...common, name: 'side-by-side', include: SIDE_BY_SIDE, exclude: left, setupFiles: ['tests/helpers/side-state.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      // one file at a time; within one, tests marked concurrent (the lesson files that run every
      // lesson through the CLI: a run mostly waits on its peers and the kernel) two at a time
      { oxc, test: { ...common, name: 'alone', include: ['tests/**/*.test.{ts,tsx}'], exclude: [...SIDE_BY_SIDE, ...left], maxWorkers: 1, maxConcurrency: 2, sequence: { groupOrder: 1 } } },
    ],
  },
});
