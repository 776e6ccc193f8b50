// `ipclab` without a terminal, and with a lesson that does not exist: one line, exit 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ipclab.mjs');

describe('ipclab (the tutorial) outside a terminal', () => {
  it('says how to use `run` and exits 2 instead of drawing', () => {
    const r = spawnSync(process.execPath, [bin], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal.*ipclab run ID/);
  });
  it('refuses an unknown --lesson in one line naming the lessons', () => {
    const r = spawnSync(process.execPath, [bin, '--lesson', 'nope'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no lesson 'nope'; the lessons are overview, shmget, ftok, shmat/);
  });
});
