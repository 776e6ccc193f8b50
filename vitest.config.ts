import { defineConfig } from 'vitest/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test run gets its own state folder, so owned.json and progress never mix
// with a learner's real ones.
const state = mkdtempSync(join(tmpdir(), 'ipclab-test-state-'));
process.on('exit', () => rmSync(state, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    env: { XDG_STATE_HOME: state, IPCLAB_TEST: '1', LANG: 'C.UTF-8' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
