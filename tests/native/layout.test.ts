// The struct layouts of src/native/layout.ts checked against this machine's glibc
// headers: a C program prints sizeof and offsetof of every field ipclab reads or
// writes, and each must be what ipclab assumes for this architecture.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layouts, SEMBUF, MTYPE_BYTES, type Layout } from '../../src/native/layout.js';
import { haveCc, tempDir } from './helpers.js';

// the C name of each field ipclab names, per struct
const PERM = { key: 'PERM.__key', uid: 'PERM.uid', gid: 'PERM.gid', cuid: 'PERM.cuid', cgid: 'PERM.cgid', mode: 'PERM.mode', seq: 'PERM.__seq' };
const C_NAMES: Record<string, { header: string; perm: string; fields: Record<string, string> }> = {
  shmid_ds: { header: 'sys/shm.h', perm: 'shm_perm', fields: { ...PERM, size: 'shm_segsz', atime: 'shm_atime', dtime: 'shm_dtime', ctime: 'shm_ctime', cpid: 'shm_cpid', lpid: 'shm_lpid', nattch: 'shm_nattch' } },
  msqid_ds: {
    header: 'sys/msg.h',
    perm: 'msg_perm',
    fields: { ...PERM, stime: 'msg_stime', rtime: 'msg_rtime', ctime: 'msg_ctime', cbytes: '__msg_cbytes', qnum: 'msg_qnum', qbytes: 'msg_qbytes', lspid: 'msg_lspid', lrpid: 'msg_lrpid' },
  },
  semid_ds: { header: 'sys/sem.h', perm: 'sem_perm', fields: { ...PERM, otime: 'sem_otime', ctime: 'sem_ctime', nsems: 'sem_nsems' } },
  sembuf: { header: 'sys/sem.h', perm: '', fields: { num: 'sem_num', op: 'sem_op', flg: 'sem_flg' } },
};

const SIZE_OF: Record<string, number> = { i32: 4, u32: 4, u16: 2, i16: 2, u64: 8, i64: 8 };

function program(): string {
  const lines = ['#include <stdio.h>', '#include <stddef.h>', '#include <sys/shm.h>', '#include <sys/msg.h>', '#include <sys/sem.h>', 'int main(void) {'];
  for (const [struct, { perm, fields }] of Object.entries(C_NAMES)) {
    lines.push(`  printf("${struct} sizeof %zu\\n", sizeof(struct ${struct}));`);
    for (const [name, c] of Object.entries(fields)) {
      const member = c.replace('PERM', perm);
      lines.push(`  printf("${struct} ${name} %zu %zu\\n", offsetof(struct ${struct}, ${member}), sizeof(((struct ${struct} *)0)->${member}));`);
    }
  }
  lines.push('  return 0;', '}');
  return lines.join('\n');
}

describe('struct layouts', () => {
  it('are those of glibc on this machine: every offset, and the size of every field and struct', (ctx) => {
    if (!haveCc()) ctx.skip();
    const dir = tempDir('ipclab-layout-');
    writeFileSync(join(dir, 'layout.c'), program());
    execFileSync('cc', ['-Wall', '-Werror', '-o', join(dir, 'layout'), join(dir, 'layout.c')]);
    const out = execFileSync(join(dir, 'layout'), { encoding: 'utf8' });
    const ours = { ...layouts(), sembuf: SEMBUF } as Record<string, Layout<Record<string, number>>>;
    for (const line of out.trim().split('\n')) {
      const [struct, name, a, b] = line.split(' ');
      const layout = ours[struct];
      if (name === 'sizeof') {
        expect(layout.bytes, `sizeof(struct ${struct})`).toBe(Number(a));
        continue;
      }
      const [offset, type] = layout.fields[name];
      expect(offset, `offsetof(struct ${struct}, ${name})`).toBe(Number(a));
      // mode_t is 4 bytes in current glibc (ipclab reads 4: an older 2-byte mode plus padding reads the same)
      expect(SIZE_OF[type], `sizeof ${struct}.${name}`).toBe(Number(b));
    }
    expect(MTYPE_BYTES).toBe(8); // long mtype
  });

  it('differ between x86_64 and aarch64 only in struct semid_ds', () => {
    const x64 = layouts('x64');
    const arm64 = layouts('arm64');
    expect(arm64.shmid_ds).toEqual(x64.shmid_ds);
    expect(arm64.msqid_ds).toEqual(x64.msqid_ds);
    // aarch64 has no high word after each time: glibc's generic struct_semid_ds.h
    expect({ bytes: arm64.semid_ds.bytes, otime: arm64.semid_ds.fields.otime[0], ctime: arm64.semid_ds.fields.ctime[0], nsems: arm64.semid_ds.fields.nsems[0] }).toEqual({ bytes: 88, otime: 48, ctime: 56, nsems: 64 });
    expect(() => layouts('ia32')).toThrow(/only on x86_64 and aarch64/);
  });
});
