// Side by side (120x34) the pane in focus is marked on its own border, in words seen without
// colour ("[focus]" / "[焦点]", NO_COLOR and --ascii too), exactly one pane at a time, after each
// Tab; the status line says which pane has the focus and what Tab does (issue 16 pass 6: the
// first Tab went to the Kernel, the Flow focused with no sign; "Tab ⇥  ↓ 流程" read as the next pane).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { tabName } from '../../src/app/components/TabBar.js';

const draw = appDrawer('focus-mark', { lessons: LESSONS, lesson: 'overview', quiz: false });

/** the titles of the top borders that carry the mark (two panes side by side share a row) */
function marked(frame: string, mark: string, ascii: boolean): string[] {
  // "┌─ Title [focus] ─", one style in both languages whatever the title's length (s29f: a title
  // that filled its room was bracketed, "┌─[Flow: …]─", beside zh's "[焦点]")
  const corner = ascii ? /\+- ([^+]+?) \[/g : /┌─ ([^─┐]+?) \[/g;
  const out: string[] = [];
  for (const l of frame.split('\n')) {
    for (const m of l.matchAll(corner)) if (l.slice(m.index + 1).split(ascii ? '+' : '┐')[0].includes(` ${mark} `)) out.push(m[1].split('  ')[0]);
    if (/┌─\[|\+-\[/.test(l)) out.push(`bracketed: ${l}`);
  }
  return out;
}

describe('side by side, the pane in focus is marked on its border', () => {
  for (const [lang, ascii] of [['en', false], ['zh', false], ['en', true], ['zh', true]] as const) {
    it(`120x34 ${lang}${ascii ? ' --ascii' : ''}: one pane marked, the one in focus, after each Tab; the status line names it`, async () => {
      const r = await draw({ width: 120, height: 34, lang, ascii, color: false });
      const s = strings(lang);
      await r.waitFor((f) => f.includes(s.focusMark), 'the first frame with a mark');
      for (let i = 0; i < 5; i++) {
        const tab = r.store.getState().tab;
        const name = tab === 'kernel' ? s.kernelWide : tabName(tab, s);
        const f = await r.waitFor((f) => marked(f, s.focusMark, ascii).length === 1 && f.split('\n')[32].includes(s.focusOn(tabName(tab, s))), `the mark on ${tab}`);
        const titles = marked(f, s.focusMark, ascii);
        expect(titles, f).toHaveLength(1);
        if (tab !== 'code') expect(name.startsWith(titles[0]) || titles[0].startsWith(name.split('  ')[0]), `${titles[0]} / ${name}`).toBe(true);
        expect(f.split('\n')[32]).toContain(`Tab ${ascii ? '>' : '⇥'} ${s.tabNext}`);
        await r.press(KEYS.tab);
        await r.waitFor(() => r.store.getState().tab !== tab, 'Tab: the next pane');
      }
    });
  }
});
