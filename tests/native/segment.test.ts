// The Segment guards: every bad access is refused with a SegmentError and this
// process stays alive; the real fault is shown in a throw-away child.
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_PRIVATE, SHM_RDONLY, Segment, SegmentError, cleanupNow, crashInChild, peekAttached, shmat, shmctlRmid, shmctlStat, shmdt, shmget } from '../../src/native/index.js';
import { shmRow } from './helpers.js';

afterEach(() => {
  cleanupNow();
});

function attach(size = 4096, flags = 0): { shmid: number; segment: Segment } {
  const shmid = shmget(IPC_PRIVATE, size, 0o600).ret as number;
  expect(shmid).toBeGreaterThanOrEqual(0);
  return { shmid, segment: shmat(shmid, flags).segment! };
}

function refused(what: () => unknown, code: SegmentError['code'], message: RegExp): void {
  let caught: unknown;
  try {
    what();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SegmentError);
  expect((caught as SegmentError).code).toBe(code);
  expect((caught as SegmentError).message).toMatch(message);
}

describe('Segment', () => {
  it('reads and writes bytes, text and int32s; data stays after reading', () => {
    const { shmid, segment } = attach(100);
    expect(segment.size).toBe(100);
    expect(segment.address).toMatch(/^0x[0-9a-f]+$/);
    expect(segment.writeText(0, 'hello, 你好')).toBe(14);
    expect(segment.readText(0)).toBe('hello, 你好');
    expect(segment.readText(0)).toBe('hello, 你好');
    expect(segment.readText(0, 5)).toBe('hello');
    expect([...segment.read(0, 3)]).toEqual([0x68, 0x65, 0x6c]);
    segment.write(96, new Uint8Array([1, 2, 3, 4]));
    expect(segment.readUint32(96)).toBe(0x04030201);
    segment.writeInt32(40, -5);
    expect(segment.readInt32(40)).toBe(-5);
    expect(segment.readUint32(40)).toBe(0xfffffffb);
    segment.writeUint32(44, 0x4c425631);
    expect([...segment.read(44, 4)]).toEqual([0x31, 0x56, 0x42, 0x4c]);
    // a second attachment sees the same bytes
    const other = shmat(shmid).segment!;
    expect(other.readText(0)).toBe('hello, 你好');
    shmdt(other);
  });

  it('compares and swaps atomically, seen through another attachment', () => {
    const { shmid, segment } = attach();
    const other = shmat(shmid).segment!;
    expect(segment.compareExchangeInt32(8, 0, 4242)).toBe(0);
    expect(other.readInt32(8)).toBe(4242);
    expect(other.compareExchangeInt32(8, 0, 7)).toBe(4242);
    expect(segment.readInt32(8)).toBe(4242);
    refused(() => segment.compareExchangeInt32(6, 0, 1), 'MISALIGNED', /multiple of 4/);
    shmdt(other);
  });

  it('refuses out-of-range accesses: negative, past the end, length overflow', () => {
    const { segment } = attach(64);
    refused(() => segment.read(-1, 1), 'OUT_OF_RANGE', /outside segment/);
    refused(() => segment.read(64, 1), 'OUT_OF_RANGE', /64 bytes/);
    refused(() => segment.read(60, 5), 'OUT_OF_RANGE', /offset 60/);
    refused(() => segment.read(1, Number.MAX_SAFE_INTEGER), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.read(0.5, 1), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.write(62, new Uint8Array(4)), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.writeText(60, 'four'), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.readInt32(61), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.writeUint32(-4, 1), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.readText(65), 'OUT_OF_RANGE', /outside/);
    refused(() => segment.compareExchangeInt32(64, 0, 1), 'OUT_OF_RANGE', /outside/);
    // nothing was written past the end, and the process is fine
    expect(segment.readText(60)).toBe('');
  });

  it('refuses writes to a SHM_RDONLY attachment but reads it', () => {
    const { shmid, segment } = attach();
    segment.writeText(0, 'read me');
    const ro = shmat(shmid, SHM_RDONLY).segment!;
    expect(ro.readOnly).toBe(true);
    expect(ro.readText(0)).toBe('read me');
    refused(() => ro.write(0, new Uint8Array([1])), 'READ_ONLY', /SHM_RDONLY/);
    refused(() => ro.writeText(0, 'x'), 'READ_ONLY', /read-only/);
    refused(() => ro.writeInt32(0, 1), 'READ_ONLY', /read-only/);
    refused(() => ro.compareExchangeInt32(0, 0, 1), 'READ_ONLY', /read-only/);
    expect(segment.readText(0)).toBe('read me');
    shmdt(ro);
  });

  it('refuses every access after detach', () => {
    const { shmid, segment } = attach();
    shmdt(segment);
    expect(segment.attached).toBe(false);
    refused(() => segment.read(0, 1), 'DETACHED', /detached/);
    refused(() => segment.readText(0), 'DETACHED', /detached/);
    refused(() => segment.write(0, new Uint8Array([1])), 'DETACHED', /detached/);
    refused(() => segment.readInt32(0), 'DETACHED', /detached/);
    refused(() => segment.compareExchangeInt32(0, 0, 1), 'DETACHED', /detached/);
    expect(shmRow(shmid)!.nattch).toBe(0);
  });
});

describe('peekAttached', () => {
  it('reads through an attachment already held, changes nothing ipcs shows, and is null when none is', () => {
    const shmid = shmget(IPC_PRIVATE, 100, 0o600).ret as number;
    expect(peekAttached(shmid, 64)).toBeNull();
    const segment = shmat(shmid).segment!;
    segment.writeText(0, 'peek 看');
    const before = shmctlStat(shmid).ds!;
    const whole = peekAttached(shmid, 4096)!;
    expect(whole).toMatchObject({ shmid, at: 0, size: 100 });
    expect(whole.bytes.length).toBe(100);
    expect(whole.bytes.subarray(0, 9).toString('utf8')).toBe('peek 看\0');
    // a piece further on: the last one is short, and one past the end is the last one
    segment.writeText(64, 'far');
    const piece = peekAttached(shmid, 32, 64)!;
    expect([piece.at, piece.bytes.length, piece.bytes.subarray(0, 3).toString('utf8')]).toEqual([64, 32, 'far']);
    expect([peekAttached(shmid, 32, 96)!.at, peekAttached(shmid, 32, 96)!.bytes.length]).toEqual([96, 4]);
    expect(peekAttached(shmid, 32, 4096)!.at).toBe(96);
    expect(shmctlStat(shmid).ds).toEqual(before);
    shmdt(segment);
    expect(peekAttached(shmid, 64)).toBeNull();
    shmctlRmid(shmid);
  });
});

describe('crashInChild', () => {
  it('reports SIGSEGV for a write to a SHM_RDONLY attach and for a read after detach', async () => {
    const { shmid, segment } = attach();
    segment.writeText(0, 'untouched');
    const [rdonly, detached] = await Promise.all([crashInChild({ shmid, op: 'write-rdonly' }), crashInChild({ shmid, op: 'use-after-detach' })]);
    expect(rdonly).toMatchObject({ signal: 'SIGSEGV', code: null });
    expect(rdonly.address).toMatch(/^0x[0-9a-f]+$/);
    expect(detached).toMatchObject({ signal: 'SIGSEGV', code: null });
    expect(rdonly.pid).not.toBe(detached.pid);
    // each stamped the access it was about to make, after its own calls
    for (const child of [rdonly, detached]) expect(child.accessAt).toBeGreaterThanOrEqual(child.calls.at(-1)!.at);
    // the children are gone and the data is as it was
    for (const pid of [rdonly.pid, detached.pid]) expect(() => process.kill(pid, 0)).toThrow();
    expect(segment.readText(0)).toBe('untouched');
    expect(shmRow(shmid)!.nattch).toBe(1);
  });

  it('reports a plain exit when the child cannot attach', async () => {
    const death = await crashInChild({ shmid: -1, op: 'write-rdonly' });
    expect(death).toMatchObject({ signal: null, code: 3, address: null, accessAt: null });
  });
});
