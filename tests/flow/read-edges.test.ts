// A read is drawn from what is read to the reader: an arrow that ends at the kernel's
// object says "into it", which is a write (newcomers read program B's "read ▼" as B writing).
import { describe, expect, it } from 'vitest';
import { diagramModel, diagramNames } from '../../src/flow/index.js';

const isRead = (zh: string | null, en: string | null) => (!!zh && /^读/.test(zh) && !zh.includes('写')) || (!!en && /^reads?\b/i.test(en) && !/\bwrite/i.test(en));

describe('read edges', () => {
  it('end outside the kernel: the arrow is at the reader', () => {
    for (const name of diagramNames()) {
      const zh = diagramModel(name, 'zh');
      const en = diagramModel(name, 'en');
      const inKernel = new Set(zh.subgraphs.filter((s) => s.id === 'kernel').flatMap((s) => s.members));
      // a mapping of a segment (parent-child's "mapping", tied to "down" by an unlabelled line) is
      // that memory too: a read ends at the reader, not there
      const mapping = new Set(zh.edges.filter((e) => !e.label).flatMap((e) => (inKernel.has(e.to) ? [e.from] : inKernel.has(e.from) ? [e.to] : [])).filter((id) => !inKernel.has(id)));
      zh.edges.forEach((e, i) => {
        if (!isRead(e.label, en.edges[i].label)) return;
        expect.soft(inKernel.has(e.to) || e.to === 'kernel' ? `${name}: ${e.id} reads into the kernel` : '').toBe('');
        expect.soft(mapping.has(e.to) ? `${name}: ${e.id} reads into ${e.to}, a mapping of the kernel's memory` : '').toBe('');
      });
    }
  });

  it('would catch the mistake', () => {
    expect(isRead('读', 'read')).toBe(true);
    expect(isRead('读 x，写 x+1', 'read x, write x+1')).toBe(false);
    expect(isRead('子进程读：SIGSEGV', 'a child reads: SIGSEGV')).toBe(false);
  });
});
