// The key bar names the same keys on every step at one width (fix15a2#2: "e errata", "g glossary",
// "m menu", "l 中文" came and went between steps; ftok 7/9 showed g but not m). Only the step's
// own entries come and go: Space's label, a question's keys, y, a key the text names; and
// where the bar leaves keys out it ends with "? keys" (help lists them all).
import { describe, expect, it } from 'vitest';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { namedKeys } from '../../src/app/keymap.js';
import { LESSONS } from '../../src/lessons/index.js';
import { lineText } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

describe('the key bar is the same on every step', () => {
  for (const [width, tabs] of [[80, true], [120, false]] as const) {
    for (const lang of ['en', 'zh'] as Lang[]) {
      it(`${width} columns, ${lang}: one set of keys on every step of every lesson, beside the step's own`, () => {
        // each screen's keys of the bar that are not its own (Space's, a question's, y), beside the keys its text names
        const screensSeen: { where: string; zoomed: boolean; first: boolean; keys: Set<string>; named: Set<string> }[] = [];
        for (const lesson of LESSONS) {
          const n = lesson.steps.length;
          const check = lesson.check?.length ? lesson.check[0].choices.length : 0;
          const screens = [
            ...lesson.steps.map((st, k) => ({ view: k, done: k, choices: lesson.checkpoints?.[st.id]?.choices.length ?? 0, form: !!st.turn, checkOpen: false })),
            ...lesson.steps.map((_, k) => ({ view: k, done: n, choices: 0, form: false, checkOpen: false })),
            { view: n, done: n, choices: 0, form: false, checkOpen: false },
            ...(check ? [{ view: n, done: n, choices: check, form: false, checkOpen: true }] : []),
          ];
          for (const at of screens) {
            const named = namedKeys(lesson, at.view);
            const space = { view: at.view, done: at.done, steps: n, lastLesson: lesson === LESSONS.at(-1), form: at.form, named, ...(at.checkOpen ? { checkOpen: true } : {}) };
            for (const zoomed of [false, true]) {
              const bar = keyBarLine(lang, false, width, space, 'main', at.choices, { tabs, zoomed });
              const text = lineText(bar);
              const where = `${lesson.id} ${at.view + 1}/${at.done}${zoomed ? ' zoomed' : ''}: ${text.trim()}`;
              // whole: help's key last
              expect(text, where).toMatch(lang === 'en' ? /\? keys *$/ : /\? 按键 *$/);
              const own = new Set(['Space', 'y', 'x']);
              const keys = bar.filter((r) => r.tone === 'key').map((r) => r.text).filter((k) => !own.has(k) && !/^\d-\d$/.test(k));
              // a text naming ↑ (or ↓) brings the bar's one entry for both, ↑↓ (as a text once did: "Tab; ↑ if they scrolled by")
              const arrows = named.some((k) => k === '↑' || k === '↓') ? ['↑↓'] : [];
              screensSeen.push({ where, zoomed, first: at.view === 0, keys: new Set(keys), named: new Set([...named, ...arrows, ...(at.view >= n ? ['c'] : [])]) });
            }
          }
        }
        // the keys of the bar at this width, zoomed or not (zoomed, it names a question's keys, which
        // the hidden text names otherwise): on every screen, and besides them only keys its text names
        for (const zoomed of [false, true]) {
          const seen = screensSeen.filter((sc) => sc.zoomed === zoomed);
          const stable = new Set(seen.flatMap((sc) => [...sc.keys].filter((k) => !sc.named.has(k))));
          // missing from a screen: ← on the first step (there is none before it), and the spares that a
          // key its text names took the room of
          const missing = (sc: (typeof seen)[number]) => [...stable].filter((k) => !sc.keys.has(k) && !(k === '←' && sc.first));
          const ownRoom = (sc: (typeof seen)[number]) => [...sc.keys].some((k) => sc.named.has(k) && !stable.has(k));
          const odd = seen.filter((sc) => (missing(sc).length > 0 && !ownRoom(sc)) || [...sc.keys].some((k) => !stable.has(k) && !sc.named.has(k)));
          expect(odd.map((sc) => `${[...stable].join(' ')} | ${sc.where}`).slice(0, 6)).toEqual([]);
          expect(stable.has('z') && stable.has('Tab') && stable.has('q') && stable.has('?')).toBe(true);
          // unzoomed, the bar keeps the way on at 80 columns too, ← giving way to Tab there (fix19a#2)
          if (!zoomed) expect(stable.has('→') && (width === 80 || stable.has('←'))).toBe(true);
        }
      });
    }
  }
});
