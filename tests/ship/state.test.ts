// One state folder: the ownership records of a run and the TUI's progress live in
// $XDG_STATE_HOME/ipclab, and a relative XDG_STATE_HOME is ignored (XDG spec) for
// both alike, so they never split between two folders.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { stateDir } from '../../src/paths.js';
import { progressPath } from '../../src/app/progress.js';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = testTempDir('ipclab-state-');
  dirs.push(dir);
  return dir;
}

describe('the state folder', () => {
  it('is $XDG_STATE_HOME/ipclab when absolute, else ~/.local/state/ipclab', () => {
    expect(stateDir({ XDG_STATE_HOME: '/srv/state', HOME: '/home/a' })).toBe('/srv/state/ipclab');
    for (const ignored of [undefined, '', 'state', './state', '../x']) {
      expect(stateDir({ XDG_STATE_HOME: ignored, HOME: '/home/a' }), String(ignored)).toBe('/home/a/.local/state/ipclab');
    }
  });

  it('under /proc, where mkdir says ENOENT of a parent that exists: run and lessons still end (recursive mkdir looped for ever)', () => {
    for (const args of [['run', 'shmget'], ['lessons']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), ...args], {
        env: { ...process.env, XDG_STATE_HOME: '/proc/1/ipclab-state' },
        encoding: 'utf8',
        timeout: 25_000,
      });
      expect(r.status, `${args.join(' ')}: ${r.error ?? r.stderr}`).toBe(0);
    }
  });

  it('progress sits beside the ownership records', () => {
    expect(dirname(progressPath({ XDG_STATE_HOME: 'rel', HOME: '/home/a' }))).toBe(stateDir({ XDG_STATE_HOME: 'rel', HOME: '/home/a' }));
  });

  it('a real run with a relative XDG_STATE_HOME records into ~/.local/state/ipclab, not under the working folder', () => {
    const home = tempDir();
    const cwd = tempDir();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'run', 'shmget', '--json'], {
      cwd,
      env: { ...process.env, HOME: home, XDG_STATE_HOME: 'relative-state' },
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const state = stateDir({ HOME: home, XDG_STATE_HOME: 'relative-state' });
    expect(existsSync(join(state, 'runs'))).toBe(true);
    expect(dirname(progressPath({ HOME: home, XDG_STATE_HOME: 'relative-state' }))).toBe(state);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('every text that names the state folder', () => {
  it('names ~/.local/state/ipclab only as the default of $XDG_STATE_HOME/ipclab (glossary, help, man page, README)', () => {
    const files = [
      ...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join('src', f)),
      join('man', 'ipclab.1'),
      'README.md',
    ];
    const bare: string[] = [];
    for (const file of files)
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.includes('.local/state') && !/XDG_STATE_HOME|default|默认/.test(line)) bare.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    expect(bare).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });
});
