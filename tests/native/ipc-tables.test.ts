// Queues and semaphore sets as `ipclab ipcs --json` shows them, against lsipc (util-linux)
// and ipcs -s -i for objects a C program made (ipcmk); and `ipclab clean` after a kill -9
// of an ipclab process that made queues and sets, SIGTERM without clean.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CREAT, IPC_PRIVATE, cleanupNow, msgget, msgrcv, msgsnd, semctlSetall, semget, semop, type QueueRecord, type SemaphoreRecord } from '../../src/native/index.js';
import { exited, firstLine, hasLsipc, reapChildren, runCli, tempDir, waitFor, ROOT } from './helpers.js';
import { freeKey, procRows } from './ipc-helpers.js';
import { raw } from '../../src/native/libc.js';
import { spawn } from 'node:child_process';

const made: Array<['-q' | '-s', number]> = [];

afterEach(async () => {
  for (const [flag, ident] of made.splice(0)) {
    try {
      execFileSync('ipcrm', [flag, String(ident)], { stdio: 'ignore' });
    } catch {
      // removed by the test itself
    }
  }
  await reapChildren();
  cleanupNow();
});

/** ipcmk -Q / ipcmk -S N: a queue or set made by a C program, not by ipclab. */
function ipcmk(args: string[]): number {
  const out = execFileSync('ipcmk', [...args, '-p', '0640'], { encoding: 'utf8' });
  const ident = Number(/(\d+)\s*$/.exec(out.trim())![1]);
  made.push([args[0] === '-Q' ? '-q' : '-s', ident]);
  return ident;
}

function ipcsJson(): { queues: QueueRecord[]; semaphores: SemaphoreRecord[] } {
  const out = runCli(['ipcs', '--json']);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

function lsipc(flag: '-q' | '-s', columns: string): Record<string, string | null>[] {
  const out = JSON.parse(execFileSync('lsipc', [flag, '--json', '-b', '-o', columns, '--time-format=iso'], { encoding: 'utf8' }));
  return flag === '-q' ? out.messages : out.semaphores;
}

/** lsipc's "rw-r-----" as ipclab's "640". */
function octal(symbolic: string): string {
  const bits = [...symbolic].map((c) => (c === '-' ? 0 : 1));
  return [0, 3, 6].map((i) => bits[i] * 4 + bits[i + 1] * 2 + bits[i + 2]).join('');
}

/** An lsipc time (ISO, null when never) in epoch seconds, as the kernel holds it. */
const epoch = (t: string | null) => (t === null ? 0 : Date.parse(t) / 1000);

describe('ipcs --json for queues and sets', () => {
  it('shows an ipcmk queue as lsipc -q --json -b does, every shared field', (ctx) => {
    if (!hasLsipc()) ctx.skip();
    const q = ipcmk(['-Q']);
    expect(msgsnd(q, 3, 'hello').errno).toBeNull();
    expect(msgsnd(q, 4, 'there').errno).toBeNull();
    expect(msgrcv(q, 64, 4, 0).message?.data.toString()).toBe('there');
    const mine = ipcsJson().queues.find((x) => x.msqid === q)!;
    const theirs = lsipc('-q', 'KEY,ID,OWNER,PERMS,CUID,CGID,UID,GID,USEDBYTES,MSGS,SEND,RECV,CTIME,LSPID,LRPID').find((x) => Number(x.id) === q)!;
    expect(theirs).toBeDefined();
    expect(mine).toEqual({
      key: theirs.key,
      msqid: q,
      owner: theirs.owner,
      perms: octal(theirs.perms!),
      usedBytes: Number(theirs.usedbytes),
      messages: Number(theirs.msgs),
      lspid: Number(theirs.lspid),
      lrpid: Number(theirs.lrpid),
      uid: Number(theirs.uid),
      gid: Number(theirs.gid),
      cuid: Number(theirs.cuid),
      cgid: Number(theirs.cgid),
      stime: epoch(theirs.send),
      rtime: epoch(theirs.recv),
      ctime: epoch(theirs.ctime),
      ours: false,
    });
    expect(mine).toMatchObject({ perms: '640', usedBytes: 5, messages: 1, lspid: process.pid, lrpid: process.pid });
  });

  it('shows an ipcmk set as lsipc -s --json does, and each semaphore as ipcs -s -i', (ctx) => {
    if (!hasLsipc()) ctx.skip();
    const s = ipcmk(['-S', '3']);
    expect(semctlSetall(s, [2, 0, 5]).errno).toBeNull();
    expect(semop(s, [{ num: 0, op: -1 }]).errno).toBeNull();
    const mine = ipcsJson().semaphores.find((x) => x.semid === s)!;
    const theirs = lsipc('-s', 'KEY,ID,OWNER,PERMS,CUID,CGID,UID,GID,NSEMS,OTIME,CTIME').find((x) => Number(x.id) === s)!;
    expect(theirs).toBeDefined();
    const rows = execFileSync('ipcs', ['-s', '-i', String(s)], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } })
      .split('\n')
      .filter((l) => /^\d+(\s+\d+){4}\s*$/.test(l.trim()))
      .map((l) => l.trim().split(/\s+/).map(Number));
    expect(mine).toEqual({
      key: theirs.key,
      semid: s,
      owner: theirs.owner,
      perms: octal(theirs.perms!),
      nsems: Number(theirs.nsems),
      uid: Number(theirs.uid),
      gid: Number(theirs.gid),
      cuid: Number(theirs.cuid),
      cgid: Number(theirs.cgid),
      otime: epoch(theirs.otime),
      ctime: epoch(theirs.ctime),
      ours: false,
      sems: rows.map(([semnum, semval, semncnt, semzcnt, sempid]) => ({ semnum, semval, sempid, semncnt, semzcnt })),
      semsError: null,
    });
    expect(mine.sems!.map((v) => v.semval)).toEqual([1, 0, 5]);
    expect(mine.sems![0].sempid).toBe(process.pid);
  });

  it('marks ipclab\'s own queues and sets, in JSON and in the table', () => {
    const q = msgget(IPC_PRIVATE, 0o600).ret as number;
    const s = semget(freeKey(), 2, IPC_CREAT | 0o600).ret as number;
    const json = ipcsJson();
    expect(json.queues.find((x) => x.msqid === q)).toMatchObject({ key: '0x00000000', ours: true });
    expect(json.semaphores.find((x) => x.semid === s)).toMatchObject({ nsems: 2, ours: true, sems: [{ semval: 0 }, { semval: 0 }] });
    const table = runCli(['ipcs', '--lang', 'en']);
    expect(table.stdout).toMatch(/^key +msqid +owner +perms +used-bytes +messages +ours$/m);
    expect(table.stdout).toMatch(new RegExp(`^0x00000000 +${q} +root +600 +0 +0 +\\*$`, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^0x[0-9a-f]{8} +${s} +root +600 +2 +\\*$`, 'm'));
  });
});

interface IpcOwner {
  pid: number;
  queues: number[];
  sets: number[];
  child: ReturnType<typeof spawn>;
}

async function startIpcOwner(state: string): Promise<IpcOwner> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'fixtures', 'ipc-owner.ts'), String(freeKey())], {
    cwd: ROOT,
    env: { ...process.env, XDG_STATE_HOME: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = JSON.parse(await firstLine(child));
  return { child, ...ready };
}

const present = (o: { queues: number[]; sets: number[] }) => [
  ...procRows('msg').filter((r) => o.queues.includes(r.msqid)).map((r) => `msg ${r.msqid}`),
  ...procRows('sem').filter((r) => o.sets.includes(r.semid)).map((r) => `sem ${r.semid}`),
];

describe('cleanup of queues and sets', () => {
  it('SIGTERM removes them without clean', async () => {
    const owner = await startIpcOwner(tempDir('ipclab-state-'));
    expect(present(owner)).toHaveLength(4);
    owner.child.kill('SIGTERM');
    expect(await exited(owner.child)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(present(owner)).toEqual([]);
  });

  it('after kill -9, clean removes the queues and sets the run recorded, and nothing else', async () => {
    const state = tempDir('ipclab-state-');
    const unrelated = ipcmk(['-Q']);
    const owner = await startIpcOwner(state);
    owner.child.kill('SIGKILL');
    await exited(owner.child);
    expect(present(owner)).toHaveLength(4);

    const dry = runCli(['clean', '--dry-run'], state);
    expect(dry.code, dry.stderr).toBe(0);
    for (const q of owner.queues) expect(dry.stdout).toMatch(new RegExp(`^would remove +msqid ${q} .*ipclab process ${owner.pid} is gone`, 'm'));
    for (const s of owner.sets) expect(dry.stdout).toMatch(new RegExp(`^would remove +semid ${s} .*ipclab process ${owner.pid} is gone`, 'm'));
    expect(present(owner)).toHaveLength(4);

    const real = runCli(['clean'], state);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout.match(/^removed +(msqid|semid) /gm)).toHaveLength(4);
    expect(present(owner)).toEqual([]);
    expect(procRows('msg').some((r) => r.msqid === unrelated)).toBe(true);
    expect(runCli(['clean'], state).stdout).toMatch(/nothing to clean/);
  });

  it('clean removes a queue made under a key a killed run recorded before msgget (killed before its record)', async () => {
    const state = tempDir('ipclab-state-');
    // a run that is gone: the pid of a process that has exited, with a start time no process has
    const gone = spawn('true');
    await exited(gone);
    const key = freeKey();
    const since = Math.floor(Date.now() / 1000) - 1;
    mkdirSync(join(state, 'ipclab', 'runs'), { recursive: true });
    writeFileSync(
      join(state, 'ipclab', 'runs', `${gone.pid}-1.jsonl`),
      [{ t: 'run', pid: gone.pid, start: 1 }, { t: 'key', kind: 'msg', key, since }, { t: 'key', kind: 'sem', key, since }].map((l) => `${JSON.stringify(l)}\n`).join(''),
    );
    // what its msgget and semget made before it could record them: straight through libc, no record
    const q = raw.msgget(key, IPC_CREAT | 0o600).value;
    const s = raw.semget(key, 1, IPC_CREAT | 0o600).value;
    expect(q >= 0 && s >= 0).toBe(true);
    made.push(['-q', q], ['-s', s]);
    const other = ipcmk(['-Q']); // another key: not the run's
    const r = runCli(['clean'], state);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^removed +msqid ${q} .*made under key 0x${key.toString(16).padStart(8, '0')}, which ipclab process ${gone.pid} \\(gone\\) recorded`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^removed +semid ${s} `, 'm'));
    await waitFor(() => !procRows('msg').some((x) => x.msqid === q), 'the queue to be gone');
    expect(procRows('sem').some((x) => x.semid === s)).toBe(false);
    expect(procRows('msg').some((x) => x.msqid === other)).toBe(true);
  });
});
