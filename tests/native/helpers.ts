// Shared helpers of the native-layer tests: real child processes (ipclab fixtures
// under tsx, C programs compiled with cc), polling with deadlines, kernel lookups.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { makeTempDir } from '../../src/native/ownership.js';

export const ROOT = packageRoot();
const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(check: () => T, what: string, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first line a child prints on stdout (rejects if it exits first or the deadline passes). */
export function firstLine(child: ChildProcess, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    const rl = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no output within ${ms} ms; stderr: ${err}`)), ms);
    rl.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before its first line; stderr: ${err}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const started = new Set<ChildProcess>();

/** Ends every child a test started that still runs: SIGTERM (so an ipclab fixture
 *  removes its segments), SIGKILL after a grace period; waits for each. */
export async function reapChildren(): Promise<void> {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(timer);
  }
  started.clear();
}

export interface OwnerRun {
  child: ChildProcess;
  pid: number;
  ids: number[];
}

/** Starts tests/fixtures/owner.ts (an ipclab process with COUNT segments) and waits until it is ready. */
export async function startOwner(stateHome: string, count: number, attach = false): Promise<OwnerRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, 'owner.ts'), String(count), ...(attach ? ['attach'] : [])], {
    cwd: ROOT,
    env: { ...process.env, XDG_STATE_HOME: stateHome },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.add(child);
  const ready = JSON.parse(await firstLine(child)) as { pid: number; ids: number[] };
  return { child, pid: ready.pid, ids: ready.ids };
}

/** Runs ipclab's command line from src/ in its own process. */
export function runCli(args: string[], stateHome?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(FIXTURES, 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(stateHome ? { XDG_STATE_HOME: stateHome } : {}) },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let ccChecked: boolean | undefined;
export function haveCc(): boolean {
  return (ccChecked ??= spawnSync('cc', ['--version']).status === 0);
}

const compiled = new Map<string, string>();

/** Compiles tests/fixtures/NAME.c into a temp folder (once per test file); the binary's path. */
export function compileFixture(name: string): string {
  let bin = compiled.get(name);
  if (!bin) {
    bin = join(tempDir('ipclab-cc-'), name);
    execFileSync('cc', ['-O0', '-Wall', '-o', bin, join(FIXTURES, `${name}.c`)]);
    compiled.set(name, bin);
  }
  return bin;
}

export interface Holder {
  child: ChildProcess;
  shmid: number;
  /** closes its stdin: it detaches, removes the segment and exits */
  stop(): Promise<void>;
}

/** A segment made and held by a C program (not ipclab). */
export async function startHolder(key: number, size: number): Promise<Holder> {
  const child = spawn(compileFixture('holder'), [key.toString(16), String(size)], { stdio: ['pipe', 'pipe', 'pipe'] });
  started.add(child);
  const shmid = Number(await firstLine(child));
  return {
    child,
    shmid,
    async stop() {
      child.stdin!.end();
      await exited(child);
    },
  };
}

/** A key no segment uses now, in a range ipclab never derives from (random low bits). */
export function foreignKey(): number {
  for (;;) {
    const key = (0x1e000000 | Math.floor(Math.random() * 0xffffff)) >>> 0;
    if (!shmRowByKey(key)) return key;
  }
}

export interface ProcRow {
  key: number;
  shmid: number;
  perms: number;
  size: number;
  cpid: number;
  lpid: number;
  nattch: number;
  atime: number;
  dtime: number;
  ctime: number;
}

/** The rows of /proc/sysvipc/shm, read here independently of src/native. */
export function procShm(): ProcRow[] {
  const [, ...lines] = readFileSync('/proc/sysvipc/shm', 'utf8').trim().split('\n');
  return lines.map((line) => {
    const f = line.trim().split(/\s+/);
    return {
      key: Number(f[0]) >>> 0,
      shmid: Number(f[1]),
      perms: parseInt(f[2], 8),
      size: Number(f[3]),
      cpid: Number(f[4]),
      lpid: Number(f[5]),
      nattch: Number(f[6]),
      atime: Number(f[11]),
      dtime: Number(f[12]),
      ctime: Number(f[13]),
    };
  });
}

export function shmRow(shmid: number): ProcRow | undefined {
  return procShm().find((r) => r.shmid === shmid);
}

export function shmRowByKey(key: number): ProcRow | undefined {
  return procShm().find((r) => r.key === key);
}

const tempDirs: string[] = [];
// a test file's folders go when it ends (a failed test's too)
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder named `prefix…`, made as ipclab makes its own (src/native/ownership.ts
 *  makeTempDir: recorded first in this process's journal, so should the test process be killed
 *  (kill -9, no afterAll) `ipclab clean` and the run's teardown (tests/global-setup.ts) remove
 *  it), but not in the set this process's exit removes: this file's afterAll removes it, and
 *  the cleanup tests count only the folders they made. */
export function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix, { exitRemoves: false });
  tempDirs.push(dir);
  return dir;
}

export const hasLsipc = () => spawnSync('lsipc', ['--version']).status === 0;
