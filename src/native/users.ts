// Owner names as `ipcs` shows them: getpwuid_r asks the C library, which goes through
// NSS, so accounts from LDAP or sssd have their names too, not only /etc/passwd's.
// A uid with no account shows as its number.
import { errnoCodes, raw } from './libc.js';

const names = new Map<number, string>();

// glibc's own first guess (sysconf _SC_GETPW_R_SIZE_MAX) is 1024; a long entry
// (many groups' worth of gecos from a directory) asks for more with ERANGE
const FIRST_BUFFER = 1024;
const LARGEST_BUFFER = 1 << 20;

function lookup(uid: number): string | null {
  for (let size = FIRST_BUFFER; size <= LARGEST_BUFFER; size *= 4) {
    const { value, name } = raw.getpwuid_r(uid, size);
    if (value !== errnoCodes().ERANGE) return value === 0 ? name : null;
  }
  return null;
}

/** The user name of a uid; the number as text when there is no such account. */
export function userName(uid: number): string {
  let name = names.get(uid);
  if (name === undefined) {
    name = lookup(uid) ?? String(uid);
    names.set(uid, name);
  }
  return name;
}
