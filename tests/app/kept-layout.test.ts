// Layout choices kept across runs (src/app/kept-layout.ts): made once per bundle, read back
// by a later run of the same bundle, made anew for another bundle, never kept without one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keptChoice, keptCount, keptWords, setBundleKey } from '../../src/app/kept-layout.js';
import { testTempDir } from '../helpers/temp-dir.js';

let state: string;
const saved = process.env.XDG_STATE_HOME;
const file = () => join(state, 'ipclab', 'layout.json');

/** Polls until the choice made has been saved (after the frame: setImmediate). */
async function savedFile(): Promise<{ bundle: string; choices: Record<string, boolean | number> }> {
  const deadline = Date.now() + 5000;
  while (!existsSync(file())) {
    if (Date.now() > deadline) throw new Error('layout.json was not written');
    await new Promise((r) => setImmediate(r));
  }
  return JSON.parse(readFileSync(file(), 'utf8'));
}

beforeEach(() => {
  state = testTempDir('ipclab-kept-');
  process.env.XDG_STATE_HOME = state;
});

afterEach(() => {
  setBundleKey(null);
  if (saved === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = saved;
  rmSync(state, { recursive: true, force: true });
});

describe('keptChoice', () => {
  it('makes a choice once per bundle: a later run of it reads it back, without making it', async () => {
    setBundleKey('v20 x64 1000 1');
    let made = 0;
    expect(keptChoice('narrow-list shmget en', () => (made++, true))).toBe(true);
    expect(made).toBe(1);
    const kept = await savedFile();
    expect(kept).toEqual({ bundle: 'v20 x64 1000 1', choices: { 'narrow-list shmget en': true } });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    // a later run (the module's memory gone) of the same bundle
    setBundleKey('v20 x64 1000 1');
    expect(keptChoice('narrow-list shmget en', () => (made++, false))).toBe(true);
    expect(made).toBe(1);
  });

  it('makes it anew for another bundle, and for a damaged file', async () => {
    setBundleKey('v20 x64 1000 1');
    keptChoice('narrow-list shmget en', () => true);
    await savedFile();
    setBundleKey('v20 x64 1001 2');
    expect(keptChoice('narrow-list shmget en', () => false)).toBe(false);
    writeFileSync(file(), '{"bundle": "v20 x64 1001 2", "choices": {"narrow-list shmget en": tr');
    setBundleKey('v20 x64 1001 2');
    expect(keptChoice('narrow-list shmget en', () => false)).toBe(false);
  });

  it('keeps nothing without a bundle (run from src/), nor where the state folder cannot be written', async () => {
    let made = 0;
    expect(keptChoice('narrow-list shmget en', () => (made++, true))).toBe(true);
    expect(keptChoice('narrow-list shmget en', () => (made++, true))).toBe(true);
    expect(made).toBe(2);
    // a file where the folder should be: the choice is still made, once per run
    writeFileSync(join(state, 'ipclab'), 'not a folder');
    setBundleKey('v20 x64 1000 1');
    expect(keptChoice('narrow-list shmget en', () => (made++, false))).toBe(false);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(join(state, 'ipclab'), 'utf8')).toBe('not a folder');
    expect(made).toBe(3);
  });

  it('keeps a count as it keeps a choice, and takes no value of the other kind for one', async () => {
    setBundleKey('v20 x64 1000 1');
    let made = 0;
    expect(keptCount('bar-drops false 100 true false 2', () => (made++, 3))).toBe(3);
    expect(keptChoice('bar-two-spaces false 100 true false', () => (made++, true))).toBe(true);
    expect((await savedFile()).choices).toEqual({ 'bar-drops false 100 true false 2': 3, 'bar-two-spaces false 100 true false': true });
    setBundleKey('v20 x64 1000 1');
    expect(keptCount('bar-drops false 100 true false 2', () => (made++, 0))).toBe(3);
    expect(made).toBe(2);
    // a file whose value under a key is of the other kind (another build's meaning): made anew
    writeFileSync(file(), JSON.stringify({ bundle: 'v20 x64 1000 1', choices: { 'bar-drops false 100 true false 2': true, 'bar-two-spaces false 100 true false': 1 } }));
    setBundleKey('v20 x64 1000 1');
    expect(keptCount('bar-drops false 100 true false 2', () => (made++, 2))).toBe(2);
    expect(keptChoice('bar-two-spaces false 100 true false', () => (made++, false))).toBe(false);
    expect(made).toBe(4);
  });

  it('keeps a list of words, read back as it was', async () => {
    setBundleKey('v20 x64 1000 1');
    let made = 0;
    expect(keptWords('keys-used shmget en', () => (made++, ['shmid shmid', 'key key']))).toEqual(['shmid shmid', 'key key']);
    expect((await savedFile()).choices).toEqual({ 'keys-used shmget en': ['shmid shmid', 'key key'] });
    setBundleKey('v20 x64 1000 1');
    expect(keptWords('keys-used shmget en', () => (made++, []))).toEqual(['shmid shmid', 'key key']);
    expect(made).toBe(1);
    // a list with other than words in it (a damaged file): made anew
    writeFileSync(file(), JSON.stringify({ bundle: 'v20 x64 1000 1', choices: { 'keys-used shmget en': ['key', 1] } }));
    setBundleKey('v20 x64 1000 1');
    expect(keptWords('keys-used shmget en', () => (made++, ['key key']))).toEqual(['key key']);
    expect(made).toBe(2);
  });
});
