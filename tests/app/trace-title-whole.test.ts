// The Trace's top border keeps its title and the step it names whole: the note beside "↑ N more"
// gives way first, to its short form ("(z: step 1)"), then to nothing (issue 16, nc3 at 80x24 en:
// "┌─ Trace ·… ───── ↑ 19 more (step 1's result goes on above; z: more of step 1) ┐"). At 80
// columns (the Trace tab) and 120 (under the panes, in focus), en and zh, the focus Tabs named
// where the Trace is not in focus.
import { describe, expect, it } from 'vitest';
import { noteBeside, zoomTraceKeys } from '../../src/app/components/trace-view.js';
import { frameChars, topBorder } from '../../src/app/components/frame.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';

describe("the Trace's title whole beside the note on its top border", () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    for (const [width, tab, mark] of [[80, 'trace', ''], [120, 'trace', s.focusMark], [120, 'flow', '']] as const) {
      it(`${lang}, ${width} columns, the focus on the ${tab}`, () => {
        const z = zoomTraceKeys(s, tab, 'z');
        const title = `${s.trace} · ${s.step} 1`;
        const notes = [s.resultGoesOnAbove(1, s.zoomMore(z, 1)), s.signNote(s.zoomStep(z, 1)), ''];
        for (const above of [3, 19, 1234]) {
          const note = noteBeside(notes, title, above, width, false, s.more, mark);
          const border = lineText(topBorder(title, true, above, width, frameChars(false), s.more, note, mark));
          expect(border, border).toContain(`┌─ ${title} ${mark}`);
          // the fullest note that fits: the next fuller one would not have left the title room
          const at = notes.indexOf(note);
          if (at > 0) expect(lineText(topBorder(title, true, above, width, frameChars(false), s.more, notes[at - 1]!, mark))).not.toContain(`┌─ ${title} `);
          if (note) expect(border).toContain(note);
        }
      });
    }
  }
  it("nc3's border at 80x24 en: the short form", () => {
    const s = strings('en');
    const notes = [s.resultGoesOnAbove(1, s.zoomMore('z', 1)), s.signNote(s.zoomStep('z', 1)), ''];
    const note = noteBeside(notes, 'Trace · step 1', 19, 80, false, s.more, '');
    expect(lineText(topBorder('Trace · step 1', false, 19, 80, frameChars(false), s.more, note))).toMatch(/^┌─ Trace · step 1 ─+ ↑ 19 more \(z: step 1\) ┐$/);
  });
});
