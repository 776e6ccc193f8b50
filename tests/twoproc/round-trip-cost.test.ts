// What each round of the parent-child exchange pays for beside its signals (bench (e),
// `npm run bench`: the round trip against C's). Work that does not change from round to
// round is done once: a wait ended by a signal costs one promise, however many wake-ups
// it took, and the trace's record of a kill() adds little to the call (no table walked).
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import * as sys from '../../src/native/index.js';
import { formatSignal } from '../../src/native/format.js';
import { packageRoot } from '../../src/paths.js';

const ROOT = packageRoot();

// Counted in a Node process of its own: in the test's worker, vitest's own promises fall
// into any window that spans an event-loop turn.
const COUNT = `
import { createHook } from 'node:async_hooks';
import { Wakeups } from './src/proto/wakeups.ts';
let made = 0;
const hook = createHook({ init(_id, type) { if (type === 'PROMISE') made += 1; } });
/** promises made from start() until what it returns settles (with this await's own) */
async function count(start) {
  made = 0;
  hook.enable();
  await start();
  hook.disable();
  return made;
}
// the yardstick: one promise, resolved from a callback
const one = await count(() => new Promise((resolve) => setImmediate(resolve)));
const wake = new Wakeups(['SIGUSR2']);
// one round uncounted first: Node 24 makes promises of its own at the first signal it delivers
{
  const p = wake.until(() => wake.count('SIGUSR2') >= 1, () => {});
  process.kill(process.pid, 'SIGUSR2');
  await p;
}
const rounds = [];
for (let n = 2; n <= 4; n++) {
  rounds.push(await count(() => {
    const p = wake.until(() => wake.count('SIGUSR2') >= n, () => {});
    process.kill(process.pid, 'SIGUSR2');
    return p;
  }));
}
// woken twice at its 100 ms poll with the condition still false, then by the signal
const polled = await count(() => {
  const p = wake.until(() => wake.count('SIGUSR2') >= 5, () => {});
  setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 250);
  return p;
});
const signals = wake.count('SIGUSR2');
wake.close();
console.log(JSON.stringify({ one, rounds, polled, signals }));
`;

// A parent-child child run in this one process (it signals itself: parent = its own pid),
// 1 and 4 rounds, quiet (the bench's) and traced (a lesson's): what it hands emit.
const EMITTED = `
import * as sys from './src/native/index.ts';
import { Child } from './src/proto/child.ts';
import { Wakeups } from './src/proto/wakeups.ts';
const ids = [sys.shmget(sys.IPC_PRIVATE, 4096, 0o600).ret, sys.shmget(sys.IPC_PRIVATE, 4096, 0o600).ret];
const wake = new Wakeups(['SIGUSR2']);
const at = sys.shmat(ids[0]);
let sent = 0;
async function emitted(rounds, quiet) {
  const events = [];
  const child = new Child({ down: ids[0], up: ids[1], parent: process.pid, rounds, answer: false, quiet, emit: (e) => events.push(e) });
  const ran = child.run();
  for (let i = 1; i <= rounds; i++) {
    at.segment.writeText(0, 'ping');
    const acked = wake.count('SIGUSR2') + 1;
    process.kill(process.pid, 'SIGUSR1');
    await wake.until(() => wake.count('SIGUSR2') >= acked, () => {});
    sent += 1;
  }
  await ran;
  return events.map((e) => (e.type === 'phase' ? e.phase : e.type));
}
try {
  const out = {};
  for (const quiet of [true, false]) for (const rounds of [1, 4]) out[(quiet ? 'quiet' : 'traced') + rounds] = await emitted(rounds, quiet);
  console.log(JSON.stringify({ ...out, sent }));
} finally {
  sys.shmdt(at.segment);
  for (const id of ids) sys.shmctlRmid(id);
  wake.close();
}
`;

describe('the round trip\'s own work per round', () => {
  it('the bench\'s (quiet) child builds no trace line per round: it would drop them all but "ready" and "done"', () => {
    const env = { ...process.env, TSX_DISABLE_CACHE: '1' };
    const ran = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', EMITTED], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout) as Record<'quiet1' | 'quiet4' | 'traced1' | 'traced4', string[]> & { sent: number };
    expect(out.sent).toBe(10);
    // a lesson's child reports each round (the yardstick: the test can tell the two apart)
    expect(out.traced4.length).toBeGreaterThan(out.traced1.length);
    expect(out.traced1).toEqual(expect.arrayContaining(['woken', 'read']));
    // the quiet child hands emit the same with 4 rounds as with 1: nothing per round
    expect(out.quiet4, 'what a quiet child of 4 rounds emitted').toEqual(out.quiet1);
    expect(out.quiet1).toEqual(expect.arrayContaining(['ready', 'done']));
    expect(out.quiet1).not.toContain('woken');
  });

  it('a wait ended by a signal costs no more promises than one promise does, however many wake-ups it took', () => {
    // no disk cache: tsx expires its cache directory's entries in the background, a promise
    // or more per file (thousands in a used /tmp), which fell into the counted windows in CI
    const env = { ...process.env, TSX_DISABLE_CACHE: '1' };
    const ran = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', COUNT], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    const { one, rounds, polled, signals } = JSON.parse(ran.stdout) as { one: number; rounds: number[]; polled: number; signals: number };
    expect(signals).toBe(5);
    for (const made of [...rounds, polled]) expect(made, `promises made by an until() (3 woken by a signal, then one woken at two polls first): ${[...rounds, polled]}; one promise's: ${one}`).toBeLessThanOrEqual(one);
  });

  it('the trace\'s record of a kill() walks no table to name its signal (it cost ~6 µs a call, each round two)', () => {
    const pid = process.pid;
    // a scan of Node's table, first name first, as signalName did at every call
    const scan = (sig: number) => Object.entries(constants.signals).find(([, v]) => v === sig)?.[0] ?? String(sig);
    const asked = [sys.SIGUSR1, sys.SIGUSR2, sys.SIGCONT, constants.signals.SIGABRT, constants.signals.SIGIO, 99];
    const expected = asked.map(scan);
    expect(expected.slice(3)).toEqual(['SIGABRT', 'SIGIO', '99']); // not SIGIOT, not SIGPOLL
    // the spies watch only our calls: vitest's own (expect's deep equality) come after
    const walks = [vi.spyOn(Object, 'entries'), vi.spyOn(Object, 'keys'), vi.spyOn(Object, 'values')];
    const named: string[][] = [];
    const traced: string[] = [];
    let calls: number[];
    try {
      for (let round = 0; round < 100; round++) named.push(asked.map(formatSignal));
      // SIGCONT to ourselves: delivered, and no one's business (a running process goes on)
      for (let round = 0; round < 100; round++) traced.push(sys.kill(pid, sys.SIGCONT).c);
    } finally {
      calls = walks.map((walk) => walk.mock.calls.length);
      for (const walk of walks) walk.mockRestore();
    }
    expect(calls, 'Object.entries, keys and values called while naming 700 signals').toEqual([0, 0, 0]);
    expect(new Set(named.map((n) => n.join()))).toEqual(new Set([expected.join()]));
    expect(new Set(traced)).toEqual(new Set([`kill(${pid}, SIGCONT)`]));
  });
});
