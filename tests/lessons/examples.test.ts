// The C programs the lessons mark as checking themselves (examples/c/) compile without
// warnings and run: exit 0 (each checks what its lesson shows) and nothing left in the kernel.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPrograms } from '../../src/lessons/index.js';
import { ROOT, segmentsCreatedBy } from './helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const PROGRAMS = checkPrograms();
const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
const out = testTempDir('ipclab-cc-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!hasCc)('examples/c', () => {
  it.each(PROGRAMS)('%s.c compiles cleanly, runs, exits 0 and leaves nothing behind', (name) => {
    const exe = join(out, name);
    const build = spawnSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-o', exe, join(ROOT, 'examples', 'c', `${name}.c`)], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const run = spawnSync(exe, [], { encoding: 'utf8', timeout: 20_000, cwd: out });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.pid).toBeGreaterThan(0);
    expect(segmentsCreatedBy(run.pid)).toEqual([]);
  });
});

describe.skipIf(hasCc)('examples/c without a C compiler', () => {
  it('is skipped: no `cc` on this machine (install gcc to compile and run examples/c)', () => {
    expect(hasCc).toBe(false);
  });
});
