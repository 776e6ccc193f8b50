// What l (switch language) and a lesson switch from the menu compute: nothing of the glossary's
// search anew once that lesson was shown in that language (issue 16: bench (b) l 62 ms and Enter
// 53 ms, 10 and 11 in session 23). The lesson pane's "New terms" searched every term of the
// glossary in the step's texts (entriesUsed) and made each step's terms again (stepTerms,
// metKeys) at every change of the store, several selectors each, a key making several changes:
// thousands of term lists searched per key. Work is counted, not timed: the calls on the glossary
// entries' term lists that search them (usesIn's flatMap, one per entry and text searched; the
// filter of metKeys and glossaryWord).
import { describe, expect, it } from 'vitest';
import { entriesUsed, GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, KEYS, type Rendered } from '../helpers/render.js';

const draw = appDrawer('key-work', { lessons: LESSONS, color: false });

// every search of an entry's terms is counted (the arrays stay what they were: own, hidden methods)
let searches = 0;
for (const entry of GLOSSARY) {
  for (const method of ['flatMap', 'filter'] as const) {
    const own = Array.prototype[method];
    Object.defineProperty(entry.terms, method, {
      enumerable: false,
      configurable: true,
      value(this: string[], ...args: Parameters<typeof own>) {
        searches++;
        return (own as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
}

/** The searches `act` makes. */
async function counted(act: () => Promise<void>): Promise<number> {
  const before = searches;
  await act();
  return searches - before;
}

const title = (r: Rendered) => r.lines()[0] ?? '';

/** l, until the screen is drawn in the other language. */
async function switchLang(r: Rendered): Promise<void> {
  const was = r.store.getState().lang;
  const top = title(r);
  await r.press('l');
  await r.waitFor((f) => r.store.getState().lang !== was && f.split('\n')[0] !== top, 'the screen in the other language');
}

/** m, j or k, Enter (twice where the lesson left asks first), until the other lesson is drawn. */
async function switchLesson(r: Rendered, move: 'j' | 'k'): Promise<void> {
  const index = r.store.getState().lessonIndex;
  const top = title(r);
  await r.press('m');
  await r.waitFor(() => r.store.getState().overlay === 'menu', 'the menu open');
  const cursor = r.store.getState().menuCursor;
  await r.press(move);
  await r.waitFor(() => r.store.getState().menuCursor !== cursor, 'the menu cursor moved');
  await r.press(KEYS.enter);
  const deadline = Date.now() + 10_000;
  while (r.store.getState().lessonIndex === index && Date.now() < deadline) {
    // leaving a lesson with questions unanswered, Enter asks first and a second Enter opens the lesson
    if (r.store.getState().ask !== null) await r.press(KEYS.enter);
    await new Promise((done) => setTimeout(done, 10));
  }
  await r.waitFor((f) => r.store.getState().lessonIndex !== index && r.store.getState().busy === null && f.split('\n')[0] !== top, 'the other lesson drawn');
}

describe('l and a lesson switch search nothing of the glossary again', () => {
  it('the count sees a search: a text not searched before searches every entry', () => {
    const n = GLOSSARY.filter((e) => e.terms.length > 0).length;
    expect(n).toBeGreaterThan(0);
    expect(searchesOf(() => entriesUsed(`a text no lesson has ${Math.random()}: shmid`, GLOSSARY))).toBeGreaterThanOrEqual(n);
    // and searched once: the same text again costs nothing
    const text = `another text no lesson has ${Math.random()}: key`;
    entriesUsed(text, GLOSSARY);
    expect(searchesOf(() => entriesUsed(text, GLOSSARY))).toBe(0);
  });

  for (const [width, height] of [
    [80, 24],
    [120, 34],
  ] as const)
    it(`${width}x${height}: once each lesson was shown in each language, l and Enter in the menu search nothing`, async () => {
      const r = await draw({ width, height, lesson: 'shmget', restart: true });
      await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
      // the first time: shmget in zh, the next lesson in zh and en (each searched once)
      const first = await counted(async () => {
        await switchLang(r);
        await switchLang(r);
        await switchLesson(r, 'j');
        await switchLang(r);
        await switchLang(r);
        await switchLesson(r, 'k');
      });
      expect(first).toBeGreaterThan(0);
      // again: all of it was found before
      const lang = [await counted(() => switchLang(r)), await counted(() => switchLang(r))];
      const lesson = [await counted(() => switchLesson(r, 'j')), await counted(() => switchLang(r)), await counted(() => switchLesson(r, 'k')), await counted(() => switchLang(r))];
      expect({ lang, lesson }).toEqual({ lang: [0, 0], lesson: [0, 0, 0, 0] });
    }, 60_000);
});

function searchesOf(act: () => void): number {
  const before = searches;
  act();
  return searches - before;
}
