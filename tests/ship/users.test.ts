// Owner names come from getpwuid_r through koffi (NSS: files, LDAP, sssd, systemd),
// checked against getent, which asks the same C library; unknown uids show the number.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { userName } from '../../src/native/users.js';
import { errnoCodes, raw } from '../../src/native/libc.js';

describe('user names', () => {
  it('agree with getent passwd for every account it lists', () => {
    const entries = execFileSync('getent', ['passwd'], { encoding: 'utf8' }).trim().split('\n');
    expect(entries.length).toBeGreaterThan(0);
    const first = new Map<number, string>();
    for (const line of entries) {
      const [name, , uid] = line.split(':');
      if (!first.has(Number(uid))) first.set(Number(uid), name);
    }
    for (const [uid, name] of first) expect(userName(uid), `uid ${uid}`).toBe(name);
  });

  it('name this process as id -un does', () => {
    expect(userName(process.getuid!())).toBe(execFileSync('id', ['-un'], { encoding: 'utf8' }).trim());
  });

  it('show an unknown uid as its number', () => {
    const uid = 3_999_999_999;
    expect(spawnSync('getent', ['passwd', String(uid)]).status).toBe(2); // getent: no such key
    expect(userName(uid)).toBe(String(uid));
  });

  it('a buffer too small is ERANGE, which the lookup grows past', () => {
    expect(raw.getpwuid_r(0, 4).value).toBe(errnoCodes().ERANGE);
    expect(raw.getpwuid_r(0, 4096)).toEqual({ value: 0, name: userName(0) });
  });
});
