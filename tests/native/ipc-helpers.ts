// Helpers of the queue and semaphore tests: a second process making native calls
// (tests/fixtures/ipc-calls.ts), optionally as the unprivileged uid nobody, and the
// kernel's own view of queues and sets read here independently of src/native.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, exited, tempDir, waitFor } from './helpers.js';

export const NOBODY = 65534;

export interface Caller {
  child: ChildProcess;
  pid: number;
  /** every JSON line so far: {calling, pid} before each call, the result after */
  lines: Record<string, unknown>[];
  /** the result of the nth call (0-based), once it returned */
  result(n: number, what?: string, ms?: number): Promise<Record<string, unknown>>;
  /** resolves when the nth call has been entered (its "calling" line) */
  calling(n: number): Promise<void>;
}

const callers = new Set<ChildProcess>();

/** Starts a process that makes `calls` in order; as `uid` (and its gid) when given. */
export async function startCaller(calls: unknown[][], uid?: number): Promise<Caller> {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_DISABLE_CACHE: '1' };
  if (uid !== undefined) {
    // a state folder the other uid can write its journal in; removed with the test's folders
    const state = tempDir('ipclab-ipc-state-');
    chmodSync(state, 0o777);
    Object.assign(env, { XDG_STATE_HOME: state, HOME: state });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'fixtures', 'ipc-calls.ts'), JSON.stringify(calls)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  callers.add(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const lines: Record<string, unknown>[] = [];
  let closed = false;
  createInterface({ input: child.stdout! })
    .on('line', (l) => lines.push(JSON.parse(l)))
    .on('close', () => (closed = true));
  const nth = (n: number, key: 'calling' | 'result') => {
    const seen = lines.filter((l) => (key === 'calling') === ('calling' in l));
    return seen[n];
  };
  const first = await waitFor(() => nth(0, 'calling') ?? (closed ? { failed: stderr } : null), 'the caller to start', 20_000);
  if ('failed' in first) throw new Error(`the caller ended before its first call: ${String(first.failed)}`);
  return {
    child,
    pid: Number(first.pid),
    lines,
    result: (n, what = `result ${n}`, ms = 10_000) =>
      waitFor(() => {
        const found = nth(n, 'result');
        if (found || !closed) return found;
        throw new Error(`the caller ended before ${what}: ${stderr}`);
      }, what, ms),
    calling: async (n) => void (await waitFor(() => nth(n, 'calling'), `call ${n} to be entered`)),
  };
}

/** Kills every caller still running and waits for each. */
export async function reapCallers(): Promise<void> {
  for (const child of callers) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  }
  callers.clear();
}

// the system call numbers /proc/PID/syscall shows first while a process waits in one
const MSGRCV: Partial<Record<NodeJS.Architecture, number>> = { x64: 70, arm64: 188 };

/** True while `pid`'s main thread waits inside msgrcv. */
export function inMsgrcv(pid: number): boolean {
  try {
    return Number(readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]) === MSGRCV[process.arch];
  } catch {
    return false;
  }
}

/** /proc/sysvipc/msg or sem rows by their header names, read here independently of src/native. */
export function procRows(kind: 'msg' | 'sem'): Record<string, number>[] {
  const [header, ...lines] = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n');
  const names = header.trim().split(/\s+/);
  return lines.filter(Boolean).map((l) => {
    const cells = l.trim().split(/\s+/);
    return Object.fromEntries(names.map((n, i) => [n, n === 'perms' ? parseInt(cells[i], 8) : Number(cells[i])]));
  });
}

/** A key no queue or set uses now, in a range ipclab never derives from. */
export function freeKey(): number {
  for (;;) {
    const key = (0x1d000000 | Math.floor(Math.random() * 0xfffffe)) >>> 0;
    if (![...procRows('msg'), ...procRows('sem')].some((r) => r.key >>> 0 === key || r.key >>> 0 === key + 1)) return key;
  }
}
