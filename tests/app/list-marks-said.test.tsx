// The step list's marks that say nothing by themselves -- ✎ (a step that asks for a prediction), ✓ (a step that ran),
// ≠ (a prediction was wrong), ✗, and a narrow list's signs of steps out of view, "+3↓" "+2↑" --
// are explained on the status line on the first screen that shows each (issue 16: newcomers saw
// ✎ and "+3↑" with no word; only ? and the glossary's "step list" said them), then not again.
// shmat walked at 80x24 (the narrow list beside the text), en and zh, each checkpoint answered
// with its first choice (a wrong one brings ≠); real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import { questionHidden } from '../../src/app/store/turn.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('list-marks-said', { lessons: LESSONS });
const shmat = LESSONS.find((l) => l.id === 'shmat')!;

/** The step list's column of the lesson pane as drawn (beside the text: "│ ✎  6 │ …"). */
function listColumn(lines: string[]): string[] {
  const top = lines.findIndex((l) => l.startsWith('┌─'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  return lines.slice(top + 1, bottom).map((l) => (l.indexOf(' │ ', 1) > 0 ? l.slice(1, l.indexOf(' │ ', 1)) : ''));
}

/** Each mark in the list that needs a word, by kind, with what the status line says of it. */
function marksShown(column: string[], lang: Lang): Map<string, string> {
  const s = strings(lang);
  const out = new Map<string, string>();
  // ≠ is said with the steps it marks (issue 16 item 13: beside step 8's result it read as about step 8)
  const missed = column.flatMap((row) => [.../≠\s*(\d+)/.exec(row)?.slice(1) ?? []].map(Number));
  if (missed.length > 0) out.set('missed', s.listMarkMissed('≠', missed));
  for (const row of column) {
    if (row.includes('✎')) out.set('asks', s.listMarkAsks('✎'));
    if (row.includes('✓')) out.set('done', s.listMarkDone('✓'));
    if (row.includes('✗')) out.set('bad', s.listMarkBad('✗'));
    for (const m of row.matchAll(/\+(\d+)([↑↓])/g)) if (!out.has(`hidden${m[2]}`)) out.set(`hidden${m[2]}`, s.listMarkHidden(Number(m[1]), m[2]!));
  }
  return out;
}

/** Checks one screen: each kind first shown here is explained on the status line; one explained on
 *  an earlier screen is not said again. Returns what is wrong. */
function check(r: Rendered, lang: Lang, said: Map<string, string>, where: string): string[] {
  const lines = r.lines();
  const status = lines[lines.length - 2] ?? '';
  const wrong: string[] = [];
  if (cells(status) > 80) wrong.push(`${where}: the status line is wider than the terminal: ${status}`);
  for (const [kind, words] of marksShown(listColumn(lines), lang)) {
    if (!said.has(kind)) {
      if (!status.includes(words)) wrong.push(`${where}: ${kind} shows for the first time, the status line does not say "${words}"\n${r.frame()}`);
      said.set(kind, where);
    } else if (said.get(kind) !== where && status.includes(words.slice(0, 6)) && words.length > 6) wrong.push(`${where}: ${kind} explained again (first at ${said.get(kind)})\n${r.frame()}`);
  }
  return wrong;
}

describe('the step list’s marks are explained where they first show', () => {
  for (const lang of ['en', 'zh'] as const)
    it(`shmat 80x24 ${lang}: ✎, ✓, +n↓ and +n↑ (and ≠ where a guess was wrong) each explained on its first screen, once`, async () => {
      const r = await draw({ width: 80, height: 24, lang, lesson: 'shmat' });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const said = new Map<string, string>();
      const wrong: string[] = [];
      // the first screen: settled once the status line says more than the opening
      await r.waitFor((f) => marksShown(listColumn(f.split('\n')), lang).size > 0, 'the step list drawn');
      try {
        await r.waitFor((f) => [...marksShown(listColumn(f.split('\n')), lang).values()].every((w) => (f.split('\n').at(-2) ?? '').includes(w)), 'the marks explained', 2_000);
      } catch {
        // check() says what is missing
      }
      wrong.push(...check(r, lang, said, 'the first screen'));
      for (let k = 0; k < shmat.steps.length; k++) {
        // a checkpoint answered with its first choice: wrong on some steps, ≠ after their runs
        if (shmat.checkpoints?.[shmat.steps[k].id]) {
          if (questionHidden(r.store.getState())) await r.press(KEYS.enter);
          await r.waitFor(() => quizPlace(r.store.getState())?.kind === 'checkpoint', `step ${k + 1}'s question`);
          await r.press('1');
          await r.waitFor(() => r.store.getState().guesses[k] !== undefined, `step ${k + 1} answered`);
        }
        await r.press(KEYS.space);
        await ran(r, k + 1);
        await new Promise((res) => setImmediate(res));
        await r.waitFor(() => r.store.getState().busy === null, `step ${k + 1} settled`);
        wrong.push(...check(r, lang, said, `after step ${k + 1}`));
      }
      expect(wrong).toEqual([]);
      // the walk met the marks the brief names: ✎, ✓ (s35g#7) and both signs
      expect([...said.keys()]).toEqual(expect.arrayContaining(['asks', 'done', 'hidden↓', 'hidden↑']));
    }, 180_000);
});
