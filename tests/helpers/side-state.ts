// The setup of the side-by-side project (vitest.config.ts): this worker's own state folder
// inside the run's, so the two workers' journals never mix (tests/helpers/run-state.ts,
// sideStateHome); the run's setup and teardown read them all (stateHomes).
import { mkdirSync } from 'node:fs';
import { RUN_DIR_ENV, sideStateHome } from './run-state.js';

const run = process.env[RUN_DIR_ENV];
const worker = process.env.VITEST_POOL_ID;
if (!run || !worker) throw new Error(`${RUN_DIR_ENV} or VITEST_POOL_ID is not set: run the tests through vitest (vitest.config.ts)`);
const home = sideStateHome(run, worker);
mkdirSync(home, { recursive: true, mode: 0o700 });
process.env.XDG_STATE_HOME = home;
