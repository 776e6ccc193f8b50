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
// 1 and 5 rounds, quiet (the bench's) and traced (a lesson's): what it hands emit, and the
// promises made per round, against the same rounds answered by a bare listener (kill at once).
const EMITTED = `
import { createHook } from 'node:async_hooks';
import * as sys from './src/native/index.ts';
import { Child } from './src/proto/child.ts';
import { Wakeups } from './src/proto/wakeups.ts';
let made = 0;
const hook = createHook({ init(_id, type) { if (type === 'PROMISE') made += 1; } });
const ids = [sys.shmget(sys.IPC_PRIVATE, 4096, 0o600).ret, sys.shmget(sys.IPC_PRIVATE, 4096, 0o600).ret];
const wake = new Wakeups(['SIGUSR2']);
const at = sys.shmat(ids[0]);
let sent = 0;
/** the parent's side: n rounds of write, SIGUSR1, wait for SIGUSR2 */
async function rounds(n) {
  for (let i = 1; i <= n; i++) {
    at.segment.writeText(0, 'ping');
    const acked = wake.count('SIGUSR2') + 1;
    process.kill(process.pid, 'SIGUSR1');
    await wake.until(() => wake.count('SIGUSR2') >= acked, () => {});
    sent += 1;
  }
}
async function counted(run) {
  made = 0;
  hook.enable();
  await run();
  hook.disable();
  return made;
}
async function child(n, quiet) {
  const events = [];
  const made = await counted(() => {
    const ran = new Child({ down: ids[0], up: ids[1], parent: process.pid, rounds: n, answer: false, quiet, emit: (e) => events.push(e) }).run();
    return rounds(n).then(() => ran);
  });
  return { made, emitted: events.map((e) => (e.type === 'phase' ? e.phase : e.type)) };
}
async function bare(n) {
  const answer = () => process.kill(process.pid, 'SIGUSR2');
  process.on('SIGUSR1', answer);
  try {
    return await counted(() => rounds(n));
  } finally {
    process.off('SIGUSR1', answer);
  }
}
try {
  await child(1, true); // one uncounted: first runs make promises of their own
  const out = {};
  for (const quiet of [true, false]) for (const n of [1, 5]) out[(quiet ? 'quiet' : 'traced') + n] = await child(n, quiet);
  const bare1 = await bare(1);
  const bare5 = await bare(5);
  console.log(JSON.stringify({ ...out, bareRound: (bare5 - bare1) / 4, sent }));
} finally {
  sys.shmdt(at.segment);
  for (const id of ids) sys.shmctlRmid(id);
  wake.close();
}
`;

describe('the round trip\'s own work per round', () => {
  it('the bench\'s (quiet) child builds no trace line per round, and its wait costs no promise beyond the wait\'s own', () => {
    const env = { ...process.env, TSX_DISABLE_CACHE: '1' };
    const ran = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', EMITTED], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    type Run = { made: number; emitted: string[] };
    const out = JSON.parse(ran.stdout) as Record<'quiet1' | 'quiet5' | 'traced1' | 'traced5', Run> & { bareRound: number; sent: number };
    expect(out.sent).toBe(1 + 12 + 6);
    // a lesson's child reports each round (the yardstick: the test can tell the two apart)
    expect(out.traced5.emitted.length).toBeGreaterThan(out.traced1.emitted.length);
    expect(out.traced1.emitted).toEqual(expect.arrayContaining(['woken', 'read']));
    // the quiet child hands emit the same with 5 rounds as with 1: nothing per round
    expect(out.quiet5.emitted, 'what a quiet child of 5 rounds emitted').toEqual(out.quiet1.emitted);
    expect(out.quiet1.emitted).toEqual(expect.arrayContaining(['ready', 'done']));
    expect(out.quiet1.emitted).not.toContain('woken');
    // per round, the parent's side alone (a bare listener answers) makes bareRound promises: its
    // until() and the await on it; the quiet child's wait is the same until() and await, no more
    // (an async waitFor around it made two more a round)
    const quietRound = (out.quiet5.made - out.quiet1.made) / 4;
    expect(out.bareRound).toBeGreaterThan(0);
    expect(quietRound - out.bareRound, `promises a round: ${quietRound} with the quiet child, ${out.bareRound} with a bare listener`).toBeLessThanOrEqual(out.bareRound);
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
