// Attached shared memory, reached only through bounds-checked methods: a stray
// access through koffi would crash the whole process, so every access is checked
// against the size, the read-only flag and the attached state first.
import { viewOf, type Pointer } from './libc.js';
import { formatAddress } from './format.js';

export type SegmentErrorCode = 'OUT_OF_RANGE' | 'READ_ONLY' | 'DETACHED' | 'MISALIGNED';

/** The facts of a refusal, so that a layer that shows it can word it in the learner's
 *  language (the message is English, for logs and the playground). */
export interface SegmentErrorFacts {
  shmid: number;
  address: string;
  size: number;
  offset: number;
  length: number;
}

export class SegmentError extends Error {
  override name = 'SegmentError';
  constructor(
    readonly code: SegmentErrorCode,
    message: string,
    readonly facts: SegmentErrorFacts,
  ) {
    super(message);
  }
}

// The bytes are little-endian on both machines ipclab supports (x86_64, aarch64).
const LE = true;

export class Segment {
  readonly address: string;
  #bytes: Uint8Array | null;
  #data: DataView | null;
  #words: Int32Array | null;

  /** Made by shmat; `ptr` is the attach address, `size` the segment's shm_segsz. */
  constructor(
    readonly shmid: number,
    readonly size: number,
    readonly readOnly: boolean,
    readonly pointer: Pointer,
    readonly addressValue: bigint,
  ) {
    this.address = formatAddress(addressValue);
    const buffer = viewOf(pointer, size);
    this.#bytes = new Uint8Array(buffer);
    this.#data = new DataView(buffer);
    this.#words = new Int32Array(buffer, 0, Math.floor(size / 4));
  }

  get attached(): boolean {
    return this.#bytes !== null;
  }

  /** Drops every view of the mapping: after shmdt any access would fault. Called by shmdt only. */
  markDetached(): void {
    this.#bytes = null;
    this.#data = null;
    this.#words = null;
  }

  #facts(offset: number, length: number): SegmentErrorFacts {
    return { shmid: this.shmid, address: this.address, size: this.size, offset, length };
  }

  #check(offset: number, length: number, writing: boolean): void {
    const facts = this.#facts(offset, length);
    if (!this.attached) {
      throw new SegmentError('DETACHED', `segment ${this.shmid} is detached from ${this.address}: the old address no longer maps it (attach again with shmat)`, facts);
    }
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.size) {
      throw new SegmentError('OUT_OF_RANGE', `${length} byte(s) at offset ${offset} is outside segment ${this.shmid} (valid offsets 0..${this.size - 1}, ${this.size} bytes)`, facts);
    }
    if (writing && this.readOnly) {
      throw new SegmentError('READ_ONLY', `segment ${this.shmid} is attached read-only (SHM_RDONLY) at ${this.address}: writing would kill the process with SIGSEGV`, facts);
    }
  }

  /** A copy of `length` bytes at `offset`. */
  read(offset: number, length: number): Buffer {
    this.#check(offset, length, false);
    return Buffer.from(this.#bytes!.subarray(offset, offset + length));
  }

  write(offset: number, bytes: Uint8Array): void {
    this.#check(offset, bytes.length, true);
    this.#bytes!.set(bytes, offset);
  }

  /** UTF-8 text from `offset` up to the first NUL (or maxBytes, or the end). */
  readText(offset: number, maxBytes?: number): string {
    this.#check(offset, 0, false);
    const limit = Math.min(this.size - offset, maxBytes ?? Infinity);
    this.#check(offset, Math.max(0, limit), false);
    const bytes = this.#bytes!.subarray(offset, offset + limit);
    const nul = bytes.indexOf(0);
    return Buffer.from(nul < 0 ? bytes : bytes.subarray(0, nul)).toString('utf8');
  }

  /** Writes the UTF-8 bytes of `text` and a NUL; returns the bytes written including the NUL. */
  writeText(offset: number, text: string): number {
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
    this.write(offset, bytes);
    return bytes.length;
  }

  readInt32(offset: number): number {
    this.#check(offset, 4, false);
    return this.#data!.getInt32(offset, LE);
  }

  readUint32(offset: number): number {
    this.#check(offset, 4, false);
    return this.#data!.getUint32(offset, LE);
  }

  writeInt32(offset: number, value: number): void {
    this.#check(offset, 4, true);
    this.#data!.setInt32(offset, value, LE);
  }

  writeUint32(offset: number, value: number): void {
    this.#check(offset, 4, true);
    this.#data!.setUint32(offset, value, LE);
  }

  /** Atomically adds `value` to the int32 at `offset` (a locked add on the mapping, as C's
   *  __atomic_fetch_add: the race lesson shows no update is lost); returns the old value. */
  addInt32(offset: number, value: number): number {
    this.#check(offset, 4, true);
    if (offset % 4 !== 0) throw new SegmentError('MISALIGNED', `an atomic add needs an offset that is a multiple of 4, not ${offset}`, this.#facts(offset, 4));
    return Atomics.add(this.#words!, offset / 4, value);
  }

  /** Atomically: if the int32 at `offset` equals `expected`, store `replacement`.
   *  Returns the value that was there (equal to `expected` when the swap happened). */
  compareExchangeInt32(offset: number, expected: number, replacement: number): number {
    this.#check(offset, 4, true);
    if (offset % 4 !== 0) throw new SegmentError('MISALIGNED', `compare-and-swap needs an offset that is a multiple of 4, not ${offset}`, this.#facts(offset, 4));
    return Atomics.compareExchange(this.#words!, offset / 4, expected, replacement);
  }
}
