// `ipclab ipcs`: the kernel's segments with ipclab's own marked, checked against
// lsipc (util-linux) for a segment a C program made.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_PRIVATE, cleanupNow, readSegments, shmat, shmget, type SegmentRecord } from '../../src/native/index.js';
import { foreignKey, hasLsipc, haveCc, reapChildren, runCli, startHolder } from './helpers.js';

afterEach(async () => {
  await reapChildren();
  cleanupNow();
});

function ipcsJson(): { segments: SegmentRecord[]; queues: unknown[]; semaphores: unknown[] } {
  const out = runCli(['ipcs', '--json']);
  expect(out.code, out.stderr).toBe(0);
  expect(out.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out.stdout);
}

describe('ipclab ipcs', () => {
  it('--json shows a C program\'s segment as lsipc -m --json does', async (ctx) => {
    if (!haveCc()) ctx.skip();
    const key = foreignKey();
    const holder = await startHolder(key, 5000);
    const { segments, queues, semaphores } = ipcsJson();
    expect(Array.isArray(queues) && Array.isArray(semaphores)).toBe(true);
    const mine = segments.find((s) => s.shmid === holder.shmid)!;
    expect(mine).toMatchObject({
      key: `0x${key.toString(16).padStart(8, '0')}`,
      size: 5000,
      nattch: 1,
      cpid: holder.child.pid,
      lpid: holder.child.pid,
      perms: '600',
      owner: 'root',
      status: [],
      ours: false,
    });
    if (!hasLsipc()) {
      console.warn('lsipc is not installed: the comparison with lsipc -m --json is skipped');
    } else {
      const lsipc = JSON.parse(execFileSync('lsipc', ['-m', '--json', '-b', '-o', 'KEY,ID,SIZE,NATTCH,CPID'], { encoding: 'utf8' })) as {
        sharedmemory: { key: string; id: string | number; size: string | number; nattch: string | number; cpid: string | number }[];
      };
      const theirs = lsipc.sharedmemory.find((s) => Number(s.id) === holder.shmid)!;
      expect(theirs).toBeDefined();
      expect({ key: mine.key, shmid: mine.shmid, size: mine.size, nattch: mine.nattch, cpid: mine.cpid }).toEqual({
        key: theirs.key,
        shmid: Number(theirs.id),
        size: Number(theirs.size),
        nattch: Number(theirs.nattch),
        cpid: Number(theirs.cpid),
      });
    }
    await holder.stop();
  });

  it('marks ipclab\'s own segments, in JSON and in the table', () => {
    const shmid = shmget(IPC_PRIVATE, 4096, 0o600).ret as number;
    shmat(shmid);
    const ours = ipcsJson().segments.find((s) => s.shmid === shmid)!;
    expect(ours).toMatchObject({ key: '0x00000000', ours: true, cpid: process.pid, size: 4096, perms: '600' });
    expect(readSegments().find((s) => s.shmid === shmid)?.ours).toBe(true);

    const table = runCli(['ipcs', '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Shared Memory Segments/);
    expect(table.stdout).toMatch(/^key +shmid +owner +perms +bytes +nattch +status +cpid +lpid +ours$/m);
    expect(table.stdout).toMatch(new RegExp(`^0x00000000 +${shmid} +root +600 +4096 +\\d+ +${process.pid} +\\d+ +\\*$`, 'm'));
    expect(table.stdout).toMatch(/Message Queues/);
    expect(table.stdout).toMatch(/Semaphore Arrays/);
  });

  it('shows the dest status and key 0 after IPC_RMID while attached', () => {
    const shmid = shmget(foreignKey(), 4096, 0o1000 | 0o600).ret as number;
    shmat(shmid);
    execFileSync('ipcrm', ['-m', String(shmid)]);
    const row = readSegments().find((s) => s.shmid === shmid)!;
    expect(row).toMatchObject({ key: '0x00000000', status: ['dest'], ours: true });
  });
});
