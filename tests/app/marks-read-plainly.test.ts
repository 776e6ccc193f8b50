// What the Trace's • and the glossary's ◂ say, read plainly (issue 16, pass 12): no legend said
// what • marks, and "◂ from lesson 3" was cut mid-word after a long heading at 80 columns.
import { describe, expect, it } from 'vitest';
import { entryLines } from '../../src/app/components/entry-list.js';
import { traceView } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { TraceEntry } from '../../src/lessons/types.js';

describe("the Trace's •", () => {
  const pid = 4242;
  const trace: TraceEntry[] = [
    { type: 'call', pid, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600)', ret: 7, errno: null, message: null, at: 0 },
    { type: 'event', pid, text: { en: 'rv->server_pid = 4242', zh: 'rv->server_pid = 4242' }, at: 1 },
    { type: 'event', pid, text: { en: 'rv->magic = 1', zh: 'rv->magic = 1' }, at: 2 },
  ];
  for (const lang of ['en', 'zh'] as const)
    it(`${lang}: said once, under the first • line, not before it`, () => {
      const s = strings(lang);
      const rows = traceView(trace, [0], LESSONS[0]!, lang, 78, s, false, undefined, pid).lines.map(lineText);
      const said = rows.flatMap((r, i) => (r.includes(s.traceBullet.slice(0, 12)) ? [i] : []));
      expect(said, rows.join('\n')).toHaveLength(1);
      expect(rows[said[0]! - 1], rows.join('\n')).toContain('• rv->server_pid');
    });
});

describe("the glossary's ◂ marks", () => {
  const errno = GLOSSARY.find((e) => e.name.en.startsWith('errno:'))!;
  for (const lang of ['en', 'zh'] as const)
    for (const width of [78, 118]) {
      it(`${lang} ${width}: whole after the heading where it fits, else on the line under it`, () => {
        const s = strings(lang);
        const mark = s.glossaryFromLesson(3);
        const { lines } = entryLines([{ heading: errno.name[lang], mark, parts: [{ text: 'x' }] }], 0, width, 20, false);
        const text = lines.map(lineText);
        expect(text.join('\n')).toContain(mark);
        expect(text.join('\n')).not.toContain('…');
        if (text[0]!.includes(mark)) expect(text[0]).toContain(`${errno.name[lang]}  ${mark}`);
        else expect(text[1]!.trim()).toBe(mark);
      });
    }
});
