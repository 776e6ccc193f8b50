// errno numbers to their names and messages.
import { errnoCodes, raw } from './libc.js';

// Where two names share a number, the one the man pages use for System V IPC.
const PREFERRED = new Set(['EAGAIN', 'EDEADLK', 'EOPNOTSUPP']);

let names: Map<number, string> | undefined;

/** Number -> name, made on first use (the codes come from koffi, which loads late). */
function namesByNumber(): Map<number, string> {
  if (!names) {
    names = new Map();
    for (const [name, value] of Object.entries(errnoCodes())) {
      if (!names.has(value) || PREFERRED.has(name)) names.set(value, name);
    }
  }
  return names;
}

/** 'EEXIST' for 17; 'E123' when the number has no known name. */
export function errnoName(errno: number): string {
  return namesByNumber().get(errno) ?? `E${errno}`;
}

/** The C library's message for an errno: 'File exists'. */
export function errnoMessage(errno: number): string {
  return raw.strerror(errno);
}
