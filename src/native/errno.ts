// errno numbers to their names and messages.
import { ERRNO_CODES, raw } from './libc.js';

// Where two names share a number, the one the man pages use for System V IPC.
const PREFERRED = new Set(['EAGAIN', 'EDEADLK', 'EOPNOTSUPP']);

const NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(ERRNO_CODES)) {
  if (!NAMES.has(value) || PREFERRED.has(name)) NAMES.set(value, name);
}

/** 'EEXIST' for 17; 'E123' when the number has no known name. */
export function errnoName(errno: number): string {
  return NAMES.get(errno) ?? `E${errno}`;
}

/** The C library's message for an errno: 'File exists'. */
export function errnoMessage(errno: number): string {
  return raw.strerror(errno);
}
