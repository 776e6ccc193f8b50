// The Trace's rule over each step (newcomers: "── step 7 with your values: shmid the lesson's
// segment, shmflg SHM_RDONLY|SHM…", the values cut): a rule's text wider than the pane goes on
// to a row of its own, each value whole, every row closed by the rule and no wider than the pane.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { describeValues } from '../../src/lessons/turn/fields.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { traceView } from '../../src/app/components/trace-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { cells } from '../../src/app/text-fit.js';
import { SHM_EXEC, SHM_RDONLY, SHM_REMAP, SHM_RND } from '../../src/native/constants.js';

describe('the Trace\'s step rules', () => {
  const lesson = LESSONS.find((l) => l.id === 'shmat')!;
  const at = lesson.steps.findIndex((s) => s.turn?.fields.some((f) => f.name === 'shmid'));
  const turn = lesson.steps[at]!.turn!;
  // the widest values the form takes: the segment, every flag
  const values = describeValues(turn, { shmid: 'segment', flags: String(SHM_RDONLY | SHM_EXEC | SHM_RND | SHM_REMAP) });

  /** A trace of the steps up to that one, which ran with `turn` (one event each). */
  const ran = (turn: { en: string; zh: string }) => {
    const trace: TraceEntry[] = lesson.steps.slice(0, at + 1).map((_, k) => ({ type: 'event', pid: 100, at: k, text: { en: 'ran', zh: '已运行' }, ...(k === at ? { turn } : {}) }));
    return { trace, starts: trace.map((_, k) => k) };
  };

  for (const lang of ['en', 'zh'] as const) {
    for (const ascii of [false, true]) {
      it(`${lang}${ascii ? ' --ascii' : ''}: step ${at + 1} with your values at every width from 30 to 120: each value whole, every row a rule, nothing cut`, () => {
        const s = strings(lang);
        const { trace, starts } = ran(values);
        expect(values.en).toContain('SHM_RDONLY|');
        for (let width = 30; width <= 120; width++) {
          const { lines, tops } = traceView(trace, starts, lesson, lang, width, s, ascii, undefined, 100);
          const rule = ascii ? '-' : '─';
          const ruleRows = lines.slice(tops[at]!).map(lineText).filter((l) => l.endsWith(rule.repeat(2)));
          const where = `${width}:\n${lines.map(lineText).join('\n')}`;
          expect(ruleRows[0], where).toMatch(new RegExp(`^${rule}{2} `));
          for (const row of ruleRows) expect(cells(row), where).toBeLessThanOrEqual(width);
          const text = ruleRows.map((r) => r.replace(new RegExp(`^(${rule}{2})? +| +${rule}+$`, 'g'), '')).join('\n');
          expect(text, where).not.toContain(ascii ? '...' : '…');
          // every value whole on one row, where one row holds it (and its comma)
          for (const value of values[lang].split(/, |，/)) if (cells(`${value}${lang === 'en' ? ',' : '，'}`) <= width - 6) expect(text.split('\n').some((r) => r.includes(value)), `${value} @ ${where}`).toBe(true);
        }
      });
    }
  }

  it('80x24 en (the Trace 78 cells inside): the ruler wraps after a value\'s comma onto a second row under its text', () => {
    const s = strings('en');
    const two = describeValues(turn, { shmid: 'segment', flags: String(SHM_RDONLY | SHM_RND) });
    const { trace, starts } = ran(two);
    const { lines, tops } = traceView(trace, starts, lesson, 'en', 78, s, false, undefined, 100);
    const rows = lines.slice(tops[at]).map(lineText);
    expect(rows[0]).toMatch(new RegExp(`^── step ${at + 1} with your values: shmid the lesson's segment, ─+$`));
    expect(rows[1]).toMatch(/^ {3}shmflg SHM_RDONLY\|SHM_RND ─+$/);
    for (const row of rows.slice(0, 2)) expect(cells(row)).toBe(78);
  });
});
