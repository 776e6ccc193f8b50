// The pane in focus (the one Tab moves on from, z zooms and ↑↓ scroll) has its title in brackets
// on its own border, in place of the blanks around it ("┌─[Kernel …]─", seen without colour:
// NO_COLOR and --ascii too), exactly one pane at a time, after each Tab, at 80x24 (tabs) and
// 120x34 (side by side); every other title reads "┌─ Title ─". One style whatever the title's
// length (issue 16: a long focused title read "┌─[Flow: now diagram 5 of 5]─", a short one
// "┌─ Flow [focus] ─": newcomers read two styles). Side by side the status line says which pane
// has the focus and what Tab does (issue 16 pass 6: the first Tab went to the Kernel, the Flow
// focused with no sign; "Tab ⇥  ↓ 流程" read as the next pane).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { tabName } from '../../src/app/components/TabBar.js';
import { frameChars, topBorder } from '../../src/app/components/frame.js';
import { cells } from '../../src/app/text-fit.js';
import type { Line } from '../../src/app/styled.js';

const draw = appDrawer('focus-mark', { lessons: LESSONS, lesson: 'overview', quiz: false });

const lineText = (l: Line) => l.map((r) => r.text).join('');

/** Every pane's title on the frame's top borders (two or three panes side by side share a row):
 *  `focused` where it is bracketed, "┌─[Title]─"; else "┌─ Title ─". */
function titles(frame: string, ascii: boolean): { title: string; focused: boolean }[] {
  const c = frameChars(ascii);
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [tl, h, tr] = [esc(c.tl), esc(c.h), esc(c.tr)];
  const corner = new RegExp(`${tl}${h}(?:\\[(.*?)\\]${h}|\\[(.*?)\\]${tr}| (.*?) (?:${h}|${tr})|(${h}))`, 'g');
  const out: { title: string; focused: boolean }[] = [];
  for (const l of frame.split('\n')) {
    for (const m of l.matchAll(corner)) {
      if (m[4] !== undefined) continue; // a pane with no title
      const bracketed = m[1] ?? m[2];
      out.push(bracketed !== undefined ? { title: bracketed, focused: true } : { title: m[3], focused: false });
    }
  }
  return out;
}

describe('the focused title: one style, whatever its length (frame.ts topBorder)', () => {
  for (const ascii of [false, true]) {
    for (const width of [40, 60, 80, 120]) {
      it(`${width} columns${ascii ? ' --ascii' : ''}: bracketed in place of its blanks, no wider, never a word added`, () => {
        const c = frameChars(ascii);
        for (const title of ['Flow', 'Kernel (ipcs: ipclab\'s objects)  ● ours', 'Flow: now diagram 5 of 5', 'Flow: diagram 1 of 5, the server gets ready', '流程：现在是第 5 张图，共 5 张', '内核（ipcs：ipclab 的对象）']) {
          for (const above of [0, 12]) {
            const plain = lineText(topBorder(title, false, above, width, c, (n) => `${n} more`));
            const focused = lineText(topBorder(title, true, above, width, c, (n) => `${n} more`));
            expect(cells(focused)).toBe(width);
            expect(cells(plain)).toBe(width);
            expect(plain.startsWith(`${c.tl}${c.h} `), plain).toBe(true);
            expect(focused.startsWith(`${c.tl}${c.h}[`), focused).toBe(true);
            // the same title, in brackets where the blanks were: nothing else differs; a title
            // too wide for the border is cut inside its brackets
            const k = focused.indexOf(']', 3);
            expect(k, focused).toBeGreaterThan(3);
            if (!plain.includes('…')) expect(`${focused.slice(0, 2)} ${focused.slice(3, k)} ${focused.slice(k + 1)}`).toBe(plain);
            expect(focused).not.toMatch(/\[focus\]|\[焦点\]/);
          }
        }
      });
    }
  }
});

describe('the pane in focus is bracketed on its border, at 80x24 and side by side', () => {
  for (const [width, height] of [[80, 24], [120, 34]] as const) {
    for (const [lang, ascii] of [['en', false], ['zh', false], ['en', true], ['zh', true]] as const) {
      it(`${width}x${height} ${lang}${ascii ? ' --ascii' : ''}: one title bracketed, the focused pane's, after each Tab; the others plain`, async () => {
        const r = await draw({ width, height, lang, ascii, color: false });
        const s = strings(lang);
        const c = frameChars(ascii);
        await r.waitFor((f) => (height >= 34 ? titles(f, ascii).some((t) => t.focused) : f.includes(`[${s.flow}]`)), 'the first frame with a pane in focus');
        // the lesson pane is never focused: Tab moves among the others. At 80x24 the tab bar's
        // brackets ("[Flow] │  Kernel") mark the pane shown, and every border is plain
        const side = height >= 34;
        const seen = new Set<string>();
        for (let i = 0; i < 5; i++) {
          const tab = r.store.getState().tab;
          seen.add(tab);
          const name = tab === 'kernel' ? s.kernelWide : tab === 'code' ? '' : tabName(tab, s);
          const f = await r.waitFor(
            (f) => titles(f, ascii).filter((t) => t.focused).length === (side ? 1 : 0) && (side ? f.split('\n')[32].includes(s.focusOn(tabName(tab, s))) : f.includes(`[${tabName(tab, s)}]`)),
            `the bracket on ${tab}`,
          );
          const all = titles(f, ascii);
          const focused = all.filter((t) => t.focused);
          expect(focused, f).toHaveLength(side ? 1 : 0);
          if (side && name) expect(focused[0].title.startsWith(name.split('  ')[0].slice(0, 4)), `${focused[0].title} / ${name}\n${f}`).toBe(true);
          // the lesson pane and the others are there, unfocused, in the other style
          expect(all.filter((t) => !t.focused).length, f).toBeGreaterThanOrEqual(side ? 1 : 2);
          for (const t of all.filter((t) => !t.focused)) expect(t.title.startsWith('['), f).toBe(false);
          expect(f).not.toMatch(/\[focus\]|\[焦点\]/);
          if (side) expect(f).toContain(`${c.tl}${c.h}[`);
          else expect(f).not.toContain(`${c.tl}${c.h}[`);
          if (side) expect(f.split('\n')[32]).toContain(`Tab ${ascii ? '>' : '⇥'} ${s.tabNext}`);
          await r.press(KEYS.tab);
          await r.waitFor(() => r.store.getState().tab !== tab, 'Tab: the next pane');
        }
        expect([...seen].sort()).toEqual(['code', 'flow', 'kernel', 'trace']);
      });
    }
  }
});
