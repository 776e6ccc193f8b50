// kill -9 inside semget(IPC_PRIVATE): the set exists, its record does not. Key 0 names no
// one set and the kernel keeps no creator pid, so only the `private` line written before
// the call (src/native/ownership.ts beforeGet) lets `ipclab clean` find it: the first set
// made after that line, when it is key 0, the user's, unused, of those seconds, and named
// by no journal. The sets here have NSEMS semaphores, a count no other test uses, so what
// a test running beside this one makes is never counted nor removed here.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { raw } from '../../src/native/libc.js';
import { IPC_CREAT, IPC_PRIVATE, IPC_RMID } from '../../src/native/constants.js';
import { readIpcRows, readSysvipc } from '../../src/native/proc.js';
import { ROOT, exited, firstLine, reapChildren, runCli, tempDir } from '../native/helpers.js';
import { kernelNow, leftByRun } from '../global-setup.js';

const NSEMS = 13;
const NATIVE = join(ROOT, 'src', 'native', 'index.ts');

/** The semids of the key-0 sets of NSEMS semaphores: this file's. */
function markedSets(): number[] {
  return readSysvipc('sem')
    .filter((r) => r.key === 0 && r.nsems === NSEMS)
    .map((r) => r.semid)
    .sort((a, b) => a - b);
}

afterEach(async () => {
  await reapChildren();
  for (const id of markedSets()) raw.semctl(id, 0, IPC_RMID);
});

/** An ipclab process that makes and removes a set over and over, through src/native. */
function churn(state: string) {
  const code = `import { IPC_CREAT, IPC_PRIVATE, installCleanup, semctlRmid, semget } from ${JSON.stringify(NATIVE)};
installCleanup();
process.stdout.write('ready\\n');
for (;;) semctlRmid(semget(IPC_PRIVATE, ${NSEMS}, IPC_CREAT | 0o600).ret);`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, XDG_STATE_HOME: state }, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('kill -9 between semget(IPC_PRIVATE) and its record', () => {
  it('clean removes the set the killed call made (killed over and over until one kill lands there)', { timeout: 120_000 }, async () => {
    let landed = 0;
    let tries = 0;
    // each kill lands between the call and its record about one time in ten
    for (const deadline = Date.now() + 90_000; landed === 0 && Date.now() < deadline; tries++) {
      const state = tempDir('ipclab-state-');
      const child = churn(state);
      expect(await firstLine(child)).toBe('ready');
      await new Promise((r) => setTimeout(r, 5 + (tries % 7) * 5));
      child.kill('SIGKILL');
      await exited(child);
      const r = runCli(['clean'], state);
      expect(r.code, r.stderr).toBe(0);
      // the churn leaves at most one set, and clean must have removed it
      expect(markedSets(), `try ${tries}: clean said ${r.stdout}`).toEqual([]);
      if (/^removed +semid \d+ +key 0x00000000 .*made with IPC_PRIVATE by ipclab process \d+ \(gone\), killed before it could record it$/m.test(r.stdout)) landed++;
    }
    expect(landed, `${tries} kills`).toBeGreaterThan(0);
  });

  /** A gone run whose journal ends with the line written just before semget(IPC_PRIVATE). */
  async function killedInPrivateCall(): Promise<{ state: string; pid: number }> {
    const state = tempDir('ipclab-state-');
    const gone = spawn('true');
    await exited(gone);
    mkdirSync(join(state, 'ipclab', 'runs'), { recursive: true });
    const after = Math.max(-1, ...readIpcRows('sem').map((r) => r.id));
    const lines = [{ t: 'run', pid: gone.pid, start: 1 }, { t: 'private', kind: 'sem', since: Math.floor(Date.now() / 1000) - 1, after }];
    appendFileSync(join(state, 'ipclab', 'runs', `${gone.pid}-1.jsonl`), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    return { state, pid: gone.pid! };
  }

  const journalsIn = (state: string) => readdirSync(join(state, 'ipclab', 'runs')).filter((n) => n.endsWith('.jsonl'));

  it('the first set made after the line is the call’s and is removed; one made after it is another program’s and stays', async () => {
    const before = kernelNow();
    const { state, pid } = await killedInPrivateCall();
    // the call's set and a later one, straight through libc: neither is recorded anywhere
    const [own, other] = [raw.semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0o600).value, raw.semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0o600).value];
    expect(own >= 0 && other > own).toBe(true);
    // the test run's teardown counts it as left (tests/global-setup.ts), and only it
    expect(leftByRun(before, state).map((l) => l.text)).toEqual([`sem ${own} (made with IPC_PRIVATE by pid ${pid}, killed before its record)`]);
    const zh = runCli(['clean', '--dry-run', '--lang', 'zh'], state);
    expect(zh.stdout).toMatch(new RegExp(`^将删除 +semid ${own} +key 0x00000000 +由 ipclab 进程 ${pid}（已不在）用 IPC_PRIVATE 创建，它还没来得及记下就被杀掉了$`, 'm'));
    expect(markedSets()).toEqual([own, other]);
    const r = runCli(['clean'], state);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^removed +semid ${own} +key 0x00000000 +made with IPC_PRIVATE by ipclab process ${pid} \\(gone\\), killed before it could record it$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^left +semid ${other} .*ipcrm -s ${other}\\)$`, 'm'));
    expect(markedSets()).toEqual([other]);
    expect(journalsIn(state)).toEqual([]);
  });

  it('a used set is not the call’s (the run died before its semget): left alone, and the journal goes', async () => {
    const { state } = await killedInPrivateCall();
    const id = raw.semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0o600).value;
    // sem_otime set: a semop has been made on it, which the killed run never did
    const up = Buffer.alloc(6);
    up.writeInt16LE(1, 2);
    expect(raw.semop(id, up, 1).value).toBe(0);
    const r = runCli(['clean'], state);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^(removed|kept) +semid/m);
    expect(r.stdout).toMatch(new RegExp(`^left +semid ${id} `, 'm'));
    expect(markedSets()).toEqual([id]);
    expect(journalsIn(state)).toEqual([]);
  });
});

describe('clean from another state folder', () => {
  it('leaves a set a gone run recorded in another folder, says why and how to remove it; clean in that folder removes it', async () => {
    const [home, other] = [tempDir('ipclab-state-'), tempDir('ipclab-state-')];
    const gone = spawn('true');
    await exited(gone);
    const since = Math.floor(Date.now() / 1000) - 1;
    const id = raw.semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0o600).value;
    expect(id).toBeGreaterThanOrEqual(0);
    mkdirSync(join(home, 'ipclab', 'runs'), { recursive: true });
    const lines = [{ t: 'run', pid: gone.pid, start: 1 }, { t: 'sem', id, key: 0, ctime: since, cuid: process.geteuid!() }];
    appendFileSync(join(home, 'ipclab', 'runs', `${gone.pid}-1.jsonl`), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

    const elsewhere = runCli(['clean'], other);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stdout).toMatch(/^nothing to clean/m);
    expect(elsewhere.stdout).toMatch(new RegExp(`^left +semid ${id} +key 0x00000000 +made by your uid, recorded by no run in this state folder: another program's, or a run with another XDG_STATE_HOME; left alone \\(only if you know it is ipclab's: ipcrm -s ${id}\\)$`, 'm'));
    const zh = runCli(['clean', '--lang', 'zh'], other);
    expect(zh.stdout).toMatch(new RegExp(`^留下 +semid ${id} +key 0x00000000 +由你的 uid 创建，本状态目录里没有哪次运行记下它：是别的程序的，或另一个 XDG_STATE_HOME 下的运行建的；不动它（确知是 ipclab 的才用 ipcrm -s ${id} 删除）$`, 'm'));
    expect(markedSets()).toEqual([id]);

    const own = runCli(['clean'], home);
    expect(own.stdout).toMatch(new RegExp(`^removed +semid ${id} .*ipclab process ${gone.pid} is gone$`, 'm'));
    expect(own.stdout).not.toMatch(new RegExp(`semid ${id} .*yours`));
    expect(markedSets()).toEqual([]);
  });
});
