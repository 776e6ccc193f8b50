// Every key counts, however the terminal delivers it (issue 16 item 13): keys typed one by one
// and the same keys in one write (a fast typist, a key held down, tmux send-keys with a string)
// leave the app in the same state, on every overlay and screen: help (?), the glossary and its
// search typed fast, the errata (e), zoom (z), Tab, review (← →), a question's digits, the
// your-turn form (y), l.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';
import { lessonById } from '../../src/lessons/index.js';
import type { AppState } from '../../src/app/store.js';
import { keysOfRead } from '../../src/app/use-keys.js';

const draw = appDrawer('key-bursts', { lessons: [lessonById('shmget')!] });

/** What the keys change that a learner sees: the screen, the list and its cursor, the search,
 *  the step shown, the pane, the form and what was typed into it, the answers, the language. */
function seen(st: AppState): unknown {
  return {
    overlay: st.overlay, find: st.find, findLast: st.findLast, cursor: st.menuCursor, view: st.view, done: st.done, tab: st.tab, zoomed: st.zoomed,
    turnFocus: st.turnFocus, turn: JSON.stringify(st.turnTyped ?? null), guesses: st.guesses, lang: st.lang, finished: st.finished, busy: st.busy, asideShown: st.asideShown,
  };
}

/** The app settled: no step running, no key waiting for a frame. */
async function settled(r: Rendered, what: string): Promise<void> {
  let last = '';
  let same = 0;
  await r.waitFor((f) => {
    const now = JSON.stringify(seen(r.store.getState())) + f;
    same = now === last && r.store.getState().busy === null ? same + 1 : 0;
    last = now;
    return same >= 3;
  }, what);
}

interface Case {
  name: string;
  /** the screen the keys are typed on */
  setup?: (r: Rendered) => Promise<void>;
  keys: string[];
}

const afterSteps = (n: number) => async (r: Rendered) => {
  for (let k = 1; k <= n; k++) {
    await r.press(KEYS.space);
    await ran(r, k);
  }
};

const CASES: Case[] = [
  { name: 'help: ? then q (any key closes it)', keys: ['?', 'q'] },
  { name: 'help: ? then Tab', keys: ['?', KEYS.tab] },
  { name: 'glossary: g and a search typed fast', keys: ['g', '/', 's', 'h', 'm'] },
  { name: 'glossary: a search, Esc Esc, a key for the lesson', keys: ['g', '/', 's', 'h', 'm', KEYS.escape, KEYS.escape, KEYS.tab] },
  { name: 'glossary: search, Enter, n n', keys: ['g', '/', 'k', 'e', 'y', KEYS.enter, 'n', 'n'] },
  { name: 'errata: e, ↓ ↓, Esc', keys: ['e', KEYS.down, KEYS.down, KEYS.escape] },
  { name: 'errata: e then j k j', keys: ['e', 'j', 'k', 'j'] },
  { name: 'zoom: z z z', keys: ['z', 'z', 'z'] },
  { name: 'Tab Tab Tab', keys: [KEYS.tab, KEYS.tab, KEYS.tab] },
  { name: 'l l l', keys: ['l', 'l', 'l'] },
  { name: 'review: ← ← → after two steps', setup: afterSteps(2), keys: [KEYS.left, KEYS.left, KEYS.right] },
  { name: 'review: p p n after two steps', setup: afterSteps(2), keys: ['p', 'p', 'n'] },
  { name: 'a question: 1 2 (the answer changed)', setup: async (r) => (await afterSteps(2)(r), await questionShown(r)), keys: ['1', '2'] },
  { name: 'the form: y, a value typed, Tab', setup: async (r) => (await afterSteps(2)(r), await questionShown(r), await r.press('3'), await settled(r, 'answered')), keys: ['y', '8', '1', '9', '2', KEYS.tab] },
  { name: 'the form: y, typed, Esc Space', setup: async (r) => (await afterSteps(2)(r), await questionShown(r), await r.press('3'), await settled(r, 'answered')), keys: ['y', '7', KEYS.escape, KEYS.space] },
  { name: 'glossary: a search, Esc, Enter', keys: ['g', '/', 'i', 'p', 'c', KEYS.escape, KEYS.enter] },
  { name: 'the form: y, typed, Esc', setup: async (r) => (await afterSteps(2)(r), await questionShown(r), await r.press('3'), await settled(r, 'answered')), keys: ['y', '7', KEYS.escape, KEYS.tab] },
];

describe('Esc and the key after it in one read', () => {
  it('are two keys, whatever the second (Tab, Enter, Space, a letter, Esc); ESC DEL stays one (Alt-Backspace)', () => {
    const meta = { ctrl: false, meta: true, escape: false } as never;
    const named = (keys: ReturnType<typeof keysOfRead>) => keys.map(([i, k]) => (k.escape ? 'Esc' : k.tab ? 'Tab' : k.return ? 'Enter' : i));
    expect(named(keysOfRead('', meta, '\x1b\t'))).toEqual(['Esc', 'Tab']);
    expect(named(keysOfRead('', meta, '\x1b\r'))).toEqual(['Esc', 'Enter']);
    expect(named(keysOfRead(' ', meta, '\x1b '))).toEqual(['Esc', ' ']);
    expect(named(keysOfRead('n', meta, '\x1bn'))).toEqual(['Esc', 'n']);
    expect(named(keysOfRead('', { ...(meta as object), escape: true } as never, '\x1b\x1b'))).toEqual(['Esc', 'Esc']);
    expect(keysOfRead('', { ...(meta as object), delete: true } as never, '\x1b\x7f')).toHaveLength(1);
  });
});

describe('keys one by one and in one write do the same', () => {
  for (const c of CASES)
    it(c.name, async () => {
      const ends: unknown[] = [];
      for (const burst of [false, true]) {
        const r = await draw({ width: 80, height: 24, lang: 'en', quiz: true });
        await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
        await c.setup?.(r);
        await settled(r, 'the screen before the keys');
        if (burst) await r.press(c.keys.join(''));
        else for (const k of c.keys) (await r.press(k), await settled(r, `after ${JSON.stringify(k)}`));
        await settled(r, 'the keys handled');
        ends.push(seen(r.store.getState()));
        // a search open takes q as a letter: closed, for the drawer's quit
        if (r.store.getState().find !== null) r.store.getState().close();
      }
      expect(ends[1], 'in one write').toEqual(ends[0]);
    }, 60_000);
});
