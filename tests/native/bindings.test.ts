// Each binding against the real kernel: success, and every errno provoked for real.
import { spawnSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IPC_CREAT, IPC_EXCL, IPC_PRIVATE, SHM_RDONLY, SIGUSR1, cleanupNow, ftok, getpid, kill, readOwned, readSegments,
  shmat, shmctlRmid, shmctlSet, shmctlStat, shmdt, shmget, type CallRecord,
} from '../../src/native/index.js';
import { ROOT, exited, foreignKey, shmRow, tempDir } from './helpers.js';

afterEach(() => {
  cleanupNow();
});

function id(call: CallRecord): number {
  expect(call.errno, `${call.c}: ${call.message}`).toBeNull();
  expect(typeof call.ret).toBe('number');
  return call.ret as number;
}

function failed(call: CallRecord, errno: string): void {
  expect(call.ret).toBe(-1);
  expect(call.errno).toBe(errno);
  expect(call.message).toMatch(/\w/);
}

describe('shmget', () => {
  it('creates private segments, each new, shown as C', () => {
    const a = shmget(IPC_PRIVATE, 4096, 0o600);
    const b = shmget(IPC_PRIVATE, 4096, 0o600);
    expect(a.c).toBe('shmget(IPC_PRIVATE, 4096, 0600)');
    expect(a).toMatchObject({ type: 'call', call: 'shmget', pid: process.pid, errno: null, message: null });
    expect(id(a)).not.toBe(id(b));
    expect(shmRow(id(a))).toMatchObject({ key: 0, size: 4096, perms: 0o600, cpid: process.pid });
  });

  it('gives ENOENT without IPC_CREAT, EEXIST with IPC_EXCL, EINVAL for a size over the segment', () => {
    const key = foreignKey();
    const hex = `0x${key.toString(16).padStart(8, '0')}`;
    const missing = shmget(key, 4096, 0o600);
    expect(missing.c).toBe(`shmget(${hex}, 4096, 0600)`);
    failed(missing, 'ENOENT');
    const made = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0o600);
    expect(made.c).toBe(`shmget(${hex}, 4096, IPC_CREAT|IPC_EXCL|0600)`);
    const shmid = id(made);
    failed(shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0o600), 'EEXIST');
    expect(shmget(key, 0, 0)).toMatchObject({ ret: shmid, c: `shmget(${hex}, 0, 0)` });
    failed(shmget(key, 8192, 0o600), 'EINVAL');
  });

  it('gives ENOMEM (or ENOSPC) for a size the machine cannot back', (ctx) => {
    // with overcommit_memory=1 the kernel promises any size: nothing to provoke
    if (readFileSync('/proc/sys/vm/overcommit_memory', 'utf8').trim() === '1') ctx.skip();
    const huge = shmget(IPC_PRIVATE, 2 ** 46, 0o600);
    expect(huge.c).toBe('shmget(IPC_PRIVATE, 70368744177664, 0600)');
    expect(huge.ret).toBe(-1);
    expect(['ENOMEM', 'ENOSPC']).toContain(huge.errno);
  });

  it('prints sizes past 2^53 with their exact digits, as C would', () => {
    const huge = shmget(IPC_PRIVATE, 2 ** 62, 0o600);
    expect(huge.c).toBe('shmget(IPC_PRIVATE, 4611686018427387904, 0600)');
    expect(huge.ret).toBe(-1);
  });

  it('records what it creates in its journal and forgets it on IPC_RMID', () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    const row = shmRow(shmid)!;
    expect(readOwned()).toContainEqual(expect.objectContaining({ shmid, key: 0, cpid: process.pid, ctime: row.ctime, pid: process.pid }));
    expect(shmctlRmid(shmid)).toMatchObject({ c: `shmctl(${shmid}, IPC_RMID, NULL)`, ret: 0, errno: null });
    expect(readOwned().some((r) => r.shmid === shmid)).toBe(false);
    expect(shmRow(shmid)).toBeUndefined();
  });

  it('gives EACCES to an unprivileged process opening a 0600 segment', async () => {
    const key = foreignKey();
    const shmid = id(shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0o600));
    const home = tempDir('ipclab-nobody-');
    spawnSync('chmod', ['755', home]);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/fixtures/open.ts'), String(key), String(shmid)], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
      env: { ...process.env, HOME: home, XDG_STATE_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const end = await exited(child);
    expect(end, err).toEqual({ code: 0, signal: null });
    const [get, at, stat, rmid, signal] = JSON.parse(out) as CallRecord[];
    failed(get, 'EACCES');
    expect(at).toMatchObject({ c: `shmat(${shmid}, NULL, 0)`, ret: '(void *) -1', errno: 'EACCES' });
    failed(stat, 'EACCES');
    failed(rmid, 'EPERM');
    expect(signal.c).toBe(`kill(${process.pid}, 0)`);
    failed(signal, 'EPERM');
    expect(shmRow(shmid)).toBeDefined();
    expect(get.pid).not.toBe(process.pid);
    rmSync(home, { recursive: true, force: true });
  });
});

describe('ftok', () => {
  it('gives the same key for the same path and id, another for another id, and fails on a missing path', () => {
    const dir = tempDir('ipclab-ftok-');
    const path = join(dir, 'rendezvous');
    writeFileSync(path, '');
    const s1 = ftok(path, 'S'.charCodeAt(0));
    const s2 = ftok(path, 'S'.charCodeAt(0));
    const t = ftok(path, 'T'.charCodeAt(0));
    expect(s1.c).toBe(`ftok(${JSON.stringify(path)}, 'S')`);
    expect(s1.errno).toBeNull();
    expect(s1.ret).toBe(s2.ret);
    expect(t.ret).not.toBe(s1.ret);
    // the id's low 8 bits are the key's top byte
    expect(((s1.ret as number) >>> 24).toString(16)).toBe('53');
    expect(s1.retText).toBe(`0x${(s1.ret as number).toString(16).padStart(8, '0')}`);
    const missing = ftok(join(dir, 'nothing-here'), 1);
    expect(missing.c).toBe(`ftok(${JSON.stringify(join(dir, 'nothing-here'))}, 1)`);
    failed(missing, 'ENOENT');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('shmat and shmdt', () => {
  it('attaches (nattch 1), detaches (nattch 0), and a second shmdt gives EINVAL', () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    const { call, segment } = shmat(shmid);
    expect(call.c).toBe(`shmat(${shmid}, NULL, 0)`);
    expect(call.ret).toMatch(/^0x[0-9a-f]+$/);
    expect(segment).toMatchObject({ shmid, size: 4096, readOnly: false, attached: true, address: call.ret });
    expect(shmRow(shmid)!.nattch).toBe(1);
    expect(shmdt(segment!)).toMatchObject({ c: `shmdt(${call.ret})`, ret: 0, errno: null });
    expect(segment!.attached).toBe(false);
    expect(shmRow(shmid)!.nattch).toBe(0);
    failed(shmdt(segment!), 'EINVAL');
  });

  it('shows SHM_RDONLY, and fails with (void *) -1 and EINVAL on a bad id', () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    const ro = shmat(shmid, SHM_RDONLY);
    expect(ro.call.c).toBe(`shmat(${shmid}, NULL, SHM_RDONLY)`);
    expect(ro.segment!.readOnly).toBe(true);
    shmdt(ro.segment!);
    const bad = shmat(-1);
    expect(bad.segment).toBeNull();
    expect(bad.call).toMatchObject({ ret: '(void *) -1', errno: 'EINVAL' });
  });

  it('does not detach another attachment that reuses the address of a detached segment', () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    const first = shmat(shmid).segment!;
    shmdt(first);
    const second = shmat(shmid).segment!;
    failed(shmdt(first), 'EINVAL');
    expect(second.attached).toBe(true);
    second.writeText(0, 'still mapped');
    expect(second.readText(0)).toBe('still mapped');
    expect(shmRow(shmid)!.nattch).toBe(1);
    shmdt(second);
  });
});

describe('shmctl', () => {
  it('IPC_SET changes the mode, moves ctime, and the ownership record still names the segment', async () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    const before = shmctlStat(shmid);
    expect(before.call.c).toBe(`shmctl(${shmid}, IPC_STAT, &ds)`);
    // ctime has one-second resolution: step into the next second so the move shows (20 ms
    // past its start: the kernel's seconds come from a clock that lags by up to a tick)
    const start = before.ds!.ctime;
    while (Date.now() < (start + 1) * 1000 + 20) await new Promise((r) => setTimeout(r, 20));
    expect(shmctlSet(shmid, { mode: 0o640 })).toMatchObject({ c: `shmctl(${shmid}, IPC_SET, &ds)`, ret: 0, errno: null });
    const after = shmctlStat(shmid).ds!;
    expect(after.mode & 0o777).toBe(0o640);
    expect(after.ctime).toBeGreaterThan(start);
    // the record keeps the creation ctime: identity is id, creator and a ctime no earlier
    expect(readOwned().find((r) => r.shmid === shmid)?.ctime).toBe(start);
    expect(readSegments().find((s) => s.shmid === shmid)?.ours).toBe(true);
  });

  it('IPC_RMID while attached marks dest and key 0; the segment lives until the last detach', () => {
    const key = foreignKey();
    const shmid = id(shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0o600));
    const segment = shmat(shmid).segment!;
    expect(shmctlRmid(shmid).ret).toBe(0);
    const ds = shmctlStat(shmid).ds!;
    expect(ds.mode & 0o1000).toBe(0o1000);
    expect(ds.key).toBe(0);
    segment.writeText(0, 'still usable');
    expect(segment.readText(0)).toBe('still usable');
    shmdt(segment);
    expect(shmRow(shmid)).toBeUndefined();
  });

  it('gives EINVAL (or EIDRM) on a removed id', () => {
    const shmid = id(shmget(IPC_PRIVATE, 4096, 0o600));
    shmctlRmid(shmid);
    const stat = shmctlStat(shmid);
    expect(stat.ds).toBeNull();
    expect(['EINVAL', 'EIDRM']).toContain(stat.call.errno);
    expect(['EINVAL', 'EIDRM']).toContain(shmctlRmid(shmid).errno);
    expect(['EINVAL', 'EIDRM']).toContain(shmctlSet(shmid, { mode: 0o600 }).errno);
    expect(['EINVAL', 'EIDRM']).toContain(shmat(shmid).call.errno);
  });
});

describe('kill and getpid', () => {
  it('signals a live process, gives ESRCH for a gone one, and refuses pid <= 0', async () => {
    expect(getpid()).toBe(process.pid);
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const probe = kill(child.pid!, 0);
    expect(probe).toMatchObject({ c: `kill(${child.pid}, 0)`, ret: 0, errno: null });
    const sent = kill(child.pid!, 15);
    expect(sent.c).toBe(`kill(${child.pid}, SIGTERM)`);
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGTERM' });
    failed(kill(child.pid!, 0), 'ESRCH');
    for (const pid of [0, -1, -process.pid]) {
      const refused = kill(pid, SIGUSR1);
      expect(refused).toMatchObject({ c: `kill(${pid}, SIGUSR1)`, ret: -1, errno: 'EINVAL' });
      expect(refused.message).toMatch(/never signals/);
    }
  });
});
