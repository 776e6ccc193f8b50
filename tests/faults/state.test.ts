// Damaged and unusable state: journals cut, emptied, filled with garbage or with JSON
// of the wrong shape; a file where the state folder should be; a folder ipclab may not
// write; several `ipclab clean` at once. Never a stack trace, never a lost segment.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, exited, procShm, reapChildren, runCli, startOwner, tempDir } from '../native/helpers.js';

afterEach(reapChildren);

const runs = (state: string) => join(state, 'ipclab', 'runs');
const leftBy = (pid: number) => procShm().filter((r) => r.cpid === pid).map((r) => r.shmid);

/** A run of the owner fixture with `count` segments, killed with SIGKILL: its journal's path. */
async function killedRun(state: string, count: number) {
  const run = await startOwner(state, count);
  run.child.kill('SIGKILL');
  await exited(run.child);
  const file = readdirSync(runs(state)).find((n) => n.startsWith(`${run.pid}-`))!;
  return { ...run, file: join(runs(state), file) };
}

// deterministic "fuzz": each damages the journal in another way
const DAMAGE: Array<[string, (text: string) => string]> = [
  ['empty', () => ''],
  ['cut mid-line', (t) => t.slice(0, t.length - 5)],
  ['garbage bytes', () => '\u0000\u00ff{{{not json\n\u0001\u0002\n'],
  ['JSON of the wrong shape', () => '[1,2,3]\n{"t":"shm","shmid":"x"}\nnull\n"run"\n{"t":"run","pid":-1.5}\n'],
  ['valid lines among garbage', (t) => t.split('\n').map((l, i) => (i % 2 ? `${l}` : `#${l}`)).join('\n')],
  ['one flipped byte per line', (t) => t.split('\n').map((l) => (l ? `${l.slice(0, 3)}\u0000${l.slice(4)}` : l)).join('\n')],
];

describe('a damaged journal', () => {
  for (const [name, damage] of DAMAGE) {
    it(`${name}: clean says so, keeps a copy, and still removes what the run made`, async () => {
      const state = tempDir('ipclab-state-');
      const run = await killedRun(state, 2);
      const original = readFileSync(run.file, 'utf8');
      writeFileSync(run.file, damage(original));
      const r = runCli(['clean'], state);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(leftBy(run.pid)).toEqual([]);
      for (const shmid of run.ids) expect(r.stdout).toMatch(new RegExp(`^removed +shmid ${shmid} `, 'm'));
      if (name === 'empty') expect(r.stdout).not.toMatch(/damaged/);
      else {
        const copy = /^damaged .*a copy is kept at (\S+);/m.exec(r.stdout)?.[1];
        expect(copy, r.stdout).toBeDefined();
        expect(readFileSync(copy!, 'utf8')).toBe(damage(original));
      }
      expect(readdirSync(runs(state)).filter((n) => n.endsWith('.jsonl'))).toEqual([]);
    });
  }

  it('names the damage: garbage lines are counted and reported', async () => {
    const state = tempDir('ipclab-state-');
    const run = await killedRun(state, 1);
    writeFileSync(run.file, `${readFileSync(run.file, 'utf8')}garbage\n{"t":"shm"}\n`);
    const r = runCli(['clean'], state);
    expect(r.stdout).toMatch(new RegExp(`^damaged +${run.file.replace(/[.]/g, '\\.')}: 2 unreadable line\\(s\\); a copy is kept at `, 'm'));
    expect(leftBy(run.pid)).toEqual([]);
  });
});

describe('an unusable state folder', () => {
  it('a file where the folder should be: a run warns in one line and still cleans up; clean says what to do', () => {
    const state = tempDir('ipclab-state-');
    writeFileSync(join(state, 'ipclab'), 'not a folder');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'run', 'shmget', '--json'], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ipclab: cannot keep records in .*a file stands where a folder should be.*XDG_STATE_HOME/);
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toMatchObject({ type: 'end', ok: true, leaked: [] });
    const clean = runCli(['clean'], state);
    expect(clean.code).toBe(3); // the environment (src/exit-codes.ts)
    expect(clean.stderr.trim().split('\n')).toHaveLength(1);
    expect(clean.stderr).toMatch(/^ipclab clean: .*a file stands where a folder should be; move it aside/);
  });

  it('a folder ipclab may not write (another user\'s): the run warns once, cleans up, exits 0', async () => {
    const state = tempDir('ipclab-state-');
    mkdirSync(runs(state), { recursive: true });
    for (const dir of [state, join(state, 'ipclab'), runs(state)]) chmodSync(dir, 0o755);
    const home = tempDir('ipclab-nobody-');
    chmodSync(home, 0o777);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'fixtures', 'cli.ts'), 'run', 'shmget', '--json'], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
      env: { ...process.env, HOME: home, XDG_STATE_HOME: state },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    expect(await exited(child), err).toEqual({ code: 0, signal: null });
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^ipclab: cannot keep records in .*the folder is not writable/);
    expect(JSON.parse(out.trim().split('\n').pop()!)).toMatchObject({ type: 'end', ok: true, leaked: [] });
    expect(leftBy(child.pid!)).toEqual([]);
  });
});

describe('several cleans at once', () => {
  for (const n of [2, 4]) {
    it(`${n} at once: every one succeeds, each segment is removed exactly once`, async () => {
      const state = tempDir('ipclab-state-');
      const killed = [await killedRun(state, 3), await killedRun(state, 3)];
      const cleans = Array.from({ length: n }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'fixtures', 'cli.ts'), 'clean'], { cwd: ROOT, env: { ...process.env, XDG_STATE_HOME: state }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        return exited(child).then((end) => ({ ...end, out }));
      });
      const results = await Promise.all(cleans);
      for (const r of results) expect(r, r.out).toMatchObject({ code: 0, signal: null });
      const all = results.map((r) => r.out).join('\n');
      for (const run of killed) {
        expect(leftBy(run.pid)).toEqual([]);
        for (const shmid of run.ids) expect(all.match(new RegExp(`^removed +shmid ${shmid} `, 'gm'))).toHaveLength(1);
      }
      expect(all).not.toMatch(/EINVAL|failed/);
    });
  }
});
