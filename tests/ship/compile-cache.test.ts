// On Node 22.1+ the bundle's compiled code is cached in the user's state folder
// (kept private, 0700); Node 20 has no such cache and nothing is written for it.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lessons/helpers.js';

const state = mkdtempSync(join(tmpdir(), 'ipclab-cache-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('the compile cache', () => {
  it(`${'enableCompileCache' in module ? 'fills' : 'is not made in'} $XDG_STATE_HOME/ipclab/compile-cache on Node ${process.versions.node}`, () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'lessons'], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8', timeout: 25_000 });
    expect(r.status, r.stderr).toBe(0);
    const cache = join(state, 'ipclab', 'compile-cache');
    if ('enableCompileCache' in module) {
      // Node writes the cache when the process exits: one folder per Node version, holding entries
      const [version] = readdirSync(cache);
      expect(readdirSync(join(cache, version)).length).toBeGreaterThan(0);
      expect(statSync(join(state, 'ipclab')).mode & 0o777).toBe(0o700);
    } else {
      expect(existsSync(cache)).toBe(false);
    }
  });
});
