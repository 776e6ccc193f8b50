// struct ipclab_rv: the rendezvous segment of docs/PROTOCOL.md ("Rendezvous and the serv-clnt
// protocol"), a wire contract shared with C programs (examples/c/rv.h). Native byte
// order, little-endian on every machine ipclab supports.
import type { Segment } from '../native/index.js';

/** "1VBL": the bytes 31 56 42 4c in memory; written last by the server, meaning "ready" */
export const RV_MAGIC = 0x4c425631;
export const RV_SIZE = 4096;
/** text bytes that fit in data[] with its NUL */
export const RV_DATA_MAX = 4063;
/** flags bit 0: this is the last message */
export const RV_LAST = 1;

export const OFF = {
  magic: 0,
  server_pid: 4,
  client_pid: 8,
  seq: 12,
  ack: 16,
  len: 20,
  flags: 24,
  reserved: 28,
  data: 32,
} as const;

export const HEADER_SIZE = OFF.data;

export interface RvFields {
  magic: number;
  server_pid: number;
  client_pid: number;
  seq: number;
  ack: number;
  len: number;
  flags: number;
  /** always 0: read so the panel shows every field of the struct, the gap before data included */
  reserved: number;
  /** the text in data[], up to len bytes (or the first NUL when len is out of range) */
  data: string;
}

/** Reads every field once (a snapshot: the peer may change them right after). */
export function readFields(seg: Segment): RvFields {
  const len = seg.readUint32(OFF.len);
  return {
    magic: seg.readUint32(OFF.magic),
    server_pid: seg.readInt32(OFF.server_pid),
    client_pid: seg.readInt32(OFF.client_pid),
    seq: seg.readUint32(OFF.seq),
    ack: seg.readUint32(OFF.ack),
    len,
    flags: seg.readUint32(OFF.flags),
    reserved: seg.readUint32(OFF.reserved),
    data: len <= RV_DATA_MAX ? seg.read(OFF.data, len).toString('utf8') : seg.readText(OFF.data, RV_DATA_MAX + 1),
  };
}

export function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** One row of the decoded struct, as the state panel lists it. */
export interface DecodedRow {
  name: string;
  offset: number;
  value: string;
}

/** The struct as rows for the state panel: offset, field name, value (magic in hex, data quoted). */
export function decodedRows(f: RvFields): DecodedRow[] {
  // in C terms, so the panel reads the same in both languages
  const magic = f.magic === RV_MAGIC ? `${hex32(f.magic)} (== RV_MAGIC)` : `${f.magic === 0 ? '0' : hex32(f.magic)} (!= RV_MAGIC)`;
  const flags = f.flags & RV_LAST ? `${f.flags} (RV_LAST)` : String(f.flags);
  return [
    { name: 'magic', offset: OFF.magic, value: magic },
    { name: 'server_pid', offset: OFF.server_pid, value: String(f.server_pid) },
    { name: 'client_pid', offset: OFF.client_pid, value: String(f.client_pid) },
    { name: 'seq', offset: OFF.seq, value: String(f.seq) },
    { name: 'ack', offset: OFF.ack, value: String(f.ack) },
    { name: 'len', offset: OFF.len, value: String(f.len) },
    { name: 'flags', offset: OFF.flags, value: flags },
    { name: 'reserved', offset: OFF.reserved, value: String(f.reserved) },
    { name: 'data', offset: OFF.data, value: JSON.stringify(f.data) },
  ];
}
