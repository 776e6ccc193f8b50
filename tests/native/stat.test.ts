// IPC_STAT through our struct shmid_ds layout agrees with ipcs -m -i and with
// /proc/sysvipc/shm, field by field.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CREAT, IPC_EXCL, IPC_PRIVATE, cleanupNow, shmat, shmctlRmid, shmctlSet, shmctlStat, shmdt, shmget, type ShmidDs } from '../../src/native/index.js';
import { compileFixture, foreignKey, haveCc, reapChildren, shmRow, startHolder } from './helpers.js';

afterEach(async () => {
  await reapChildren();
  cleanupNow();
});

/** `ipcs -m -i ID` parsed; times read in UTC ('Not set' is 0). */
function ipcsInfo(shmid: number): Record<string, number> {
  const text = execFileSync('ipcs', ['-m', '-i', String(shmid)], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });
  const out: Record<string, number> = {};
  for (const [, name, value] of text.matchAll(/(\w+)=([^\t\n]+?)\s*(?=\t|\n|$)/g)) {
    if (name.endsWith('_time')) out[name] = value === 'Not set' ? 0 : Date.parse(`${value} UTC`) / 1000;
    else if (name === 'mode' || name === 'access_perms') out[name] = parseInt(value, 8);
    else out[name] = Number(value);
  }
  return out;
}

// Running ipcs forks this process: the child inherits our attachments and exec
// detaches them, which moves lpid and dtime. So ipcs runs first and IPC_STAT after.
function expectAgreement(shmid: number): ShmidDs {
  const info = ipcsInfo(shmid);
  const ds = shmctlStat(shmid).ds!;
  expect(info).toMatchObject({
    shmid,
    uid: ds.uid,
    gid: ds.gid,
    cuid: ds.cuid,
    cgid: ds.cgid,
    mode: ds.mode,
    bytes: ds.size,
    lpid: ds.lpid,
    cpid: ds.cpid,
    nattch: ds.nattch,
    att_time: ds.atime,
    det_time: ds.dtime,
    change_time: ds.ctime,
  });
  const row = shmRow(shmid)!;
  expect(row).toEqual({
    key: ds.key,
    shmid,
    perms: ds.mode,
    size: ds.size,
    cpid: ds.cpid,
    lpid: ds.lpid,
    nattch: ds.nattch,
    atime: ds.atime,
    dtime: ds.dtime,
    ctime: ds.ctime,
  });
  return ds;
}

describe('IPC_STAT', () => {
  it('agrees with ipcs -m -i and /proc/sysvipc/shm after attach, detach and IPC_SET', () => {
    const key = foreignKey();
    const shmid = shmget(key, 12345, IPC_CREAT | IPC_EXCL | 0o640).ret as number;
    expect(shmid).toBeGreaterThanOrEqual(0);
    const fresh = shmctlStat(shmid).ds!;
    expect(fresh).toMatchObject({ key, size: 12345, mode: 0o640, nattch: 0, cpid: process.pid, lpid: 0, atime: 0, dtime: 0, uid: process.getuid!(), cuid: process.getuid!() });
    expectAgreement(shmid);

    const first = shmat(shmid).segment!;
    const second = shmat(shmid, 0o10000).segment!;
    const attached = shmctlStat(shmid).ds!;
    expect(attached.nattch).toBe(2);
    expect(attached.lpid).toBe(process.pid);
    expect(attached.atime).toBeGreaterThan(0);
    expectAgreement(shmid);

    shmdt(first);
    shmctlSet(shmid, { mode: 0o604 });
    const after = shmctlStat(shmid).ds!;
    expect(after.nattch).toBe(1);
    expect(after.dtime).toBeGreaterThan(0);
    expect(after.mode).toBe(0o604);
    expect(after.lpid).toBe(process.pid);
    expectAgreement(shmid);
    shmdt(second);
  });

  it('is not disturbed by spawning a child while attached (the mapping is not inherited)', () => {
    const shmid = shmget(IPC_PRIVATE, 4096, 0o600).ret as number;
    const segment = shmat(shmid).segment!;
    const before = shmctlStat(shmid).ds!;
    // the child runs ipcs, as a lesson does: fork+exec must leave nattch, lpid and dtime alone
    const shown = execFileSync('ipcs', ['-m', '-i', String(shmid)], { encoding: 'utf8' });
    expect(shown).toMatch(/nattch=1\b/);
    const after = shmctlStat(shmid).ds!;
    expect(after).toMatchObject({ nattch: 1, lpid: process.pid, dtime: before.dtime });
    shmdt(segment);
    shmctlRmid(shmid);
  });

  it('agrees for a segment a C program made and holds (another cpid and lpid)', async (ctx) => {
    if (!haveCc()) ctx.skip();
    compileFixture('holder');
    const holder = await startHolder(foreignKey(), 1000);
    const ds = shmctlStat(holder.shmid).ds!;
    expect(ds).toMatchObject({ cpid: holder.child.pid, lpid: holder.child.pid, nattch: 1, size: 1000, mode: 0o600 });
    expectAgreement(holder.shmid);
    await holder.stop();
    expect(shmRow(holder.shmid)).toBeUndefined();
  });

  it('shows the dest status bit after IPC_RMID on an attached segment', () => {
    const shmid = shmget(IPC_PRIVATE, 4096, 0o600).ret as number;
    const segment = shmat(shmid).segment!;
    shmctlRmid(shmid);
    const ds = shmctlStat(shmid).ds!;
    expect(ds.mode).toBe(0o1600);
    expectAgreement(shmid);
    shmdt(segment);
    expect(shmRow(shmid)).toBeUndefined();
  });
});
