// Every test's temp folder is made here: inside the run's own folder (vitest.config.ts,
// tests/helpers/run-state.ts), never loose in /tmp. A test that ends removes its folder
// itself; one that a killed run leaves goes with the run's folder, which the next run's
// setup removes once the run's owner is gone (tests/global-setup.ts).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_DIR_ENV } from './run-state.js';

/** A new folder named `prefix` + six random characters, 0700, in the run's folder. */
export function testTempDir(prefix: string): string {
  const run = process.env[RUN_DIR_ENV];
  if (!run) throw new Error(`${RUN_DIR_ENV} is not set: run the tests through vitest (vitest.config.ts makes the run's folder)`);
  const parent = join(run, 'tmp');
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(parent, prefix));
}
