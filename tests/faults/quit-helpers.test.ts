// q with a helper in any state: stopped (SIGSTOP) or killed (SIGKILL) by someone
// else, between steps or while a step waits on it. The TUI, on a real pty, must exit
// quickly, end the helper, and leave no segment (the killed helper's included).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processStart } from '../../src/native/index.js';
import { ROOT, shmRow, tempDir } from '../native/helpers.js';

const SCRIPT = join(ROOT, 'tests', 'faults', 'pty-quit.py');

function quit(mode: 'stop' | 'kill', busy: boolean) {
  const state = tempDir('ipclab-state-');
  const r = spawnSync('python3', [SCRIPT, mode, ...(busy ? ['busy'] : []), process.execPath, join(ROOT, 'bin', 'ipclab.mjs'), '--lesson', 'serv-clnt', '--restart'], {
    cwd: ROOT,
    env: { ...process.env, XDG_STATE_HOME: state, CI: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout.trim()) as { pid: number; helper: number | null; shmid: number | null; seconds: number; status?: number };
  expect(out.helper, 'a helper made a segment').not.toBeNull();
  return { ...out, journals: readdirSync(join(state, 'ipclab', 'runs')) };
}

describe('q whatever state the helpers are in', () => {
  for (const mode of ['stop', 'kill'] as const) {
    it(`a ${mode === 'stop' ? 'stopped' : 'killed'} helper between steps: exit 0 within 3 s, nothing left`, { timeout: 60_000 }, () => {
      const out = quit(mode, false);
      expect(out.status).toBe(0);
      expect(out.seconds).toBeLessThanOrEqual(3);
      expect(processStart(out.helper!)).toBeNull();
      expect(shmRow(out.shmid!)).toBeUndefined();
      // the TUI's journal is gone; a helper killed by someone else could not remove its own (clean drops it)
      expect(out.journals.filter((name) => !name.startsWith(`${out.helper}-`))).toEqual([]);
    });
  }

  // the quit ends the helpers before it waits for the step, so the step's wait on the
  // stopped helper fails at once: not the step's 15 s timeout, nor the quit's 3 s
  it('a stopped helper a step is waiting on: exit 0 within 3 s, nothing left', { timeout: 60_000 }, () => {
    const out = quit('stop', true);
    expect(out.status).toBe(0);
    expect(out.seconds).toBeLessThanOrEqual(3);
    expect(processStart(out.helper!)).toBeNull();
    expect(shmRow(out.shmid!)).toBeUndefined();
    expect(out.journals).toEqual([]);
  });
});
