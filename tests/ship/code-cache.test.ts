// The bundle runs with V8's code cache on every Node version (src/code-cache.ts): one
// file in the private state folder, made by the first run, kept while it fits, and
// replaced -- never a crash -- when it is damaged or made for another bundle.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const top = testTempDir('ipclab-cache-');
const tmux = new Tmux();
afterAll(() => {
  tmux.killServer();
  rmSync(top, { recursive: true, force: true });
});

let fresh = 0;
/** A state folder of its own ($XDG_STATE_HOME) and the cache file's path in it. */
function stateHome(): { home: string; cache: string } {
  const home = join(top, String(fresh++));
  return { home, cache: join(home, 'ipclab', 'code-cache.bin') };
}

function lessons(home: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'lessons'], { env: { ...process.env, XDG_STATE_HOME: home }, encoding: 'utf8', timeout: 25_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^ 1 {2}overview/);
  return r;
}

/** The header's lines: the format's name and what the code was made from. */
const header = (file: Buffer) => file.toString('latin1').split('\n', 2);
/** Who made it: a run that ended before 2 s ('exit') or one still running then. */
const made = (file: Buffer) => file.toString('latin1').split('\n', 3)[2];

describe('the code cache', () => {
  it('is made by the first run, 0600 in the 0700 state folder, and kept by the next', () => {
    const { home, cache } = stateHome();
    lessons(home);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'ipclab')).mode & 0o777).toBe(0o700);
    const first = readFileSync(cache);
    expect(header(first)[0]).toBe('ipclab code cache 1');
    expect(header(first)[1]).toContain(process.version);
    lessons(home);
    expect(readFileSync(cache).equals(first)).toBe(true);
  });

  it('the tutorial, 2 s after it starts, replaces the smaller cache of a short command with its own', async () => {
    const { home, cache } = stateHome();
    lessons(home);
    const thin = readFileSync(cache);
    const session = tmux.start([process.execPath, join(ROOT, 'bin', 'ipclab.mjs'), '--lang', 'en', '--lesson', 'shmget'], { width: 100, height: 30, env: { XDG_STATE_HOME: home }, unset: ['CI'] });
    await tmux.waitFor(session, (screen) => screen.includes('shmget'), 'the first frame');
    const deadline = Date.now() + 15_000;
    while (readFileSync(cache).equals(thin)) {
      if (Date.now() > deadline) throw new Error('the tutorial did not save its cache within 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
    const own = readFileSync(cache);
    expect(header(own)).toEqual(header(thin));
    expect(made(thin)).toBe('exit');
    expect(made(own)).toBe('running');
    expect(own.length).toBeGreaterThan(thin.length * 1.125);
    // final for this bundle: a short command that follows keeps it (and makes no data)
    lessons(home);
    expect(readFileSync(cache).equals(own)).toBe(true);
  });

  it('a damaged cache is not used (V8 would abort on it) and is made again', () => {
    const { home, cache } = stateHome();
    lessons(home);
    const good = readFileSync(cache);
    const bad = Buffer.from(good);
    for (let i = bad.length - 4096; i < bad.length - 4000; i++) bad[i] ^= 0x5a;
    writeFileSync(cache, bad);
    lessons(home);
    const again = readFileSync(cache);
    expect(again.equals(bad)).toBe(false);
    expect(header(again)).toEqual(header(good));
  });

  it('a cache made for another bundle, or not a cache at all, is replaced', () => {
    const { home, cache } = stateHome();
    lessons(home);
    const good = readFileSync(cache);
    const [name, key] = header(good);
    const foreign = Buffer.concat([Buffer.from(`${name}\nv0.0.0 x64 1 1\n`, 'latin1'), good.subarray(name.length + key.length + 2)]);
    for (const file of [foreign, Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(cache, file);
      lessons(home);
      expect(header(readFileSync(cache))).toEqual(header(good));
    }
  });

  it('a state folder that cannot be made, or a file in its place, only means no cache', () => {
    // a file where the folder's parent should be: mkdir fails with ENOTDIR, even as root
    const file = join(top, 'a-file');
    writeFileSync(file, '');
    lessons(join(file, 'state'));
    expect(readFileSync(file, 'utf8')).toBe('');
    // a file where the folder itself should be: mkdir says EEXIST, the write ENOTDIR
    const { home } = stateHome();
    mkdirSync(home);
    writeFileSync(join(home, 'ipclab'), 'not a folder');
    lessons(home);
    expect(readFileSync(join(home, 'ipclab'), 'utf8')).toBe('not a folder');
  });
});
