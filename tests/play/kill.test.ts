// A playground killed with kill -9 in the middle of a script: its helper process b sees
// its stdin end and removes what it made; `ipclab clean` removes what process a made.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, segmentsCreatedBy } from '../lessons/helpers.js';
import { processRuns } from '../helpers/tmux.js';
import { testTempDir } from '../helpers/temp-dir.js';

const state = testTempDir('ipclab-play-kill-');
afterAll(() => rmSync(state, { recursive: true, force: true }));
const env = { ...process.env, XDG_STATE_HOME: state, LANG: 'C.UTF-8', LC_ALL: '' };

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('kill -9 mid-script, then ipclab clean: no segment of a or b, no helper left', async () => {
  // the crash lines keep the script busy long enough to be killed in the middle
  const script = ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, SHM_RDONLY)', '@b id2 = shmget(IPC_PRIVATE, 8192, 0600)', '@b q = shmat(id2, NULL, 0)', ...Array(200).fill('crash strcpy(p, "x")')];
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'play', '-'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.resume();
  child.stdin.end(`${script.join('\n')}\n`);
  const closed = new Promise((resolve) => child.once('close', resolve));
  // the end of the crash's child, a comment wrapped at 80 columns: read as one line
  await until('the first crash', () => out.replace(/\n {2}\/\/ /g, ' ').includes('killed by SIGSEGV (waitpid)'), 60_000);
  const helper = Number(/helper process b started: pid (\d+)/.exec(out)![1]);
  expect(segmentsCreatedBy(child.pid!)).toHaveLength(1);
  expect(segmentsCreatedBy(helper)).toHaveLength(1);
  child.kill('SIGKILL');
  await closed;
  // b: its stdin ended with a; it detaches, removes its segment and leaves
  await until('the helper to end', () => !processRuns(helper));
  expect(segmentsCreatedBy(helper)).toEqual([]);
  // a left its segment (nobody could act for it); clean finds it in a's journal
  expect(segmentsCreatedBy(child.pid!)).toHaveLength(1);
  const clean = spawn(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'clean'], { cwd: ROOT, env, stdio: 'ignore' });
  const code = await new Promise((resolve) => clean.once('close', resolve));
  expect(code).toBe(0);
  expect(segmentsCreatedBy(child.pid!)).toEqual([]);
}, 120_000);
