// s28f#3: at a lesson's end, Space's ask at an open check cut the bar at 80 columns: "Space again:
// skip check, next lesson 1-3 answer x skip other keys cancel it ? …", one space apart and cut.
// Every state of the key bar at 80 columns, en and zh (a CJK character two cells): it fits, its
// entries two spaces apart, each entry whole as the keymap words it (a key left out whole, never
// a key's words cut).
import { describe, expect, it } from 'vitest';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { type BarScope, type PanesPlace, type SpacePlace, barItems, courseNamedKeys, labelled } from '../../src/app/keymap.js';
import { LESSONS } from '../../src/lessons/index.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

const WIDTH = 80;
const named = courseNamedKeys(LESSONS);
const steps = Math.max(...LESSONS.map((l) => l.steps.length));

/** Every state a bar is drawn in: where Space is, what waits, zoomed or not, tabs or not. */
function mainPlaces(): { space: SpacePlace; choices: number }[] {
  const out: { space: SpacePlace; choices: number }[] = [];
  for (const lastLesson of [false, true]) {
    const base = { steps, lastLesson, named, own: ['c', 'g'], lesson: ['c', 'g'], courseSteps: steps };
    const last = steps - 1;
    const places: [Partial<SpacePlace>, number][] = [
      [{ view: last, done: last }, 0],
      [{ view: last, done: last, form: true }, 0],
      [{ view: last, done: last, rest: true }, 0],
      [{ view: last, done: last, rest: true, restAsks: true }, 0],
      [{ view: last, done: last, opens: true }, 0],
      [{ view: last, done: last, opens: true, restAsks: true, form: true }, 0],
      [{ view: last, done: last }, 4],
      [{ view: last, done: last, form: true }, 4],
      [{ view: last, done: last, unanswered: true }, 4],
      [{ view: last, done: last, unanswered: true, form: true }, 4],
      [{ view: last, done: last, resetAsked: true }, 0],
      [{ view: last, done: last, running: true, runningStep: last }, 0],
      [{ view: last, done: last, jumping: true }, 0],
      [{ view: last - 1, done: last }, 0],
      [{ view: steps, done: steps }, 0],
      [{ view: steps, done: steps, rest: true }, 0],
      [{ view: steps, done: steps, checkOpen: true }, 4],
      [{ view: steps, done: steps, checkOpen: true, opens: true }, 0],
      [{ view: steps, done: steps, checkOpen: true, unanswered: true }, 4],
      [{ view: steps, done: steps, resetAsked: true }, 0],
      [{ view: steps, done: steps, running: true, runningStep: last }, 0],
    ];
    for (const [p, choices] of places) out.push({ space: { ...base, view: 0, done: 0, ...p } as SpacePlace, choices });
  }
  return out;
}

/** Each entry as the keymap words it, at every level of words the bar may use. */
function entries(lang: Lang, space: SpacePlace | undefined, scope: BarScope, choices: number, panes: PanesPlace): Set<string> {
  const items = barItems(lang, false, space, scope, choices, panes);
  return new Set([0, 1, 2].flatMap((level) => labelled(items, lang, false, level).map((it) => (it.key ? `${it.key}${it.also ? `/${it.also}` : ''}${it.label ? ` ${it.label}` : ''}` : it.label))));
}

function fits(lang: Lang, space: SpacePlace | undefined, scope: BarScope, choices: number, panes: PanesPlace): void {
  const line = keyBarLine(lang, false, WIDTH, space, scope, choices, panes);
  const text = lineText(line);
  const where = `${scope} ${JSON.stringify({ ...space, named: undefined, own: undefined, lesson: undefined })} ${choices} ${JSON.stringify(panes)}: "${text}"`;
  expect(lineWidth(line), where).toBeLessThanOrEqual(WIDTH);
  expect(text, where).not.toMatch(/…|\.\.\.$/);
  // two spaces between entries, never one, never three
  const parts = text.trim().split('  ');
  const whole = entries(lang, space, scope, choices, panes);
  for (const part of parts) expect(whole.has(part), `${where}\n  "${part}" is no whole entry`).toBe(true);
}

describe('every key bar state fits 80 columns, entries whole and two spaces apart', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`the lesson screen (${lang}): running, a question, review, zoom, a lesson's end with its check, the asks`, () => {
      for (const { space, choices } of mainPlaces()) {
        for (const tabs of [true, false]) for (const zoomed of [false, true]) fits(lang, space, 'main', zoomed ? 0 : choices, { tabs, zoomed });
      }
    });
    it(`the lists, help, the closing screen, the form, the playground (${lang})`, () => {
      const space = { view: 0, done: 0, steps, lastLesson: false };
      for (const scope of ['menu', 'errata', 'glossary', 'find', 'help', 'play'] as const) fits(lang, space, scope, 0, { tabs: true, zoomed: false });
      for (const still of [false, true]) fits(lang, space, 'end', 0, { tabs: true, zoomed: false, ...(still ? { still } : {}) });
      for (const formWaits of [false, true]) for (const oneField of [false, true]) {
        fits(lang, { ...space, form: true, ...(formWaits ? { formWaits } : {}), ...(oneField ? { oneField } : {}) }, 'turn', 0, { tabs: true, zoomed: false });
      }
    });
  }
});
