// A terminal closed under the TUI: a real pty (python3's pty module) whose master is
// closed after a step made a segment (Space pressed as the screen settles until it has: at 80x24 the first brings step 1's rest into view, the next runs it). The TUI must end by SIGHUP (a shell shows 129),
// never SIGSEGV, with nothing left: no segment, no journal, no process of it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, procShm, tempDir } from '../native/helpers.js';

const SCRIPT = join(ROOT, 'tests', 'faults', 'pty-close.py');

/** live processes whose environment holds this token */
function withToken(token: string): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return readFileSync(`/proc/${n}/environ`, 'latin1').split('\0').includes(`PTY_TEST=${token}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('closing the terminal under the TUI', () => {
  it('ends it by SIGHUP with nothing left, every time (5 closes)', { timeout: 90_000 }, () => {
    for (let i = 0; i < 5; i++) {
      const state = tempDir('ipclab-state-');
      const token = `${process.pid}-${i}-${Date.now()}`;
      const r = spawnSync('python3', [SCRIPT, ' ', process.execPath, join(ROOT, 'bin', 'ipclab.mjs'), '--lesson', 'shmget', '--restart'], {
        cwd: ROOT,
        env: { ...process.env, XDG_STATE_HOME: state, PTY_TEST: token, CI: '' },
        encoding: 'utf8',
        timeout: 40_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim()) as { pid: number; made: number[]; signal?: number; status?: number };
      expect(out.made.length, 'the step made a segment before the close').toBeGreaterThan(0);
      expect(out, `close ${i + 1}`).toMatchObject({ signal: 1 });
      expect(procShm().filter((row) => row.cpid === out.pid)).toEqual([]);
      expect(readdirSync(join(state, 'ipclab', 'runs'))).toEqual([]);
      expect(withToken(token)).toEqual([]);
    }
  });
});
