// bin/ipclab.mjs runs the bundle in dist/: it builds a missing one, rebuilds one older
// than src/ (judged by the sources' time recorded when the build started), and without
// esbuild says in one line what to run.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testTempDir } from './helpers/temp-dir.js';

const root = join(import.meta.dirname, '..');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the package without dist/, its node_modules linked (all, or all but some). */
function copyPackage(without: string[] = []): string {
  const dir = testTempDir('ipclab-build-');
  copies.push(dir);
  for (const name of ['bin', 'scripts', 'src', 'assets', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!without.includes(name)) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

const ipclab = (dir: string, ...args: string[]) => spawnSync(process.execPath, [join(dir, 'bin', 'ipclab.mjs'), ...args], { encoding: 'utf8' });

describe('bin/ipclab.mjs and dist/', () => {
  it('builds a missing bundle, and rebuilds when a source is newer than the build', () => {
    const dir = copyPackage();
    const first = ipclab(dir, '--version');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^ipclab \d+\.\d+\.\d+/);
    const stamp = Number(readFileSync(join(dir, 'dist', 'BUILT'), 'utf8'));
    // a source edited after that build
    const later = new Date(stamp + 60_000);
    utimesSync(join(dir, 'src', 'lang.ts'), later, later);
    expect(ipclab(dir, '--version').status).toBe(0);
    // rebuilt: the stamp now records the edited source's time (mtimes carry sub-ms fractions)
    expect(Math.abs(Number(readFileSync(join(dir, 'dist', 'BUILT'), 'utf8')) - later.getTime())).toBeLessThan(1);
  });

  it('a stale build does nothing before it is rebuilt: a command stops after its parse, the tutorial before a refusal (its own check waits for its first frame), and ipclab runs again', () => {
    const dir = copyPackage();
    expect(ipclab(dir, '--version').status).toBe(0);
    const stamp = Number(readFileSync(join(dir, 'dist', 'BUILT'), 'utf8'));
    const later = new Date(stamp + 60_000);
    utimesSync(join(dir, 'src', 'lang.ts'), later, later);
    // the tutorial without a terminal refuses: said by the new build, after one line saying why
    const r = ipclab(dir, '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ipclab: src\/ changed after dist\/ was built: rebuilt it, and started again\nipclab: .*needs a terminal/);
    expect(Math.abs(Number(readFileSync(join(dir, 'dist', 'BUILT'), 'utf8')) - later.getTime())).toBeLessThan(1);
    // fresh now: no second rebuild, no line
    const again = ipclab(dir, '--lang', 'en');
    expect(again.stderr).not.toMatch(/rebuilt/);
  }, 120_000);

  it('several processes rebuilding at once all run, and leave no build folder behind (dist/ is never moved away)', async () => {
    const dir = copyPackage();
    const runs = Array.from({ length: 8 }, () => new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(dir, 'bin', 'ipclab.mjs'), '--version'], { stdio: 'ignore' }).on('exit', resolve);
    }));
    expect(await Promise.all(runs)).toEqual(Array(8).fill(0));
    expect(readdirSync(dir).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    // eight builds at once on two CPUs: 10-20 s quiet, over 30 s on a loaded machine
  }, 120_000);

  it('without esbuild, says in one line what to run, exit 3 (the environment)', () => {
    const dir = copyPackage(['esbuild']);
    const r = ipclab(dir, '--version');
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/dist\/ is missing; run `npm install`/);
  });

  it('Node builtins the start does not use load on first use (scripts/build.mjs, lazy-builtins)', () => {
    // `lessons` loads every lesson module, which import child_process, readline and crypto
    const dir = testTempDir('ipclab-build-');
    copies.push(dir);
    const preload = join(dir, 'loaded.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));");
    const r = spawnSync(process.execPath, ['--require', preload, join(root, 'bin', 'ipclab.mjs'), 'lessons'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/shmget/);
    const loaded: string[] = JSON.parse(r.stderr);
    expect(loaded).toContain('NativeModule fs');
    for (const name of ['child_process', 'readline', 'crypto']) expect(loaded).not.toContain(`NativeModule ${name}`);
  });

  it('the fresh bundle runs as it is, without rebuilding', () => {
    expect(ipclab(root, '--version').status).toBe(0);
    const stamp = readFileSync(join(root, 'dist', 'BUILT'), 'utf8');
    expect(ipclab(root, '--version').status).toBe(0);
    expect(readFileSync(join(root, 'dist', 'BUILT'), 'utf8')).toBe(stamp);
  });
});
