// struct shmid_ds (with struct ipc_perm at its start) as glibc lays it out.
// On x86_64 and aarch64 glibc uses the same 64-bit layout (checked with offsetof
// against <sys/shm.h>); any other machine is refused rather than guessed.
import type { ShmidDs } from './types.js';

type FieldType = 'i32' | 'u32' | 'u16' | 'u64' | 'i64';

interface Layout {
  bytes: number;
  fields: Record<keyof ShmidDs, [offset: number, type: FieldType]>;
}

const GLIBC_LP64: Layout = {
  bytes: 112,
  fields: {
    key: [0, 'u32'],
    uid: [4, 'u32'],
    gid: [8, 'u32'],
    cuid: [12, 'u32'],
    cgid: [16, 'u32'],
    // mode_t (4 bytes) in current glibc; older x86_64 headers had an unsigned short
    // plus padding at the same offset, which reads and writes the same mode bits.
    mode: [20, 'u32'],
    seq: [24, 'u16'],
    size: [48, 'u64'],
    atime: [56, 'i64'],
    dtime: [64, 'i64'],
    ctime: [72, 'i64'],
    cpid: [80, 'i32'],
    lpid: [84, 'i32'],
    nattch: [88, 'u64'],
  },
};

const LAYOUTS: Partial<Record<NodeJS.Architecture, Layout>> = { x64: GLIBC_LP64, arm64: GLIBC_LP64 };

function layout(): Layout {
  const found = LAYOUTS[process.arch];
  if (!found) throw new Error(`ipclab knows struct shmid_ds only on x86_64 and aarch64, not on ${process.arch}`);
  return found;
}

/** A zeroed buffer the size of struct shmid_ds (throws on an unknown machine). */
export function allocShmidDs(): Buffer {
  return Buffer.alloc(layout().bytes);
}

function readField(buf: Buffer, [offset, type]: [number, FieldType]): number {
  switch (type) {
    case 'i32': return buf.readInt32LE(offset);
    case 'u32': return buf.readUInt32LE(offset);
    case 'u16': return buf.readUInt16LE(offset);
    case 'u64': return Number(buf.readBigUInt64LE(offset));
    case 'i64': return Number(buf.readBigInt64LE(offset));
  }
}

function writeField(buf: Buffer, [offset, type]: [number, FieldType], value: number): void {
  switch (type) {
    case 'i32': buf.writeInt32LE(value, offset); break;
    case 'u32': buf.writeUInt32LE(value, offset); break;
    case 'u16': buf.writeUInt16LE(value, offset); break;
    case 'u64': buf.writeBigUInt64LE(BigInt(value), offset); break;
    case 'i64': buf.writeBigInt64LE(BigInt(value), offset); break;
  }
}

/** The fields of a struct shmid_ds that IPC_STAT filled. The key reads unsigned, as ftok returns it and ipcs prints it. */
export function decodeShmidDs(buf: Buffer): ShmidDs {
  const { fields } = layout();
  const out = {} as ShmidDs;
  for (const name of Object.keys(fields) as (keyof ShmidDs)[]) out[name] = readField(buf, fields[name]);
  return out;
}

/** Writes the fields IPC_SET reads (uid, gid, mode) into a buffer IPC_STAT filled. */
export function encodeShmSet(buf: Buffer, change: { uid?: number; gid?: number; mode?: number }): void {
  const { fields } = layout();
  if (change.uid !== undefined) writeField(buf, fields.uid, change.uid);
  if (change.gid !== undefined) writeField(buf, fields.gid, change.gid);
  if (change.mode !== undefined) {
    const old = readField(buf, fields.mode);
    // IPC_SET takes only the low 9 permission bits; keep the status bits as read
    writeField(buf, fields.mode, (old & ~0o777) | (change.mode & 0o777));
  }
}
