// Message queues and semaphore sets through src/native against the real kernel: every
// binding, every errno the lessons show provoked for real (EACCES from the unprivileged
// uid nobody, EIDRM for a process blocked when the object is removed), a second process
// blocking in msgrcv and semop, SEM_UNDO across a SIGKILL, IPC_STAT against ipcs -i.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IPC_CREAT, IPC_EXCL, IPC_NOWAIT, IPC_PRIVATE, MSG_EXCEPT, MSG_NOERROR, SEM_UNDO, cleanupNow, msgctlRmid, msgctlSet, msgctlStat, msgget, msgrcv, msgrcvAsync, msgsnd,
  readSemaphores, semctlGetall, semctlGetncnt, semctlGetpid, semctlGetval, semctlGetzcnt, semctlRmid, semctlSetall, semctlSetval, semctlStat, semget, semop, semopAsync, semtimedop,
} from '../../src/native/index.js';
import { waitFor } from './helpers.js';

const threadsOf = (pid: number) => readdirSync(`/proc/${pid}/task`);
function taskWchan(pid: number, tid: string): string {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8').trim();
  } catch {
    return ''; // the thread ended
  }
}
import { NOBODY, freeKey, inMsgrcv, procRows, reapCallers, startCaller } from './ipc-helpers.js';

afterEach(async () => {
  await reapCallers();
  cleanupNow();
});

const id = (call: { ret: number | string }) => call.ret as number;

/** `ipcs -q -i ID` or `ipcs -s -i ID` as name=value pairs; times read in UTC ('Not set' is 0). */
function ipcsInfo(flag: '-q' | '-s', ident: number): Record<string, number> {
  const text = execFileSync('ipcs', [flag, '-i', String(ident)], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });
  const out: Record<string, number> = {};
  for (const [, name, value] of text.matchAll(/(\w+)\s*=\s*([^\t\n]+?)\s*(?=\t|\n|$)/g)) {
    if (name.endsWith('time')) out[name] = value === 'Not set' ? 0 : Date.parse(`${value} UTC`) / 1000;
    else if (name === 'mode' || name === 'access_perms') out[name] = parseInt(value, 8);
    else out[name] = Number(value);
  }
  return out;
}

describe('message queues', () => {
  it('msgget creates, opens, and answers EEXIST and ENOENT, in C syntax', () => {
    const key = freeKey();
    const made = msgget(key, IPC_CREAT | IPC_EXCL | 0o640);
    expect(made).toMatchObject({ call: 'msgget', c: `msgget(0x${key.toString(16).padStart(8, '0')}, IPC_CREAT|IPC_EXCL|0640)`, errno: null, pid: process.pid });
    expect(msgget(key, IPC_CREAT | IPC_EXCL | 0o640)).toMatchObject({ ret: -1, errno: 'EEXIST', message: 'File exists' });
    expect(msgget(key, 0).ret).toBe(made.ret);
    expect(msgget(freeKey(), 0)).toMatchObject({ c: expect.stringMatching(/^msgget\(0x[0-9a-f]{8}, 0\)$/), ret: -1, errno: 'ENOENT' });
    const row = procRows('msg').find((r) => r.msqid === made.ret)!;
    expect(row).toMatchObject({ key, perms: 0o640, cbytes: 0, qnum: 0 });
  });

  it('msgsnd and msgrcv: types, order per type, taking out, ENOMSG, E2BIG and MSG_NOERROR', () => {
    const q = id(msgget(IPC_PRIVATE, 0o600));
    for (const [type, text] of [[1, 'a1'], [2, 'b1'], [1, 'a2'], [3, 'c1'], [2, 'b2']] as const) expect(msgsnd(q, type, text).errno).toBeNull();
    expect(msgsnd(q, 1, 'hello', IPC_NOWAIT).c).toBe(`msgsnd(${q}, &msg, 5, IPC_NOWAIT)`);
    expect(procRows('msg').find((r) => r.msqid === q)).toMatchObject({ qnum: 6, cbytes: 15, lspid: process.pid, lrpid: 0 });

    const take = (type: number, flags = IPC_NOWAIT, max = 64) => {
      const r = msgrcv(q, max, type, flags);
      return r.message ? `${r.message.mtype}:${r.message.data.toString()}` : r.call.errno;
    };
    expect(msgrcv(q, 64, 2, IPC_NOWAIT).call).toMatchObject({ c: `msgrcv(${q}, &msg, 64, 2, IPC_NOWAIT)`, ret: 2 });
    expect(take(2)).toBe('2:b2'); // the next of type 2: in order within the type
    expect(take(-3)).toBe('1:a1'); // the lowest type <= 3 first
    expect(take(3, IPC_NOWAIT | MSG_EXCEPT)).toBe('1:a2'); // the first of any type but 3
    expect(take(0)).toBe('3:c1'); // the first in the queue
    expect(take(1, IPC_NOWAIT, 3)).toBe('E2BIG'); // 'hello' does not fit in 3 bytes, and stays
    const cut = msgrcv(q, 3, 1, IPC_NOWAIT | MSG_NOERROR);
    expect(cut.call).toMatchObject({ ret: 3, c: `msgrcv(${q}, &msg, 3, 1, IPC_NOWAIT|MSG_NOERROR)` });
    expect(cut.message!.data.toString()).toBe('hel'); // the rest of the message is lost
    expect(take(0)).toBe('ENOMSG');
    expect(msgrcv(q, -1, 0, IPC_NOWAIT).call).toMatchObject({ ret: -1, errno: 'EINVAL' });
    expect(procRows('msg').find((r) => r.msqid === q)).toMatchObject({ qnum: 0, cbytes: 0, lrpid: process.pid });
    expect(msgsnd(q, 0, 'x').errno).toBe('EINVAL'); // mtype must be > 0
  });

  it('a full queue answers EAGAIN to msgsnd with IPC_NOWAIT (msg_qbytes lowered with IPC_SET)', () => {
    const q = id(msgget(IPC_PRIVATE, 0o600));
    expect(msgctlSet(q, { qbytes: 16 })).toMatchObject({ c: `msgctl(${q}, IPC_SET, &ds)`, ret: 0 });
    expect(msgctlStat(q).ds!.qbytes).toBe(16);
    expect(msgsnd(q, 1, '0123456789', IPC_NOWAIT).errno).toBeNull();
    expect(msgsnd(q, 1, '0123456789', IPC_NOWAIT)).toMatchObject({ ret: -1, errno: 'EAGAIN' });
    expect(msgsnd(q, 1, '012345', IPC_NOWAIT).errno).toBeNull(); // exactly full
  });

  it('IPC_STAT agrees with ipcs -q -i field by field, and IPC_SET changes the mode', () => {
    const q = id(msgget(freeKey(), IPC_CREAT | 0o640));
    msgsnd(q, 7, 'twelve bytes');
    msgrcv(q, 4, 0, MSG_NOERROR);
    msgsnd(q, 7, 'abc');
    expect(msgctlSet(q, { mode: 0o604 }).errno).toBeNull();
    const info = ipcsInfo('-q', q);
    const stat = msgctlStat(q);
    expect(stat.call.c).toBe(`msgctl(${q}, IPC_STAT, &ds)`);
    const ds = stat.ds!;
    expect(info).toMatchObject({
      msqid: q, uid: ds.uid, gid: ds.gid, cuid: ds.cuid, cgid: ds.cgid, mode: ds.mode, cbytes: ds.cbytes, qbytes: ds.qbytes, qnum: ds.qnum,
      lspid: ds.lspid, lrpid: ds.lrpid, send_time: ds.stime, rcv_time: ds.rtime, change_time: ds.ctime,
    });
    expect(ds).toMatchObject({ mode: 0o604, cbytes: 3, qnum: 1, lspid: process.pid, lrpid: process.pid });
    expect(ds.stime).toBeGreaterThan(0);
  });

  it('a second process blocked in msgrcv wakes when a message is sent, and with EIDRM when the queue is removed', async () => {
    const q = id(msgget(IPC_PRIVATE, 0o600));
    const reader = await startCaller([['msgrcv', q, 64, 5, 0], ['msgrcv', q, 64, 0, 0]]);
    await waitFor(() => inMsgrcv(reader.pid), 'the reader to wait in msgrcv');
    expect(reader.lines).toHaveLength(1); // still waiting: no result yet
    msgsnd(q, 4, 'not for it'); // type 4 does not wake a reader of type 5
    msgsnd(q, 5, 'wake');
    expect(await reader.result(0)).toMatchObject({ call: { c: `msgrcv(${q}, &msg, 64, 5, 0)`, ret: 4, errno: null, pid: reader.pid }, message: { mtype: 5, data: 'wake' } });
    // the second receive takes the type-4 message at once; then nothing is left
    expect(await reader.result(1)).toMatchObject({ message: { mtype: 4, data: 'not for it' } });

    const blocked = await startCaller([['msgrcv', q, 64, 0, 0]]);
    await waitFor(() => inMsgrcv(blocked.pid), 'the reader to wait in msgrcv');
    expect(msgctlRmid(q)).toMatchObject({ c: `msgctl(${q}, IPC_RMID, NULL)`, ret: 0 });
    expect(await blocked.result(0)).toMatchObject({ call: { ret: -1, errno: 'EIDRM', message: 'Identifier removed' }, message: null });
  });

  it('msgrcvAsync waits on a worker thread while this process goes on, and ends with EIDRM', async () => {
    const q = id(msgget(IPC_PRIVATE, 0o600));
    const pending = msgrcvAsync(q, 64, 0, 0);
    // this process keeps running: it sends what the waiting receive takes
    await waitFor(() => procRows('msg').some((r) => r.msqid === q), 'the queue');
    expect(msgsnd(q, 9, 'async').errno).toBeNull();
    const got = await pending;
    expect(got.message).toEqual({ mtype: 9, data: Buffer.from('async') });
    const waiting = msgrcvAsync(q, 64, 0, 0);
    // removed only once the worker thread sleeps in msgrcv: removed before it got there,
    // its msgrcv would find no queue (EINVAL), not be woken by the removal (EIDRM)
    await waitFor(() => threadsOf(process.pid).some((tid) => taskWchan(process.pid, tid) === 'do_msgrcv'), 'the worker asleep in msgrcv');
    msgctlRmid(q);
    expect((await waiting).call).toMatchObject({ errno: 'EIDRM', ret: -1 });
  });
});

describe('semaphore sets', () => {
  it('semget creates, opens, and answers EEXIST, ENOENT and EINVAL', () => {
    const key = freeKey();
    const made = semget(key, 3, IPC_CREAT | IPC_EXCL | 0o600);
    expect(made.c).toBe(`semget(0x${key.toString(16).padStart(8, '0')}, 3, IPC_CREAT|IPC_EXCL|0600)`);
    expect(made.errno).toBeNull();
    expect(semget(key, 3, IPC_CREAT | IPC_EXCL | 0o600).errno).toBe('EEXIST');
    expect(semget(key, 0, 0).ret).toBe(made.ret);
    expect(semget(key, 4, 0).errno).toBe('EINVAL'); // more semaphores than the set has
    expect(semget(freeKey(), 1, 0).errno).toBe('ENOENT');
    expect(procRows('sem').find((r) => r.semid === made.ret)).toMatchObject({ key, nsems: 3, perms: 0o600 });
  });

  it('SETVAL, GETVAL, SETALL, GETALL, GETPID; P and V with semop; IPC_NOWAIT, semtimedop and ERANGE', () => {
    const s = id(semget(IPC_PRIVATE, 3, 0o600));
    expect(semctlSetall(s, [2, 0, 7])).toMatchObject({ c: `semctl(${s}, 0, SETALL, {2, 0, 7})`, ret: 0 });
    expect(semctlGetall(s)).toMatchObject({ call: { c: `semctl(${s}, 0, GETALL, values)`, ret: 0 }, values: [2, 0, 7] });
    expect(semctlSetval(s, 1, 1)).toMatchObject({ c: `semctl(${s}, 1, SETVAL, 1)`, ret: 0 });
    expect(semctlGetval(s, 1)).toMatchObject({ c: `semctl(${s}, 1, GETVAL)`, ret: 1 });
    expect(semop(s, [{ num: 0, op: -1, flags: SEM_UNDO }])).toMatchObject({ c: `semop(${s}, &(struct sembuf){0, -1, SEM_UNDO}, 1)`, ret: 0 });
    expect(semctlGetpid(s, 0)).toMatchObject({ c: `semctl(${s}, 0, GETPID)`, ret: process.pid });
    expect(semop(s, [{ num: 1, op: -1 }, { num: 2, op: 3 }])).toMatchObject({ c: `semop(${s}, (struct sembuf[]){{1, -1, 0}, {2, 3, 0}}, 2)`, ret: 0 }); // both at once
    expect(semctlGetall(s).values).toEqual([1, 0, 10]);
    expect(semop(s, [{ num: 1, op: -1, flags: IPC_NOWAIT }])).toMatchObject({ c: `semop(${s}, &(struct sembuf){1, -1, IPC_NOWAIT}, 1)`, ret: -1, errno: 'EAGAIN' });
    // all or nothing: the first would succeed, the second cannot, so neither happens
    expect(semop(s, [{ num: 2, op: -1 }, { num: 1, op: -1, flags: IPC_NOWAIT }]).errno).toBe('EAGAIN');
    expect(semctlGetval(s, 2).ret).toBe(10);
    const t0 = performance.now();
    const timed = semtimedop(s, [{ num: 1, op: -1 }], 150);
    expect(timed).toMatchObject({ c: `semtimedop(${s}, &(struct sembuf){1, -1, 0}, 1, &(struct timespec){0, 150000000})`, ret: -1, errno: 'EAGAIN' });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(semctlSetval(s, 0, 32768)).toMatchObject({ ret: -1, errno: 'ERANGE' }); // above SEMVMX
    expect(semop(s, [{ num: 5, op: 1 }]).errno).toBe('EFBIG'); // no semaphore 5 in a set of 3
    expect(semctlGetncnt(s, 1)).toMatchObject({ c: `semctl(${s}, 1, GETNCNT)`, ret: 0 });
    expect(semctlGetzcnt(s, 1)).toMatchObject({ c: `semctl(${s}, 1, GETZCNT)`, ret: 0 });
  });

  it('IPC_STAT agrees with ipcs -s -i, and each semaphore with its rows', () => {
    const s = id(semget(freeKey(), 2, IPC_CREAT | 0o640));
    semctlSetall(s, [3, 1]);
    semop(s, [{ num: 1, op: -1 }]);
    const info = ipcsInfo('-s', s);
    const stat = semctlStat(s);
    expect(stat.call.c).toBe(`semctl(${s}, 0, IPC_STAT, &ds)`);
    const ds = stat.ds!;
    expect(info).toMatchObject({ semid: s, uid: ds.uid, gid: ds.gid, cuid: ds.cuid, cgid: ds.cgid, mode: ds.mode, otime: ds.otime, ctime: ds.ctime });
    expect(ds).toMatchObject({ nsems: 2, mode: 0o640 });
    expect(ds.otime).toBeGreaterThan(0);
    const rows = execFileSync('ipcs', ['-s', '-i', String(s)], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } })
      .split('\n')
      .filter((l) => /^\d+(\s+\d+){4}\s*$/.test(l.trim()))
      .map((l) => l.trim().split(/\s+/).map(Number));
    const set = readSemaphores().find((x) => x.semid === s)!;
    expect(set).toMatchObject({ nsems: 2, perms: '640', ours: true, semsError: null });
    expect(set.sems!.map((v) => [v.semnum, v.semval, v.semncnt, v.semzcnt, v.sempid])).toEqual(rows);
  });

  it('a second process blocked in semop shows as semncnt 1 until a V wakes it; wait-for-zero as semzcnt', async () => {
    const s = id(semget(IPC_PRIVATE, 2, 0o600));
    semctlSetall(s, [0, 1]);
    const waiter = await startCaller([['semop', s, [{ num: 0, op: -1 }]], ['semop', s, [{ num: 1, op: 0 }]]]);
    await waitFor(() => semctlGetncnt(s, 0).ret === 1, 'semncnt 1');
    expect(readSemaphores().find((x) => x.semid === s)!.sems![0]).toMatchObject({ semval: 0, semncnt: 1, semzcnt: 0 });
    expect(waiter.lines).toHaveLength(1);
    expect(semop(s, [{ num: 0, op: 1 }]).errno).toBeNull(); // V
    expect(await waiter.result(0)).toMatchObject({ c: `semop(${s}, &(struct sembuf){0, -1, 0}, 1)`, ret: 0, pid: waiter.pid });
    expect(semctlGetpid(s, 0).ret).toBe(waiter.pid);
    expect(semctlGetncnt(s, 0).ret).toBe(0);
    // op 0 waits for the value to be 0
    await waitFor(() => semctlGetzcnt(s, 1).ret === 1, 'semzcnt 1');
    semctlSetval(s, 1, 0);
    expect(await waiter.result(1)).toMatchObject({ ret: 0 });
  });

  it('SEM_UNDO gives the count back when the holder is killed with SIGKILL; without it the count stays taken', async () => {
    const s = id(semget(IPC_PRIVATE, 3, 0o600));
    semctlSetall(s, [1, 1, 0]);
    // takes semaphore 0 with SEM_UNDO, 1 without, then waits on 2 for ever
    const holder = await startCaller([['semop', s, [{ num: 0, op: -1, flags: SEM_UNDO }]], ['semop', s, [{ num: 1, op: -1 }]], ['semop', s, [{ num: 2, op: -1 }]]]);
    await waitFor(() => semctlGetncnt(s, 2).ret === 1, 'the holder to wait on semaphore 2');
    expect(semctlGetall(s).values).toEqual([0, 0, 0]);
    holder.child.kill('SIGKILL');
    await waitFor(() => holder.child.signalCode === 'SIGKILL', 'the holder to die');
    expect(semctlGetall(s).values).toEqual([1, 0, 0]);
    expect(semctlGetncnt(s, 2).ret).toBe(0);
  });

  it('a process blocked in semop wakes with EIDRM when the set is removed', async () => {
    const s = id(semget(IPC_PRIVATE, 1, 0o600));
    const waiter = await startCaller([['semop', s, [{ num: 0, op: -1 }]]]);
    await waitFor(() => semctlGetncnt(s, 0).ret === 1, 'semncnt 1');
    expect(semctlRmid(s)).toMatchObject({ c: `semctl(${s}, 0, IPC_RMID)`, ret: 0 });
    expect(await waiter.result(0)).toMatchObject({ ret: -1, errno: 'EIDRM' });
    expect(semctlRmid(s).errno).toBe('EINVAL'); // already gone
  });

  it('semopAsync waits on a worker thread until another semop posts', async () => {
    const s = id(semget(IPC_PRIVATE, 1, 0o600));
    const pending = semopAsync(s, [{ num: 0, op: -2 }]);
    await waitFor(() => semctlGetncnt(s, 0).ret === 1, 'semncnt 1');
    semop(s, [{ num: 0, op: 3 }]);
    expect(await pending).toMatchObject({ ret: 0, errno: null });
    expect(semctlGetval(s, 0).ret).toBe(1);
  });
});

describe('permissions', () => {
  it('another uid (nobody) gets EACCES from every call on a 0600 queue and set; the set reads as not readable', async (ctx) => {
    if (process.getuid!() !== 0) ctx.skip(); // only root may start a process as another uid
    const key = freeKey();
    const q = id(msgget(key, IPC_CREAT | 0o600));
    const s = id(semget(key + 1, 2, IPC_CREAT | 0o600));
    msgsnd(q, 1, 'private');
    const other = await startCaller(
      [
        ['msgget', key, 0o600], ['msgsnd', q, 1, 'x', IPC_NOWAIT], ['msgrcv', q, 64, 0, IPC_NOWAIT], ['msgctlStat', q],
        ['semget', key + 1, 0, 0o400], ['semop', s, [{ num: 0, op: 1 }]], ['semctlGetall', s], ['semctlSetval', s, 0, 1], ['semctlStat', s],
        ['msgctlRmid', q], ['semctlRmid', s],
      ],
      NOBODY,
    );
    const results = await Promise.all(Array.from({ length: 11 }, (_, n) => other.result(n)));
    const errnos = results.map((r) => (r.errno ?? (r.call as { errno: string }).errno) as string);
    // removing needs ownership, not permission bits: EPERM
    expect(errnos).toEqual(['EACCES', 'EACCES', 'EACCES', 'EACCES', 'EACCES', 'EACCES', 'EACCES', 'EACCES', 'EACCES', 'EPERM', 'EPERM']);
    expect(results[2]).toMatchObject({ message: null });
    expect(procRows('msg').find((r) => r.msqid === q)).toMatchObject({ qnum: 1 }); // nothing taken
    // what the other uid's ipcs would show: the set, but not its semaphores
    const seen = await startCaller([['readSemaphores']], NOBODY);
    const sets = (await seen.result(0)) as unknown as { semid: number; sems: unknown; semsError: string }[];
    expect(Object.values(sets).find((x) => x.semid === s)).toMatchObject({ sems: null, semsError: 'EACCES' });
  });
});
