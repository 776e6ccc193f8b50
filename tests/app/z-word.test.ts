// One word for z in each language, the key bar's (issue 16 pass 6: "z 放大" on the bar, "按 z 全屏"
// at the end of a lesson; en "z zoom" and "z shows it full screen"): every text of the string
// table that says what z does says it with the bar's word, and none says "full screen" / "全屏".
import { describe, expect, it } from 'vitest';
import { BINDINGS } from '../../src/app/keymap.js';
import { strings } from '../../src/app/strings.js';

/** every text of the table: strings as they are, functions called with a few kinds of arguments */
function texts(table: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, v] of Object.entries(table)) {
    if (typeof v === 'string') out.push([name, v]);
    else if (typeof v === 'function') {
      for (const args of [[], [false], [true], [false, false], [true, false], ['z', 'z'], ['z', 1], [1, 'z'], ['z', true, true]]) {
        try {
          const t = (v as (...a: unknown[]) => unknown)(...args);
          if (typeof t === 'string') out.push([name, t]);
        } catch {
          // arguments of another shape: not this call
        }
      }
    }
  }
  return out;
}

describe("z's word", () => {
  for (const lang of ['en', 'zh'] as const) {
    const word = BINDINGS.find((b) => b.action === 'zoom')!.label[lang];
    const s = strings(lang);
    it(`${lang}: the end of a lesson names z with the key bar's word (${word})`, () => {
      for (const last of [false, true]) expect(s.endHint(last)).toContain(lang === 'en' ? `z ${word}` : `按 z ${word}`);
    });
    it(`${lang}: no text of the table says z shows a pane "full screen"`, () => {
      const bad = texts(strings(lang) as unknown as Record<string, unknown>).filter(([, t]) => /full[ -]screen|全屏/i.test(t));
      expect(bad).toEqual([]);
    });
  }
});
