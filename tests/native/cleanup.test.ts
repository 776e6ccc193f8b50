// Ownership and cleanup with real processes and real signals: an ipclab process
// removes its segments on every way out; `clean` removes what a SIGKILLed one left,
// and nothing else.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CREAT, IPC_EXCL, cleanupNow, shmctlRmid, shmget, type OwnedRecord } from '../../src/native/index.js';
import { readJournal } from '../../src/native/registry.js';
import { exited, foreignKey, haveCc, procShm, reapChildren, runCli, shmRow, startHolder, startOwner, tempDir, type OwnerRun } from './helpers.js';

afterEach(async () => {
  await reapChildren();
  cleanupNow();
});

function journalFiles(state: string): string[] {
  const dir = join(state, 'ipclab', 'runs');
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.jsonl')).map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/** The segments the journals in `state` name. */
function owned(state: string): OwnedRecord[] {
  return journalFiles(state).flatMap((file) => readJournal(file)?.segments ?? []);
}

/** The segments a process created that are still in the kernel. */
function leftBy(pid: number): number[] {
  return procShm().filter((r) => r.cpid === pid).map((r) => r.shmid);
}

/** A segment that is not ipclab's: held by a C program, or made here without a record in `state`. */
async function unrelatedSegment(): Promise<{ shmid: number; stop(): Promise<void> }> {
  if (haveCc()) return startHolder(foreignKey(), 4096);
  const shmid = shmget(foreignKey(), 4096, IPC_CREAT | IPC_EXCL | 0o600).ret as number;
  return { shmid, stop: async () => void shmctlRmid(shmid) };
}

/** Removes what a test left on purpose (only segments the given process created). */
function removeLeftovers(run: OwnerRun): void {
  for (const shmid of leftBy(run.pid)) shmctlRmid(shmid);
}

describe('an ipclab process removes its segments on the way out', () => {
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`on ${sig}: nothing left in the kernel or the registry, ended by ${sig} (a shell sees 128+n)`, async () => {
      const state = tempDir('ipclab-state-');
      const run = await startOwner(state, 3, true);
      expect(run.ids).toHaveLength(3);
      expect(leftBy(run.pid).sort()).toEqual([...run.ids].sort());
      expect(owned(state).map((r) => r.shmid).sort()).toEqual([...run.ids].sort());
      run.child.kill(sig);
      expect(await exited(run.child)).toEqual({ code: null, signal: sig });
      expect(leftBy(run.pid)).toEqual([]);
      expect(journalFiles(state)).toEqual([]);
    });
  }

  it('on an uncaught error (exit 1) and on a normal end (exit 0)', async () => {
    const state = tempDir('ipclab-state-');
    const failing = await startOwner(state, 2, true);
    const ending = await startOwner(state, 2, true);
    failing.child.stdin!.write('throw\n');
    ending.child.stdin!.write('exit\n');
    let stderr = '';
    failing.child.stderr!.on('data', (d) => (stderr += d));
    expect(await exited(failing.child)).toEqual({ code: 1, signal: null });
    expect(await exited(ending.child)).toEqual({ code: 0, signal: null });
    expect(stderr).toMatch(/uncaught on purpose/);
    expect(leftBy(failing.pid)).toEqual([]);
    expect(leftBy(ending.pid)).toEqual([]);
    expect(owned(state)).toEqual([]);
    expect(journalFiles(state)).toEqual([]);
  });

  it('keeps every record when several processes record at once', async () => {
    const state = tempDir('ipclab-state-');
    const runs = await Promise.all(Array.from({ length: 6 }, () => startOwner(state, 8)));
    const records = owned(state);
    expect(records).toHaveLength(48);
    for (const run of runs) {
      expect(records.filter((r) => r.pid === run.pid).map((r) => r.shmid).sort()).toEqual([...run.ids].sort());
    }
    for (const run of runs) run.child.kill('SIGTERM');
    for (const run of runs) expect((await exited(run.child)).signal).toBe('SIGTERM');
    expect(journalFiles(state)).toEqual([]);
    for (const run of runs) expect(leftBy(run.pid)).toEqual([]);
  });
});

describe('ipclab clean', () => {
  it('--dry-run does not list as kept what a live run already removed some other way; says it in Chinese too', async () => {
    const state = tempDir('ipclab-state-');
    const live = await startOwner(state, 2);
    const [gone, still] = live.ids;
    // removed behind the run's back, as `ipcrm -m` does in the overview lesson
    expect(shmctlRmid(gone).errno).toBeNull();
    const dry = runCli(['clean', '--dry-run'], state);
    expect(dry.stdout).toMatch(new RegExp(`^kept +shmid ${still} `, 'm'));
    expect(dry.stdout).not.toMatch(new RegExp(`shmid ${gone} `));
    const zh = runCli(['clean', '--dry-run', '--lang', 'zh'], state);
    expect(zh.stdout).toMatch(new RegExp(`^保留 +shmid ${still} .*ipclab 进程 ${live.pid} 仍在运行`, 'm'));
    expect(zh.stdout).toContain('（演习：什么也没删除；去掉 --dry-run 才会删除）');
    live.child.kill('SIGTERM');
    await exited(live.child);
    expect(leftBy(live.pid)).toEqual([]);
  });

  it('removes exactly what a SIGKILLed run left; keeps a live run and an unrelated segment', async () => {
    const state = tempDir('ipclab-state-');
    const unrelated = await unrelatedSegment();
    const killed = await startOwner(state, 3, true);
    const live = await startOwner(state, 2);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    expect(leftBy(killed.pid).sort()).toEqual([...killed.ids].sort());

    const dry = runCli(['clean', '--dry-run'], state);
    expect(dry.code, dry.stderr).toBe(0);
    for (const shmid of killed.ids) expect(dry.stdout).toMatch(new RegExp(`^would remove +shmid ${shmid} .*process ${killed.pid} is gone`, 'm'));
    for (const shmid of live.ids) expect(dry.stdout).toMatch(new RegExp(`^kept +shmid ${shmid} .*${live.pid} is still running`, 'm'));
    expect(dry.stdout).toMatch(/dry run/);
    expect(leftBy(killed.pid).sort()).toEqual([...killed.ids].sort());
    expect(owned(state)).toHaveLength(5);

    const real = runCli(['clean'], state);
    expect(real.code, real.stderr).toBe(0);
    for (const shmid of killed.ids) expect(real.stdout).toMatch(new RegExp(`^removed +shmid ${shmid} `, 'm'));
    expect(leftBy(killed.pid)).toEqual([]);
    expect(leftBy(live.pid).sort()).toEqual([...live.ids].sort());
    expect(shmRow(unrelated.shmid)).toBeDefined();
    expect(owned(state).map((r) => r.pid)).toEqual([live.pid, live.pid]);

    live.child.kill('SIGTERM');
    await exited(live.child);
    expect(leftBy(live.pid)).toEqual([]);
    await unrelated.stop();
    expect(runCli(['clean'], state).stdout).toMatch(/nothing to clean/);
  });

  it('leaves an id alone when it no longer names the recorded object, and still removes what the run made', async () => {
    const state = tempDir('ipclab-state-');
    const unrelated = await unrelatedSegment();
    const killed = await startOwner(state, 3);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    try {
      const [file] = journalFiles(state);
      const [movedCtime, otherCpid] = owned(state);
      // records that no longer match their segments (a later ctime, another creator),
      // and an old record whose id the kernel has since given to the unrelated segment
      const row = shmRow(unrelated.shmid)!;
      const lines = [
        { t: 'shm', shmid: movedCtime.shmid, key: movedCtime.key, ctime: movedCtime.ctime + 1000, cpid: movedCtime.cpid },
        { t: 'shm', shmid: otherCpid.shmid, key: otherCpid.key, ctime: otherCpid.ctime, cpid: otherCpid.cpid + 1 },
        { t: 'shm', shmid: unrelated.shmid, key: 0, ctime: row.ctime - 100, cpid: killed.pid },
      ];
      appendFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

      const result = runCli(['clean'], state);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^kept +shmid ${unrelated.shmid} .*another segment`, 'm'));
      expect(shmRow(unrelated.shmid)).toBeDefined();
      // the two whose records no longer match were still made by the gone run: its creator pid says so
      for (const shmid of [movedCtime.shmid, otherCpid.shmid]) {
        expect(result.stdout).toMatch(new RegExp(`^removed +shmid ${shmid} .*made by ipclab process ${killed.pid}`, 'm'));
      }
      expect(leftBy(killed.pid)).toEqual([]);
      // the journal is gone: a second clean has nothing to say
      expect(journalFiles(state)).toEqual([]);
      expect(runCli(['clean'], state).stdout).toMatch(/nothing to clean/);
    } finally {
      removeLeftovers(killed);
      await unrelated.stop();
    }
    expect(shmRow(unrelated.shmid)).toBeUndefined();
  });

  it('forgets records whose segment is already gone', async () => {
    const state = tempDir('ipclab-state-');
    const killed = await startOwner(state, 2);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    removeLeftovers(killed);
    const result = runCli(['clean'], state);
    for (const shmid of killed.ids) expect(result.stdout).toMatch(new RegExp(`^forgotten +shmid ${shmid} .*already gone`, 'm'));
    expect(owned(state)).toEqual([]);
  });
});
