// The Kernel pane names an object by its kind and id, never by a bare number: the dump's
// caption read "4 (4096 bytes) bytes 0000–003f" / "4（共 4096 字节）的第 0000–003f 字节", and a
// newcomer read the 4 as a count ("four"), not as segment 4; a step's change out of view
// ("step 4 changed 8 bytes 0000–0012") read the same way where the lesson gave the segment
// no name. Every caption and legend text of the pane that carries an id, en and zh: the id
// follows its kind's word (segment, 共享内存段, …) or the lesson's own name for the object.
import { describe, expect, it } from 'vitest';
import { changedOutOfView, dumpLines, kernelLegendLines } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { SegmentRecord } from '../../src/native/index.js';

/** The Kernel pane's legend (kernelLegendLines, as the pane draws it) as one text: a width
 *  that holds it on one line. */
const legendText = (k: Parameters<typeof kernelLegendLines>[0]) => kernelLegendLines(k, 1000).map(lineText).join(' ');

const KIND = /(?:segment|message queue|semaphore set|shmid|共享内存段|段|消息队列|信号量集) $/;

/** Every standalone occurrence of `id` in `text` comes right after its kind's word. */
function bare(text: string, id: number): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![0-9A-Fa-fx–-])${id}(?![0-9A-Fa-f–])`, 'g'))) {
    if (!KIND.test(text.slice(0, m.index))) out.push(`${text.slice(Math.max(0, m.index! - 12), m.index! + 12)} in "${text}"`);
  }
  return out;
}

const seg = (shmid: number): SegmentRecord => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 1, cpid: 40, lpid: 41, status: [], atime: 1, dtime: 1, ctime: 1, ours: true });
const page = (shmid: number, text: string) => ({ shmid, at: 0, size: 4096, bytes: Uint8Array.from([...Buffer.from(text), ...new Array<number>(64 - Buffer.byteLength(text)).fill(0)]) });

describe('Kernel pane: an id is said with its kind', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    it(`${lang}: the dump's caption names the segment ("segment 4", not a bare 4)`, () => {
      const head = lineText(dumpLines(4, { shmid: 4, at: 0, size: 4096, bytes: Buffer.from('hello') }, 78, s)[0]!);
      expect(bare(head, 4), head).toEqual([]);
      expect(head).toContain(lang === 'en' ? 'segment 4' : '共享内存段 4');
      // the segment's size still said, and the range in view
      expect(head).toContain('4096');
      expect(head).toContain('0000–0004');
    });
    it(`${lang}: a change out of view names the segment by its kind where the lesson gave it no name`, () => {
      const before = { step: 3, segments: [seg(7), seg(8)], queues: [], semaphores: [], focus: 7, stat: null, decoded: null, pages: [page(7, ''), page(8, '')], after: [page(7, ''), page(8, 'hello')] };
      const k = { segments: [seg(7), seg(8)], marks: { owners: { lesson: new Set([7, 8]), ipclab: new Set<number>() }, before, mark: '*', ascii: false }, s, focus: 7, stat: null, decoded: null, lang };
      const said = changedOutOfView(k)!;
      expect(said).not.toBeNull();
      expect(bare(said, 8), said).toEqual([]);
      expect(legendText(k)).toContain(s.objectName('shm', 8));
      // the lesson's own name for it, where it gave one, stays
      expect(changedOutOfView({ ...k, marks: { ...k.marks, labels: { shm: new Map([[8, 'down']]) } } })).toContain(lang === 'en' ? 'changed down bytes' : '改变了 down 的第');
    });
    it(`${lang}: every other sentence of the pane with an id says its kind`, () => {
      const texts = [s.statHead(4), s.focusGone(4), s.vanished('shm', 4), s.vanished('msg', 4), s.vanished('sem', 4), ...(['shm', 'msg', 'sem'] as const).map((kind) => s.objectName(kind, 4))];
      for (const text of texts) expect(bare(text, 4), text).toEqual([]);
    });
  }
});
