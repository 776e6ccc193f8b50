// struct shmid_ds, msqid_ds, semid_ds (each with struct ipc_perm at its start) and
// struct sembuf as glibc lays them out on x86_64 and aarch64, checked with offsetof
// against <sys/shm.h>, <sys/msg.h> and <sys/sem.h> in tests/native/layout.test.ts. The two
// machines agree except for struct semid_ds: x86_64 keeps a high word after each time
// (sem_ctime at 64), aarch64 does not (sem_ctime at 56). Any other machine is refused
// rather than guessed.
import type { MsqidDs, SemidDs, ShmidDs } from './types.js';

type FieldType = 'i32' | 'u32' | 'u16' | 'i16' | 'u64' | 'i64';
type Field = [offset: number, type: FieldType];

export interface Layout<T> {
  bytes: number;
  fields: Record<keyof T, Field>;
}

/** struct ipc_perm: the same 48 bytes at the start of every *id_ds. */
const IPC_PERM = {
  key: [0, 'u32'],
  uid: [4, 'u32'],
  gid: [8, 'u32'],
  cuid: [12, 'u32'],
  cgid: [16, 'u32'],
  // mode_t (4 bytes) in current glibc; older x86_64 headers had an unsigned short
  // plus padding at the same offset, which reads and writes the same mode bits.
  mode: [20, 'u32'],
  seq: [24, 'u16'],
} as const satisfies Record<string, Field>;

const SHMID_DS: Layout<ShmidDs> = {
  bytes: 112,
  fields: {
    ...IPC_PERM,
    size: [48, 'u64'],
    atime: [56, 'i64'],
    dtime: [64, 'i64'],
    ctime: [72, 'i64'],
    cpid: [80, 'i32'],
    lpid: [84, 'i32'],
    nattch: [88, 'u64'],
  },
};

const MSQID_DS: Layout<MsqidDs> = {
  bytes: 120,
  fields: {
    ...IPC_PERM,
    stime: [48, 'i64'],
    rtime: [56, 'i64'],
    ctime: [64, 'i64'],
    cbytes: [72, 'u64'],
    qnum: [80, 'u64'],
    qbytes: [88, 'u64'],
    lspid: [96, 'i32'],
    lrpid: [100, 'i32'],
  },
};

const SEMID_DS_X64: Layout<SemidDs> = {
  bytes: 104,
  fields: { ...IPC_PERM, otime: [48, 'i64'], ctime: [64, 'i64'], nsems: [80, 'u64'] },
};

const SEMID_DS_ARM64: Layout<SemidDs> = {
  bytes: 88,
  fields: { ...IPC_PERM, otime: [48, 'i64'], ctime: [56, 'i64'], nsems: [64, 'u64'] },
};

interface MachineLayouts {
  shmid_ds: Layout<ShmidDs>;
  msqid_ds: Layout<MsqidDs>;
  semid_ds: Layout<SemidDs>;
}

const LAYOUTS: Partial<Record<NodeJS.Architecture, MachineLayouts>> = {
  x64: { shmid_ds: SHMID_DS, msqid_ds: MSQID_DS, semid_ds: SEMID_DS_X64 },
  arm64: { shmid_ds: SHMID_DS, msqid_ds: MSQID_DS, semid_ds: SEMID_DS_ARM64 },
};

/** The layouts of this machine, or of `arch` (the tests read both). */
export function layouts(arch: NodeJS.Architecture = process.arch): MachineLayouts {
  const found = LAYOUTS[arch];
  if (!found) throw new Error(`ipclab knows the System V structs only on x86_64 and aarch64, not on ${arch}`);
  return found;
}

/** struct sembuf { unsigned short sem_num; short sem_op; short sem_flg; }: 6 bytes, no padding. */
export const SEMBUF = { bytes: 6, fields: { num: [0, 'u16'], op: [2, 'i16'], flg: [4, 'i16'] } } as const satisfies Layout<{ num: number; op: number; flg: number }>;

/** struct msgbuf's header: the long mtype before the text. */
export const MTYPE_BYTES = 8;

function readField(buf: Buffer, [offset, type]: Field): number {
  switch (type) {
    case 'i32': return buf.readInt32LE(offset);
    case 'u32': return buf.readUInt32LE(offset);
    case 'u16': return buf.readUInt16LE(offset);
    case 'i16': return buf.readInt16LE(offset);
    case 'u64': return Number(buf.readBigUInt64LE(offset));
    case 'i64': return Number(buf.readBigInt64LE(offset));
  }
}

function writeField(buf: Buffer, [offset, type]: Field, value: number): void {
  switch (type) {
    case 'i32': buf.writeInt32LE(value, offset); break;
    case 'u32': buf.writeUInt32LE(value, offset); break;
    case 'u16': buf.writeUInt16LE(value, offset); break;
    case 'i16': buf.writeInt16LE(value, offset); break;
    case 'u64': buf.writeBigUInt64LE(BigInt(value), offset); break;
    case 'i64': buf.writeBigInt64LE(BigInt(value), offset); break;
  }
}

/** Every field of a struct as the kernel filled it. The key reads unsigned, as ftok returns it and ipcs prints it. */
export function decode<T>(layout: Layout<T>, buf: Buffer, at = 0): T {
  const out = {} as Record<keyof T, number>;
  for (const name of Object.keys(layout.fields) as (keyof T)[]) {
    const [offset, type] = layout.fields[name];
    out[name] = readField(buf, [at + offset, type]);
  }
  return out as T;
}

/** Writes the named fields of a struct (the rest of `buf` is left as it is). */
export function encode<T>(layout: Layout<T>, buf: Buffer, values: Partial<Record<keyof T, number>>, at = 0): void {
  for (const name of Object.keys(values) as (keyof T)[]) {
    const value = values[name];
    if (value === undefined) continue;
    const [offset, type] = layout.fields[name];
    writeField(buf, [at + offset, type], value);
  }
}

/** A zeroed buffer the size of one of this machine's structs (throws on an unknown machine). */
export function allocStruct(name: keyof MachineLayouts): Buffer {
  return Buffer.alloc(layouts()[name].bytes);
}

/** Writes what IPC_SET reads from an ipc_perm (uid, gid, mode) into a buffer IPC_STAT
 *  filled. IPC_SET takes only the low 9 permission bits; the status bits stay as read. */
export function encodePermSet(layout: Layout<{ uid: number; gid: number; mode: number }>, buf: Buffer, change: { uid?: number; gid?: number; mode?: number }): void {
  const mode = change.mode === undefined ? undefined : (readField(buf, layout.fields.mode) & ~0o777) | (change.mode & 0o777);
  encode(layout, buf, { uid: change.uid, gid: change.gid, mode });
}
