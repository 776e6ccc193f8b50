// A scroll key is offered only where the pane it moves has more to show that way (fix27c#1:
// "↓ scroll" on the key bar, "↑↓ Flow" under the panes, where nothing could scroll). Over every
// step's screen of every lesson, before and after its run, the Flow and the Kernel pane shown
// (the texts that name ↓ point at the Kernel pane): at 80x24 in English and 120x34 in Chinese,
// a ↓ (↑) on the bar or the line under the panes comes with the pane's own "↓ n more" ("↑ n more")
// on its border.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { tabName } from '../../src/app/components/TabBar.js';
import type { Lang } from '../../src/lang.js';
import { cells } from '../../src/app/text-fit.js';
import type { TabId } from '../../src/app/layout.js';

const draw = appDrawer('scroll-offered', { lessons: LESSONS });

/** What the screen offers of ↑ ↓ for the pane shown, and what that pane's border says it holds out of view. */
function looked(r: Rendered, lang: Lang): { up: boolean; down: boolean; above: boolean; below: boolean; name: string } {
  const lines = r.lines();
  const name = tabName(r.store.getState().tab, strings(lang));
  const status = lines[lines.length - 2] ?? '';
  const bar = lines[lines.length - 1] ?? '';
  const scroll = lang === 'en' ? 'scroll' : '滚动';
  // the name's end as a lookahead: \b after 内核 (no word character) never matched, so the zh
  // line under the panes was never read and only a text naming ↓ (parent-child 1's, gone) offered one
  // with tabs the arrows stand before the pane's name ("↓ Flow"), side by side after the focus it names ("focus: Flow ↓")
  const focus = strings(lang).focusOn(name);
  const up = new RegExp(`↑↓? ${name}(?!\\w)|${focus} ↑`).test(status) || new RegExp(`↑↓? ${scroll}`).test(bar);
  const down = new RegExp(`↓ ${name}(?!\\w)|${focus} ↑?↓`).test(status) || new RegExp(`↓ ${scroll}`).test(bar);
  // the pane's own top border: at the screen's edge or against another pane's (a Flow diagram has a box "┌─ 内核" too)
  const at = (l: string) => { const m = new RegExp(`(^|[│┐┘])┌─[ [](?=${name})`).exec(l); return m ? m.index + m[1]!.length : -1; };
  const top = lines.findIndex((l) => at(l) >= 0);
  if (top < 0) return { up, down, above: false, below: false, name };
  // the pane's column in cells (a Chinese lesson pane beside it makes a line's index no column)
  const col = cells(lines[top]!.slice(0, at(lines[top]!)));
  const from = (l: string) => {
    let at = 0;
    for (const [i, c] of Array.from(l).entries()) {
      if (at === col) return Array.from(l).slice(i).join('');
      at += cells(c);
    }
    return '';
  };
  const border = (l: string) => {
    const rest = from(l);
    const end = rest.search(/[┐┘]/);
    return end < 0 ? rest : rest.slice(0, end + 1);
  };
  const bottom = lines.findIndex((l, i) => i > top && from(l).startsWith('└'));
  const more = lang === 'en' ? (a: string) => new RegExp(`${a} \\d+ more`) : (a: string) => new RegExp(`${a} 还有 \\d+ 行`);
  return { up, down, above: more('↑').test(border(lines[top]!)), below: bottom >= 0 && more('↓').test(border(lines[bottom]!)), name };
}

describe('a scroll key only where its pane has more to show', () => {
  it.each([['en', 80, 24], ['zh', 120, 34]] as const)('%s %ix%i: every step of every lesson, before and after its run, Flow and Kernel', async (lang, width, height) => {
    const out: string[] = [];
    let offered = 0;
    for (const lesson of LESSONS) {
      const r = await draw({ width, height, lang, lesson: lesson.id, restart: true, quiz: false });
      await r.waitFor((f) => f.includes('┌─'), 'the first frame');
      const look = async (where: string) => {
        for (const tab of ['flow', 'kernel'] as TabId[]) {
          r.store.getState().showTab(tab);
          // the pane drawn and its room noted (the store's note follows the frame that drew it)
          await r.waitFor(() => r.store.getState().tab === tab && r.store.getState().room[tab] !== undefined, `${where}: the ${tab} pane drawn`);
          const seen = looked(r, lang);
          if (seen.down) offered++;
          if (seen.down && !seen.below) out.push(`${where} ${tab}: ↓ offered, the ${seen.name} pane shows all below`);
          if (seen.up && !seen.above) out.push(`${where} ${tab}: ↑ offered, the ${seen.name} pane shows all above`);
        }
      };
      for (let k = 0; k < lesson.steps.length; k++) {
        await look(`${lesson.id} step ${k + 1} before its run`);
        await r.press(KEYS.space);
        await ran(r, k + 1);
        await look(`${lesson.id} step ${k + 1} after its run`);
      }
      await r.quit();
    }
    expect(out).toEqual([]);
    // the rule is exercised: panes with more below are met, and offer ↓
    expect(offered).toBeGreaterThan(0);
  }, 600_000);

// fix28b#2: the line above the key bar names the pane shown always (its arrows only when it can move)
describe('the pane shown is named under the panes', () => {
  it.each([['en', 80, 24], ['zh', 120, 34]] as const)('%s %ix%i: Flow, Kernel, Trace, C named on the first screen and after step 1, scrollable or not', async (lang, width, height) => {
    const r = await draw({ width, height, lang, lesson: 'shmget', restart: true, quiz: false });
    await r.waitFor((f) => f.includes('┌─'), 'the first frame');
    const out: string[] = [];
    let still = 0;
    for (const when of ['first screen', 'after step 1']) {
      if (when === 'after step 1') {
        await r.press(KEYS.space);
        await ran(r, 1);
      }
      for (const tab of ['flow', 'kernel', 'trace', 'code'] as TabId[]) {
        r.store.getState().showTab(tab);
        await r.waitFor(() => r.store.getState().tab === tab && r.store.getState().room[tab] !== undefined, `${when}: the ${tab} pane drawn`);
        const room = r.store.getState().room[tab];
        if (!room?.up && !room?.down) still++;
        const lines = r.lines();
        const status = lines[lines.length - 2] ?? '';
        const name = tabName(tab, strings(lang));
        if (!new RegExp(`(^|[ ↑↓：])${name}(?=\\s|$)`).test(status)) out.push(`${when} ${tab}: "${status.trim()}" names no ${name}`);
      }
    }
    await r.quit();
    expect(out).toEqual([]);
    // the rule is exercised where a pane cannot move (the case "Tab ⇥" alone was said)
    expect(still).toBeGreaterThan(0);
  }, 120_000);
});
});
