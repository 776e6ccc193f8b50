// The segment table's status column is empty for most rows (ipcs -m's too): a line under the
// table points to the glossary's status entry (what it would hold: locked, and dest once shmctl 6 ran) wherever the column is shown empty in every row
// and the pane has room for all its lines; in a short pane it gives way, after the blank lines
// between sections (fix27b#4).
import { describe, expect, it } from 'vitest';
import { kernelLines, type KernelInput } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { lineText } from '../../src/app/styled.js';
import type { SegmentRecord } from '../../src/native/types.js';

const seg = (status: string[]): SegmentRecord => ({ key: '0x00000000', shmid: 7, owner: 'root', perms: '600', size: 4096, nattch: 1, cpid: 42, lpid: 43, status, atime: 1, dtime: 0, ctime: 1, ours: true });
const input = (lang: 'en' | 'zh', status: string[]): KernelInput => ({
  segments: [seg(status)], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: [], lang, s: strings(lang),
  marks: { owners: { lesson: new Set([7]), ipclab: new Set() }, before: null, mark: '*', ascii: false },
});

describe('the status column, empty, says what it would hold', () => {
  for (const lang of ['en', 'zh'] as const) {
    const note = strings(lang).statusEmpty;
    it(`${lang}: under a table whose status is empty in every row, where the pane holds all its lines`, () => {
      const lines = kernelLines(input(lang, []), 76, 40).map(lineText);
      expect(lines[0]).toMatch(/\sstatus\s/);
      expect(lines.join('\n'), lines.join('\n')).toContain(note.slice(0, 20));
      // it points to the glossary's status entry and says nothing of dest itself: that a removed,
      // attached segment stays listed is shmctl 6's question, shown from lesson 1 on (fix28d#4)
      expect(note).not.toMatch(/dest|removed|删除/);
      const entry = GLOSSARY.find((e) => e.name[lang].includes('status'))!;
      expect(entry.name[lang]).toMatch(/^status/);
      expect(entry.text[lang]).not.toMatch(/dest|IPC_RMID/);
      // dest's part waits for shmctl's rmid step; that a dest segment attaches by shmid, for attach-dest (s35f)
      expect(entry.shows).toEqual([
        expect.objectContaining({ lesson: 'shmctl', step: 'rmid', text: expect.objectContaining({ [lang]: expect.stringMatching(/^dest/) }) }),
        expect.objectContaining({ lesson: 'shmctl', step: 'attach-dest', text: expect.objectContaining({ [lang]: expect.stringMatching(/shmid/) }) }),
      ]);
    });
    it(`${lang}: not where a row says dest, nor in a pane too short for all its lines`, () => {
      expect(kernelLines(input(lang, ['dest']), 76, 40).map(lineText).join('\n')).not.toContain(note.slice(0, 20));
      // the blank lines between sections go first, then the note
      const all = kernelLines(input(lang, []), 76, 40).filter((l) => l.length > 0).length;
      const short = kernelLines(input(lang, []), 76, all - 1).map(lineText);
      expect(short.join('\n')).not.toContain(note.slice(0, 20));
      expect(short.some((l) => /\sstatus\s/.test(l))).toBe(true);
    });
  }
});
