// Shows what the kernel does to a forbidden access without risking ipclab itself:
// a throw-away Node process attaches the segment and makes the raw access, and we
// report how it died. It loads koffi from ipclab's own node_modules, so it works
// from src/ (tsx, vitest) and from the dist/ bundle alike.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { trackChild } from './cleanup.js';
import { SHM_RDONLY } from './constants.js';
import { fromMonotonic, now } from './clock.js';
import type { CallRecord, ChildDeath } from './types.js';

export type CrashOp = 'write-rdonly' | 'use-after-detach';

// Plain CommonJS run with `node -e`; argv: package.json, shmid, op, SHM_RDONLY.
const SCRIPT = String.raw`
const { createRequire } = require('node:module');
const koffi = createRequire(process.argv[1])('koffi');
const libc = koffi.load('libc.so.6');
const shmat = libc.func('void *shmat(int, void *, int)');
const shmdt = libc.func('int shmdt(void *)');
const setrlimit = libc.func('int setrlimit(int, void *)');
const shmid = Number(process.argv[2]), op = process.argv[3], SHM_RDONLY = Number(process.argv[4]);
setrlimit(4, Buffer.alloc(16)); // RLIMIT_CORE = 0: the crash is the lesson, not a core file
const ptr = shmat(shmid, null, op === 'write-rdonly' ? SHM_RDONLY : 0);
const address = BigInt.asUintN(64, koffi.address(ptr));
if (address === BigInt.asUintN(64, -1n)) { process.stderr.write('shmat failed: errno ' + koffi.errno() + '\n'); process.exit(3); }
const ms = () => String(Number(process.hrtime.bigint()) / 1e6);
process.stdout.write('0x' + address.toString(16) + ' ' + ms() + '\n');
const bytes = new Uint8Array(koffi.view(ptr, 1));
// 'access <ms>': stamped (and written, a pipe write is synchronous) just before the access
if (op === 'write-rdonly') {
  process.stdout.write('access ' + ms() + '\n');
  bytes[0] = bytes[0];
} else {
  const at = ms();
  if (shmdt(ptr) !== 0) process.exit(4);
  process.stdout.write('shmdt ' + at + '\n');
  process.stdout.write('access ' + ms() + '\n');
  process.stdout.write(String(bytes[0]) + '\n');
}
process.exit(0);
`;

const TIMEOUT_MS = 15_000;

/** The child's own calls, from the lines it printed: each at the time it stamped on it
 *  (CLOCK_MONOTONIC, which Node's hrtime reads too, moved onto the trace's clock), so a
 *  trace sorted by time shows its shmat before its death, however late the pipe delivers. */
function childCalls(out: string, pid: number, shmid: number, op: CrashOp): CallRecord[] {
  const call = (name: string, c: string, ret: number | string, ms: string): CallRecord => ({ type: 'call', pid, call: name, c, ret, errno: null, message: null, at: fromMonotonic(Number(ms)) });
  const attach = /^(0x[0-9a-f]+) ([\d.]+)$/m.exec(out);
  const detach = /^shmdt ([\d.]+)$/m.exec(out);
  if (!attach) return [];
  return [
    call('shmat', `shmat(${shmid}, NULL, ${op === 'write-rdonly' ? 'SHM_RDONLY' : '0'})`, attach[1], attach[2]),
    ...(detach ? [call('shmdt', `shmdt(${attach[1]})`, 0, detach[1])] : []),
  ];
}

/** When the child said it was about to make the forbidden access (its 'access' line), on
 *  the trace's clock; null if it died or failed before it. */
function accessAt(out: string): number | null {
  const line = /^access ([\d.]+)$/m.exec(out);
  return line ? fromMonotonic(Number(line[1])) : null;
}

/** Runs the forbidden access in a child process; resolves to how it ended
 *  (signal 'SIGSEGV' is what the kernel does), its pid, the address it attached at,
 *  the calls it made before the access, when it began the access (`accessAt`) and when
 *  it was started (for the trace). */
export function crashInChild(opts: { shmid: number; op: CrashOp }): Promise<ChildDeath & { pid: number; address: string | null; calls: CallRecord[]; accessAt: number | null; spawnedAt: number }> {
  const spawnedAt = now();
  const child = spawn(process.execPath, ['-e', SCRIPT, join(packageRoot(), 'package.json'), String(opts.shmid), opts.op, String(SHM_RDONLY)], {
    cwd: tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.resume();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const address = /^0x[0-9a-f]+/m.exec(out)?.[0] ?? null;
      const pid = child.pid ?? -1;
      resolve({ signal, code, pid, address, calls: childCalls(out, pid, opts.shmid, opts.op), accessAt: accessAt(out), spawnedAt });
    });
  });
}
