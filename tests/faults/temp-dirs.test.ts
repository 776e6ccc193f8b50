// A process killed with kill -9 runs no cleanup: the temp folders it made stay in /tmp.
// ipclab's own folders (and the tests', which make theirs the same way: tests/native/helpers.ts)
// are recorded in the process's journal before they exist, so `ipclab clean` removes them
// once the process is gone -- and leaves a live process's alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, firstLine, ROOT, tempDir } from '../native/helpers.js';

const BIN = join(ROOT, 'bin', 'ipclab.mjs');

function clean(state: string) {
  return spawnSync(process.execPath, [BIN, 'clean'], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8', timeout: 30_000 });
}

/** A process that makes a temp folder as ipclab and the tests do, prints its path, and waits. */
function maker(state: string) {
  const script = `const { makeTempDir } = await import(${JSON.stringify(join(ROOT, 'src', 'native', 'ownership.ts'))}); console.log(makeTempDir('ipclab-killed-')); setInterval(() => {}, 1000);`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, XDG_STATE_HOME: state }, stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('temp folders of a killed process', () => {
  it('ipclab clean removes them once the process is gone (kill -9), not before', async () => {
    const state = tempDir('ipclab-state-');
    const child = maker(state);
    const dir = await firstLine(child);
    try {
      expect(dir).toMatch(/\/ipclab-killed-[0-9a-f]{8}$/);
      expect(existsSync(dir)).toBe(true);
      // alive: its folder is its own to remove
      const live = clean(state);
      expect(live.status, live.stderr).toBe(0);
      expect(existsSync(dir)).toBe(true);
      child.kill('SIGKILL');
      expect(await exited(child)).toMatchObject({ signal: 'SIGKILL' });
      expect(existsSync(dir)).toBe(true);
      const r = clean(state);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`folder ${dir}`);
      expect(existsSync(dir)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      spawnSync('rm', ['-rf', dir]);
    }
  });
});
