// } in the Kernel pane (newcomers: shmdt's text written at +4070 took 62 presses of ] to
// reach): the dump jumps to the next bytes that are not all zero; ] onto zeros says so.
// The real store, engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran, screenCells, tabTo } from '../helpers/render.js';
import { lessonById } from '../../src/lessons/index.js';

const draw = appDrawer('dump-seek', { lessons: [lessonById('shmdt')!], quiz: false });

/** The Kernel pane's box as drawn, its borders included (a tab at 80x24, right of the Lesson pane at
 *  120x34): its rows from the column its top border starts at. */
function kernelBox(frame: string, title: string): string[] {
  const rows = frame.split('\n').map(screenCells);
  const top = rows.findIndex((r) => r.join('').includes(`┌─ ${title}`));
  if (top < 0) return [];
  const col = rows[top]!.findIndex((c, i) => c === '┌' && rows[top]!.slice(i).join('').startsWith(`┌─ ${title}`));
  const out: string[] = [];
  for (const r of rows.slice(top)) {
    out.push(r.slice(col).join(''));
    if (r[col] === '└') break;
  }
  return out;
}

describe('} jumps the dump to the next non-zero bytes', () => {
  for (const [width, height, lang] of [[80, 24, 'en'], [120, 34, 'zh']] as const) {
    it(`${width}x${height} ${lang}: after shmdt step 1 with the text at +4070, ] says the bytes are zero and names }; } shows the text's row`, async () => {
      const r = await draw({ width, height, lang });
      // typing edits at the cursor: Ctrl-U clears the offset the form shows first
      await r.press('y', KEYS.tab, '\x15', '4070', KEYS.enter);
      await r.waitFor(() => r.store.getState().done === 1 && r.store.getState().busy === null, 'step 1 run with the offset 4070', 30_000);
      // the Kernel pane shown (a tab at 80x24, where the run showed it) or in focus
      await tabTo(r, 'kernel');
      // the lesson's text says "} jumps to it": the pane names } with [ ] without a scroll or z, in its
      // last rows or, where they are below its window (the record and the legend take the 80x24
      // pane's rows), on its bottom border (issue 16, s36a#3)
      const hint = lang === 'en' ? '[ ] page bytes  } next non-zero' : '[ ] 翻页看字节  } 下一处非零';
      const box = kernelBox(await r.waitFor((f) => kernelBox(f, lang === 'en' ? 'Kernel' : '内核').join('\n').includes(hint), 'the Kernel pane names }'), lang === 'en' ? 'Kernel' : '内核');
      expect(r.store.getState().zoomed).toBe(false);
      // on the border only with the "↓ n more" it stands beside
      if (box.at(-1)!.includes(hint)) expect(box.at(-1)).toMatch(lang === 'en' ? /↓ \d+ more · \[ \] page/ : /↓ 还有 \d+ 行 · \[ \] 翻页/);
      else expect(box.slice(1, -1).some((l) => l.includes(hint)), box.join('\n')).toBe(true);
      // at 80x24 en the hint stands on the border (the case the newcomer met)
      if (width === 80) expect(box.at(-1)).toContain(hint);
      await r.press(']');
      await r.waitFor((f) => f.includes(lang === 'en' ? 'all zero from +64 (0040) on; } skips to non-zero' : '从 +64 (0040) 起的这些字节全是 0；按 }'), '] onto zeros: } named');
      await r.press('}');
      const f = await r.waitFor(() => r.store.getState().dumpAt === 4032, '} at the text');
      expect(f).toContain(lang === 'en' ? '}: the next non-zero byte is at +4070 (0fe6), in the dump now' : '}：下一个非零字节在 +4070 (0fe6)，转储已翻到那里');
      // the text's rows in view
      await r.waitFor((f) => /│0fe0[*+ ] 00 00 00 00 00 00 69 70 .*(\.\.\.\.\.\.ip|ipclab)/.test(f) && /clab/.test(f), 'the text at 0fe6 in the dump');
      // the text itself in the dump's text column (the form's default text, ipclab, starts at +4070 = 0fe6)
      const text = r.store.getState().dump!.bytes;
      expect(text.subarray(4070 - 4032).some((b) => b !== 0)).toBe(true);
      await r.press('}');
      await r.waitFor((f) => f.includes(lang === 'en' ? '}: every byte from +4096' : '}：从 +4096') || f.includes(lang === 'en' ? '}: these are its last bytes' : '}：这已是它最后面的字节'), 'nothing after: said');
      expect(r.store.getState().dumpAt).toBe(4032);
    });
  }
  it('fix18f#2: } where it cannot act says so in its own name, after ] said the same of itself', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en' });
    // before step 1: no segment, no bytes shown
    await r.waitFor((f) => f.includes('step 1/'), 'the lesson');
    await r.press(']');
    await r.waitFor((f) => f.includes('[ ]: no bytes are shown'), '] explained');
    await r.press('}');
    await r.waitFor((f) => f.includes('}: no bytes are shown'), '} explained, not silent');
  });
  it('nc13k#3: ] pressed with the C pane shown brings the Kernel pane into view and pages its dump there', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en' });
    await r.press(' ');
    // a first Space may bring the step's unread rest (store/turn.ts spaceShowsRest): ran presses on
    await ran(r, 1);
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
    await r.press(']');
    await r.waitFor(() => r.store.getState().tab === 'kernel' && r.store.getState().dumpAt === 64, 'the Kernel pane, its dump at +64');
  });
});
