// "New terms" are the same whether a step is shown live (before its run, then under its
// notice just after it) or read again: every step of every lesson, both languages, with a
// trace whose last step shows a term no text names (E2BIG: wchan was one until msg 6's
// text named it), as a run's note would.
import { describe, expect, it } from 'vitest';
import { paneNewTerms, lessonTextLines } from '../../src/app/components/lesson-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { TraceEntry } from '../../src/lessons/types.js';

/** A run of `done` steps, each with no trace but the last run step's note naming E2BIG. */
function fakeRun(done: number): { trace: TraceEntry[]; stepStarts: number[] } {
  const stepStarts = Array.from({ length: done }, () => 0);
  const trace: TraceEntry[] = done > 0 ? [{ type: 'event', pid: 1, text: { en: 'msgrcv = -1 E2BIG', zh: 'msgrcv = -1 E2BIG' }, at: 0 }] : [];
  if (done > 0) stepStarts[done - 1] = 0;
  return { trace, stepStarts };
}

describe('New terms live and reviewed', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    /** The terms of each "New terms" line of a text, split where the shown step's heading (▶) is. */
    const termsOf = (text: string) =>
      [...text.matchAll(lang === 'en' ? /New terms(?: \(step \d+\))?: (.*?) \(g: glossary\)/g : /新术语(?:（第 \d+ 步）)?：(.*?)（按 g 查看术语表）/g)].flatMap((m) => m[1].split(s.listGap));
    const pane = (index: number, view: number, done: number, quiz: boolean) => {
      const lesson = LESSONS[index];
      const run = fakeRun(done);
      const newTerms = paneNewTerms(LESSONS, lang, index, view, done, run, 'g', quiz);
      const input = { lesson, lang, view, done, problems: {}, present: false, revealed: 0, ascii: false, s, newTerms };
      const text = lessonTextLines(input, 200).map(lineText).join(' ');
      const here = text.indexOf('▶');
      return { before: termsOf(here < 0 ? text : text.slice(0, here)), after: here < 0 ? [] : termsOf(text.slice(here)) };
    };
    for (const quiz of [false, true]) it(`${lang}${quiz ? ', questions asked' : ''}: what a step shows live before its run is shown when it is read again, and all it shows then was shown live`, () => {
      let checked = 0;
      LESSONS.forEach((lesson, index) => {
        const n = lesson.steps.length;
        for (let i = 0; i < n; i++) {
          // the last step run is i: its trace shows E2BIG, and review reads that same run
          const live = pane(index, i, i, quiz).after;
          const justRun = pane(index, i + 1, i + 1, quiz).before;
          const reviewed = pane(index, i, i + 1, quiz).before;
          const where = `${lesson.id} step ${i + 1}`;
          for (const t of live) expect(reviewed, `${where}: ${t} live, not reviewed`).toContain(t);
          for (const t of reviewed) expect([...live, ...justRun], `${where}: ${t} reviewed, never live`).toContain(t);
          checked += reviewed.length;
        }
      });
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('New terms above a question', () => {
  // msg's last step asks "the reader…" with EIDRM, EINVAL and "sleeps on": to a learner
  // who opened msg first, EIDRM and EINVAL were new there, and listed above the question
  // they pointed at those two of the three (nc: "New terms: EIDRM"; nc13: listed once a
  // choice was picked); step 6's notice now names both first (fix17h#2)
  const index = LESSONS.findIndex((l) => l.id === 'msg');
  const lesson = LESSONS[index];
  const view = lesson.steps.findIndex((st) => st.id === 'rmid');
  const s = strings('en');
  const quiz = (guesses: Record<number, number>) => ({ guesses, revealedGrades: {}, checkPicks: {}, graded: {}, place: null, present: false, lastRun: view - 1, keys: { skip: 'x', reveal: 'v' } });
  const text = (guesses: Record<number, number>, done = view) => {
    const newTerms = paneNewTerms(LESSONS, 'en', { index, ran: [] }, Math.min(done, view + 1), done, fakeRun(done), 'g', true);
    return lessonTextLines({ lesson, lang: 'en', view: Math.min(done, view + 1), done, problems: {}, present: false, revealed: 0, ascii: false, s, newTerms, quiz: quiz(guesses) as never }, 200).map(lineText).join('\n');
  };
  it('names the errnos EIDRM and EINVAL both or neither above the question, and neither after; the choices name no errno (fix17h#2, nc203; issue 16: an errno\'s meaning answered)', () => {
    const choices = (lesson.checkpoints?.[lesson.steps[view].id]?.choices ?? []).map((c) => c.en);
    expect(choices.filter((c) => /\bE[A-Z0-9]{2,}\b/.test(c))).toEqual([]);
    const names = paneNewTerms(LESSONS, 'en', { index, ran: [] }, view, view, fakeRun(view), 'g', false).names;
    expect(names.includes('EIDRM')).toBe(names.includes('EINVAL'));
    for (const pick of [undefined, ...choices.keys()]) {
      const line = /New terms:[^\n]*/.exec(text(pick === undefined ? {} : { [view]: pick }))?.[0] ?? '';
      expect(line.includes('EIDRM')).toBe(line.includes('EINVAL'));
    }
    // step 6's notice names neither (nothing is removed there: nc203, nc204)
    expect(lesson.steps[view - 1]!.notice.en).not.toMatch(/EIDRM|EINVAL/);
  });
});

describe('New terms fixed while a step waits and runs', () => {
  // nc13: serv-clnt 1/6 added ftok once answered and magic while the step ran; the line of a
  // step is the same from the moment it is shown until it has run, on every step
  for (const lang of ['en', 'zh'] as const)
    it(`${lang}: every step, answered or not, before and while it runs`, () => {
      let checked = 0;
      LESSONS.forEach((lesson, index) => {
        lesson.steps.forEach((_, view) => {
          const before = fakeRun(view);
          // under way: the step's own trace started (a note naming wchan), not done
          const running = { trace: [...before.trace, { type: 'event' as const, pid: 1, text: { en: 'asleep in /proc/7/wchan', zh: '睡在 /proc/7/wchan' }, at: 0 }], stepStarts: [...before.stepStarts, before.trace.length] };
          const shown = paneNewTerms(LESSONS, lang, index, view, view, before, 'g', true);
          const during = paneNewTerms(LESSONS, lang, index, view, view, running, 'g', true);
          expect(during.names, `${lesson.id} step ${view + 1}`).toEqual(shown.names);
          // nothing shown above the question that only some of its choices name
          const cp = lesson.checkpoints?.[lesson.steps[view].id];
          if (cp) for (const word of shown.names) expect(cp.choices.filter((c) => c[lang].toLowerCase().includes(word.toLowerCase())).length === 0 || cp.question[lang].toLowerCase().includes(word.toLowerCase()) || cp.choices.every((c) => c[lang].toLowerCase().includes(word.toLowerCase())), `${lesson.id} step ${view + 1}: ${word}`).toBe(true);
          checked++;
        });
      });
      expect(checked).toBeGreaterThan(50);
    });
});
