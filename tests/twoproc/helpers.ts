// Helpers of the two-process tests: real ipclab and C processes with private
// rendezvous paths, output collected as it comes, polling with deadlines.
import { expect } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as native from '../../src/native/index.js';
import { packageRoot } from '../../src/paths.js';
import { tempDir as recordedTempDir } from '../native/helpers.js';
import { OFF } from '../../src/proto/layout.js';

export const ROOT = packageRoot();
export const BIN = join(ROOT, 'bin', 'ipclab.mjs');

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(check: () => T, what: string, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  stdout(): Buffer;
  stderr(): string;
  /** exit code, or 128+n when killed by signal n */
  done: Promise<number>;
}

const started = new Set<ChildProcess>();

export function start(command: string, args: string[], opts: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Proc {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  started.add(child);
  const out: Buffer[] = [];
  let err = '';
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  const done = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? 128 + constants.signals[signal!])),
  );
  return { child, pid: child.pid!, stdout: () => Buffer.concat(out), stderr: () => err, done };
}

export function ipclab(args: string[], opts: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Proc {
  return start(process.execPath, [BIN, ...args], opts);
}

/** Ends whatever a test left running (SIGKILL: a test that gets here has failed already). */
export async function reap(): Promise<void> {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
    }
  }
  started.clear();
}

/** A private folder with the rendezvous path in it. */
export function tempPath(): { dir: string; path: string; remove(): void } {
  // recorded, so a killed test process's folder is still removed (tests/native/helpers.ts)
  const dir = recordedTempDir('ipclab-twoproc-');
  return { dir, path: join(dir, 'rendezvous'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The segment at ftok(path, 'S') as the kernel lists it, if any. */
export function segmentAt(path: string): native.SegmentRecord | undefined {
  const key = native.ftok(path, 'S'.charCodeAt(0));
  if (key.errno) return undefined;
  return native.readSegments().find((s) => s.key === native.formatKey(key.ret as number));
}

/** Waits until a server (ipclab's or the C one) says it is ready; returns its segment's shmid. */
export async function readyShmid(server: Proc, path: string, what = 'the server to be ready'): Promise<number> {
  await waitFor(() => /ready/.test(server.stderr()), what);
  return segmentAt(path)!.shmid;
}

/** Puts `pid` into client_pid with a client's compare-and-swap; returns what was there (0: it took). */
export function claimClientPid(shmid: number, pid: number): number {
  const { segment } = native.shmat(shmid);
  const found = segment!.compareExchangeInt32(OFF.client_pid, 0, pid);
  native.shmdt(segment!);
  return found;
}

/** A ready server that finds -1 in client_pid must exit 1 without calling kill() (a pid
 *  below 1 names a process group) and remove its segment. */
export async function expectNegativeClientPidRefused(server: Proc, path: string, what: string): Promise<void> {
  expect(claimClientPid(await readyShmid(server, path, what), -1)).toBe(0);
  expect(await server.done).toBe(1);
  expect(server.stderr()).toContain('rv->client_pid is -1, not a process');
  expect(server.stderr()).not.toContain('kill(');
  expect(segmentAt(path)).toBeUndefined();
}

export const HAS_CC = spawnSync('cc', ['--version']).status === 0;

/** Compiles examples/c/NAME.c into `dir` with every warning an error; returns the binary. */
export function compileC(name: string, dir: string): string {
  const out = join(dir, name);
  const r = spawnSync('cc', ['-Wall', '-Wextra', '-Werror', '-O2', '-o', out, join(ROOT, 'examples', 'c', `${name}.c`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cc ${name}.c failed:\n${r.stderr}`);
  return out;
}
