// Tries calls on a segment as a process of its own, possibly as another user: the
// permission checks of shmat and shmctl apply to the calling process's uid, and root's
// CAP_IPC_OWNER skips the mode check altogether, so to show EACCES while ipclab runs as
// root the attempt is made by a throw-away Node child that Node's spawn drops to `uid`
// (setgroups, setgid, setuid before exec). Like crash.ts it loads koffi from ipclab's own
// node_modules; each call is reported as a line of JSON.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { trackChild } from './cleanup.js';
import { IPC_RMID, SHM_RDONLY } from './constants.js';
import { errnoMessage, errnoName } from './errno.js';

/** 'rw': shmat(id, NULL, 0) then shmdt when it worked; 'rdonly': the same with SHM_RDONLY; 'rmid': shmctl(id, IPC_RMID, NULL). */
export type AttemptOp = 'rw' | 'rdonly' | 'rmid';

export interface AttemptResult {
  /** the call in C syntax */
  c: string;
  /** the return value as C shows it: an address, 0, -1, '(void *) -1' */
  ret: string;
  errno: string | null;
  /** the C library's message for errno, '' after a success */
  message: string;
}

// Plain CommonJS run with `node -e`; argv: package.json, shmid, SHM_RDONLY, IPC_RMID, ops...
const SCRIPT = String.raw`
const { createRequire } = require('node:module');
const koffi = createRequire(process.argv[1])('koffi');
const libc = koffi.load('libc.so.6');
const shmat = libc.func('void *shmat(int, void *, int)');
const shmdt = libc.func('int shmdt(void *)');
const shmctl = libc.func('int shmctl(int, int, void *)');
const [shmid, SHM_RDONLY, IPC_RMID] = process.argv.slice(2, 5).map(Number);
// errno is read straight after each call: any later libc use (even by V8) may change it
const call = (fn, ...args) => { const value = fn(...args); return { value, errno: koffi.errno() }; };
const say = (c, ret, errno) => process.stdout.write(JSON.stringify({ c, ret: String(ret), errno }) + '\n');
for (const op of process.argv.slice(5)) {
  if (op === 'rmid') { const r = call(shmctl, shmid, IPC_RMID, null); say('shmctl(' + shmid + ', IPC_RMID, NULL)', r.value, r.value === -1 ? r.errno : null); continue; }
  const flags = op === 'rdonly' ? SHM_RDONLY : 0;
  const c = 'shmat(' + shmid + ', NULL, ' + (flags ? 'SHM_RDONLY' : '0') + ')';
  const r = call(shmat, shmid, null, flags);
  const address = BigInt.asUintN(64, koffi.address(r.value));
  if (address === BigInt.asUintN(64, -1n)) { say(c, '(void *) -1', r.errno); continue; }
  say(c, '0x' + address.toString(16), null);
  const d = call(shmdt, r.value);
  say('shmdt(0x' + address.toString(16) + ')', d.value, d.value !== 0 ? d.errno : null);
}
`;

const TIMEOUT_MS = 15_000;

/** Runs `ops` on `shmid` in a child, as `uid`/`gid` when given (ipclab must be root to
 *  give them). Resolves to its pid and its calls; `failure` says why it could not try
 *  (it could not start, or could not load koffi as that user). */
export function attemptAs(opts: { shmid: number; ops: AttemptOp[]; uid?: number; gid?: number }): Promise<{ pid: number; results: AttemptResult[]; failure: string | null }> {
  const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid ?? opts.uid };
  const child = spawn(process.execPath, ['-e', SCRIPT, join(packageRoot(), 'package.json'), String(opts.shmid), String(SHM_RDONLY), String(IPC_RMID), ...opts.ops], {
    cwd: tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...ids,
  });
  trackChild(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ pid: child.pid ?? -1, results: [], failure: e.message });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const results = out
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const r = JSON.parse(line) as { c: string; ret: string; errno: number | null };
          return { c: r.c, ret: r.ret, errno: r.errno === null ? null : errnoName(r.errno), message: r.errno === null ? '' : errnoMessage(r.errno) };
        });
      const failure = code === 0 ? null : `the child ended with ${signal ?? `exit code ${code}`}: ${err.trim().split('\n').pop() ?? ''}`;
      resolve({ pid: child.pid ?? -1, results, failure });
    });
  });
}
