// The short record (a pane that cannot hold all its lines) shows the fields the row does not,
// in one order from the first while the line holds them; a field the step changed further on
// is shown too, saying why: its change mark, or a word before a field the lesson pane names. Overview 4 showed "atime … dtime 0 lpid 10339*" and
// step 5 "atime … dtime 0 ctime …": lpid came and ctime went, and nothing said why (issue 16).
import { describe, expect, it } from 'vitest';
import { statLines } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { cells, proseWidth } from '../../src/app/text-fit.js';
import type { ShmidDs } from '../../src/native/types.js';

const ds: ShmidDs = { key: 0, uid: 0, gid: 0, cuid: 0, cgid: 0, mode: 0o600, seq: 1, size: 4096, atime: 1_700_000_000, dtime: 0, ctime: 1_700_000_000, cpid: 4194300, lpid: 4194301, nattch: 1 };
/** the row in focus shows these (key, bytes, nattch, perms): the short record leaves them out */
const row = new Set<keyof ShmidDs>(['key', 'size', 'nattch', 'mode']);

describe('the short record says why a field past the first left out is shown', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    it(`${lang}: a changed field past the line's room stands with its mark alone; a named one after "${s.recordNamed}"`, () => {
      // the 80-column pane's 78 cells: atime, dtime and lpid* fit, ctime and what follows do not;
      // lpid* says by its mark why it is there, as atime* does (a "changed:" before lpid* alone
      // read as atime not changed: issue 16, parent-child 2)
      const changed = statLines(4, ds, 78, s, new Set<keyof ShmidDs>(['atime', 'lpid']), '*', row, new Set(), 4, true);
      expect(changed).toHaveLength(1);
      const text = lineText(changed[0]!);
      expect(text).not.toMatch(/ctime/);
      expect(text).toContain('dtime 0  lpid 4194301*');
      expect(text).not.toContain(s.recordNamed);
      expect(text.trimEnd().endsWith(s.recordMore) || text.trimEnd().endsWith(s.recordMoreShort)).toBe(true);
      // the next step changed atime alone: its fields from the first, no word
      const plain = lineText(statLines(4, ds, 78, s, new Set<keyof ShmidDs>(['atime']), '*', row, new Set(), 5, true)[0]!);
      expect(plain).toMatch(/ctime/);
      expect(plain).not.toContain(s.recordNamed);
      // a field the lesson pane names, not changed: the word leads it
      // (zh: no blank after its full-width colon)
      const gap = lang === 'zh' ? '' : ' ';
      const named = lineText(statLines(4, ds, 78, s, new Set<keyof ShmidDs>(), '*', row, new Set(['cuid']), 5, true)[0]!);
      expect(named).toContain(`${s.recordNamed}${gap}cuid 0`);
      // the lead says which text and why in one word group: "also: … (the text names them)" said
      // neither what "also" added to nor which text (issue 16, s36a#2); the Lesson pane's title names it
      expect(s.recordNamed).toContain(lang === 'en' ? 'lesson' : '课程');
      // and the line's end names the struct the record is, and where the rest of it is
      expect(named.trimEnd().endsWith(s.recordMore) || named.trimEnd().endsWith(s.recordMoreShort)).toBe(true);
      expect(s.recordMore).toMatch(/z.*shmid_ds/);
    });

    it(`${lang}: every field whole on its row at every width, whatever the pids' digits, the marks and the fields named`, () => {
      // the 80-column pane put cpid last on the record's line, where a wider pid would run past the
      // border (issue 16): a pair goes to the next row whole, or stays off the short record
      const wrong: string[] = [];
      const pairs = /(?:^|\s)(atime|dtime|ctime|lpid|cpid|cuid|cgid|nattch|uid|gid|mode|key|size) (\S+)/g;
      for (const pid of [7, 31_999, 4_194_303]) {
        const d = { ...ds, cpid: pid, lpid: pid, dtime: ds.ctime };
        for (let width = 30; width <= 78; width++)
          for (const compact of [false, true, 2] as const)
            for (const changed of [new Set<keyof ShmidDs>(), new Set<keyof ShmidDs>(['atime', 'dtime', 'ctime', 'lpid']), 'new' as const])
              for (const named of [[], ['cpid'], ['ctime', 'cpid', 'cgid', 'uid', 'gid']]) {
                const texts = statLines(4, d, width, s, changed, '*', row, new Set(named), 4, compact).map(lineText);
                const at = `${pid} ${width} ${String(compact)} ${[...(changed === 'new' ? ['new'] : changed)]} ${named}:\n${texts.join('\n')}`;
                if (texts.some((t) => cells(t) > proseWidth(width))) wrong.push(`past the border: ${at}`);
                // a field's name never ends a row without its value after it
                if (texts.some((t) => /(^|\s)(atime|dtime|ctime|lpid|cpid|cuid|cgid|nattch|uid|gid|mode|key|size)$/.test(t.trimEnd()))) wrong.push(`a name without its value: ${at}`);
                for (const m of texts.join('\n').matchAll(pairs)) if (m[1] === 'cpid' && !m[2]!.startsWith(String(pid))) wrong.push(`cpid cut: ${at}`);
              }
      }
      expect(wrong.slice(0, 3)).toEqual([]);
    });
  }
});
