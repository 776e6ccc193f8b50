// The bench's parent-child round trip: this process writes into an IPC_PRIVATE
// segment and sends SIGUSR1; a spawned Node child reads it and answers SIGUSR2.
// The same exchange in C (bench/pingpong.c, communicate_with_child.c's one way) is measured
// in the same run when a C compiler is installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sys from '../src/native/index.js';
import { packageRoot } from '../src/paths.js';
import { peerGone } from '../src/proto/liveness.js';
import { PeerProcess, describeExit } from '../src/proto/spawn.js';
import { Wakeups } from '../src/proto/wakeups.js';

export interface PingPong {
  /** microseconds per round trip, TypeScript parent and child (koffi) */
  tsMicros: number;
  /** the same in C; null when no C compiler is installed */
  cMicros: number | null;
}

function created(call: sys.CallRecord): number {
  if (call.errno) throw new Error(`${call.c} failed: ${call.errno} (${call.message})`);
  return call.ret as number;
}

async function tsRoundTrip(rounds: number): Promise<number> {
  const ids = [created(sys.shmget(sys.IPC_PRIVATE, 4096, 0o600)), created(sys.shmget(sys.IPC_PRIVATE, 4096, 0o600))];
  // listen before the child exists: it answers with SIGUSR2, which would kill us unheard
  const wake = new Wakeups(['SIGUSR2']);
  const peer = new PeerProcess({ role: 'child', down: ids[0], up: ids[1], parent: process.pid, rounds, answer: false, gated: false, quiet: true });
  let seg: sys.Segment | null = null;
  try {
    await peer.phase('ready');
    const at = sys.shmat(ids[0]);
    if (!at.segment) throw new Error(`${at.call.c} failed: ${at.call.errno}`);
    seg = at.segment;
    const t0 = performance.now();
    for (let i = 1; i <= rounds; i++) {
      seg.writeText(0, 'ping');
      sys.kill(peer.pid, sys.SIGUSR1);
      await wake.until(
        () => wake.count('SIGUSR2') >= i,
        () => {
          if (peerGone(peer.pid)) throw new Error(`the child ended (${peer.exit ? describeExit(peer.exit) : 'gone'}) after ${i - 1} rounds`);
        },
      );
    }
    const micros = ((performance.now() - t0) * 1000) / rounds;
    await peer.phase('done');
    return micros;
  } finally {
    if (seg?.attached) sys.shmdt(seg);
    await peer.stop();
    for (const id of ids) sys.shmctlRmid(id);
    wake.close(); // the child is gone: nobody can signal us now
  }
}

function cRoundTrip(rounds: number): number | null {
  if (spawnSync('cc', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ipclab-pingpong-'));
  try {
    const bin = join(dir, 'pingpong');
    const built = spawnSync('cc', ['-O2', '-o', bin, join(packageRoot(), 'bench', 'pingpong.c')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`cc bench/pingpong.c failed: ${built.stderr.trim()}`);
    const ran = spawnSync(bin, [String(rounds)], { encoding: 'utf8', timeout: 120_000 });
    const m = /round trips, ([\d.]+) us each/.exec(ran.stdout);
    if (ran.status !== 0 || !m) throw new Error(`bench/pingpong.c failed: ${ran.stderr.trim() || ran.stdout.trim()}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Round trips of the parent-child exchange, in TypeScript and in C, measured one after the other. */
export async function benchPingPong({ rounds }: { rounds: number }): Promise<PingPong> {
  const tsMicros = await tsRoundTrip(rounds);
  return { tsMicros, cMicros: cRoundTrip(rounds) };
}
