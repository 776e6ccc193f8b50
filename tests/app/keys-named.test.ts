// A key the screen's text tells the learner to press is on the key bar (nc12k#4: every
// lesson's end said "press c for the C code" while the bar, short of room, had left c out).
// Over every text screen of the lesson pane: each step waiting to run (its question open),
// read again, and the lesson's end with and without its check open, at 80 (tabs, zoomed or not) and 120 columns.
import { describe, expect, it } from 'vitest';
import { lessonTextLines, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { keysNamed, lessonNamedKeys, namedKeys } from '../../src/app/keymap.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

describe('keys the text names', () => {
  it('finds them in both languages', () => {
    expect(keysNamed('c shows the C code of what you did, z shows it full screen; Space opens the next lesson.')).toEqual(['c', 'z', 'Space']);
    expect(keysNamed('按 c 查看 C 代码；按空格进入下一课')).toEqual(['c', 'Space']);
    // a key in brackets after what it opens, a key before what it does
    expect(keysNamed('as serv.c (c) does; live (e: errata, g: glossary).')).toEqual(['c', 'e', 'g']);
    // a key in brackets before when it works (shmget 3, issue 16)
    expect(keysNamed('Your turn (y, once the question is open) also offers IPC_CREAT.')).toEqual(['y']);
    expect(keysNamed('the C version (c shows it) unlinks its key file')).toEqual(['c']);
    // neither a plural's (s) nor a colon in a sentence
    expect(keysNamed('the segment(s) it made; one rule: a key')).toEqual([]);
  });

  it('are on the key bar on every screen of the lesson pane, at 80 and 120 columns, in both languages', () => {
    const missing: string[] = [];
    let named = 0;
    for (const lang of ['en', 'zh'] as Lang[]) {
      const s = strings(lang);
      for (const lesson of LESSONS) {
        const n = lesson.steps.length;
        const check = lesson.check?.length ? lesson.check[0].choices.length : 0;
        const screens: { view: number; done: number; choices: number; checkOpen: boolean }[] = [
          ...lesson.steps.map((st, k) => ({ view: k, done: k, choices: lesson.checkpoints?.[st.id]?.choices.length ?? 0, checkOpen: false })),
          ...lesson.steps.map((_, k) => ({ view: k, done: n, choices: 0, checkOpen: false })),
          { view: n, done: n, choices: 0, checkOpen: false },
          ...(check ? [{ view: n, done: n, choices: check, checkOpen: true }] : []),
        ];
        for (const at of screens) {
          const place = at.checkOpen ? { kind: 'check' as const, question: 0, choices: at.choices } : at.choices ? { kind: 'checkpoint' as const, step: at.view, choices: at.choices } : null;
          const quiz = { guesses: {}, revealedGrades: {}, checkPicks: {}, graded: {}, place, present: false, lastRun: at.done - 1, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
          const input: LessonViewInput = { lesson, lang, view: at.view, done: at.done, problems: {}, present: false, revealed: 0, ascii: false, s, quiz };
          const text = lessonTextLines(input, 76).map(lineText).join(' ');
          const space = { view: at.view, done: at.done, steps: n, lastLesson: lesson === LESSONS.at(-1), named: lessonNamedKeys(lesson), own: [...namedKeys(lesson, at.view), ...(at.view >= n ? ['c'] : [])], ...(at.checkOpen ? { checkOpen: true } : {}) };
          for (const [width, zoomed] of [[80, false], [80, true], [120, false]] as const) {
            const bar = keyBarLine(lang, false, width, space, 'main', at.choices, { tabs: width < 120, zoomed });
            const keys = bar.filter((r) => r.tone === 'key').map((r) => r.text);
            // the keys it takes leave it whole: nothing cut, help's key last
            if (!/\? (all|全部) *$/.test(lineText(bar))) missing.push(`${lang} ${width} ${lesson.id} ${at.view + 1}/${at.done}: cut (bar: ${lineText(bar).trim()})`);
            for (const key of keysNamed(text)) {
              named++;
              // a range of digits is named as the bar names it (1-3)
              // Enter runs as Space does (one binding, "Space or Enter runs"): the bar names Space
              // a question's keys are named by the line under its choices, the bar's own words for them:
              // the bar never names them: zoomed, where that line is hidden, they show the question first (store/turn.ts questionHidden)
              const questionLine = at.choices > 0 && (/^\d-\d$/.test(key) || key === 'x');
              if (!questionLine && !keys.includes(key) && !(key === 'Enter' && keys.includes('Space'))) missing.push(`${lang} ${width} ${lesson.id} ${at.view + 1}/${at.done}${zoomed ? ' zoomed' : ''}: ${key} (bar: ${lineText(bar).trim()})`);
            }
          }
        }
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(missing.slice(0, 12)).toEqual([]);
  });
});
