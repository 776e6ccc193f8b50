// The lesson menu's lines and the key bar over the lists, from plain data.
import { describe, expect, it } from 'vitest';
import { menuLines } from '../../src/app/components/menu-view.js';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { progressText, progressWidth, titleLine, titlesOf, wordStarts } from '../../src/app/components/TitleBar.js';
import { strings } from '../../src/app/strings.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { proseWidth } from '../../src/app/text-fit.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/text/cells.js';
import type { Lang } from '../../src/lang.js';

const LANGS: Lang[] = ['en', 'zh'];

describe('the lesson menu', () => {
  const base = { lessons: LESSONS, ascii: false, completed: [], answers: {}, current: 0, cursor: 0, width: 80 };

  it('marks the cursor with a sign (not only colour), the open lesson with another, and names the score columns', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      const { lines, rowStarts } = menuLines({ ...base, lang, s, cursor: 3 });
      const text = lines.map(lineText);
      expect(text[0]).toContain(s.menuPredicted);
      expect(text[0]).toContain(s.menuCheck);
      expect(text[rowStarts[3]]).toMatch(/▶ +4\. shmat/);
      expect(text[rowStarts[0]]).toMatch(/^ {3} {2}• +1\. overview/);
      // the Panel's room: a blank column before the right border
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(proseWidth(78));
    }
  });

  it('keeps every line within the room a pane gives its text (textRoom: one blank column before the border), so none is cut', () => {
    for (const lang of LANGS) {
      for (const width of [80, 100, 120]) {
        for (const cursor of [0, LESSONS.length]) {
          const { lines, legend } = menuLines({ ...base, lang, s: strings(lang), width, cursor, confirming: true });
          for (const l of [...lines, ...legend]) expect(lineWidth(l), lineText(l)).toBeLessThanOrEqual(textRoom(width));
        }
      }
    }
  });

  it('shows every title whole, wrapped in its column at 80 columns', () => {
    for (const lang of LANGS) {
      const { lines } = menuLines({ ...base, lang, s: strings(lang) });
      // the title lines of each row, spaces aside (Chinese wraps between any two characters)
      const text = lines.map((l) => lineText(l).slice(43)).join('').replace(/\s+/g, '');
      for (const l of LESSONS) expect(text).toContain(l.title[lang].replace(/\s+/g, ''));
    }
  });

  // a title wrapped onto a second line made the 80x24 menu scroll and, at exactly the column's
  // width, lost its last cell to the Panel's margin ("a semaphor…")
  it('every title takes one line of the menu at 80 columns, in both languages', () => {
    for (const lang of LANGS) {
      const { lines, rowStarts } = menuLines({ ...base, lang, s: strings(lang) });
      LESSONS.forEach((l, i) => {
        expect(rowStarts[i + 1] - rowStarts[i], `${l.id}: "${l.title[lang]}"`).toBe(1);
        expect(lineText(lines[rowStarts[i]]).replace(/\s+$/, ''), l.id).toMatch(new RegExp(`${l.title[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      });
    }
  });

  it('a check never taken shows – and not 0/N; one taken shows right/of', () => {
    const s = strings('en');
    const withCheck = LESSONS.findIndex((l) => (l.check?.length ?? 0) > 0);
    const l = LESSONS[withCheck];
    const never = menuLines({ ...base, lang: 'en', s, answers: { [l.id]: { checkpoints: { a: 'right' }, check: {} } } });
    const row = lineText(never.lines[never.rowStarts[withCheck]]);
    expect(row).toMatch(/1\/1 +– /);
    expect(row).not.toMatch(/0\/\d/);
    const taken = menuLines({ ...base, lang: 'en', s, answers: { [l.id]: { checkpoints: {}, check: { 0: 'right', 1: 'skipped' } } } });
    // right of answered, as the predictions: the skipped one is not answered
    expect(lineText(taken.lines[taken.rowStarts[withCheck]])).toMatch(/– +1\/1 /);
  });

  it('the key bar over the menu, the errata and the glossary names their keys first, not the lesson’s', () => {
    for (const lang of LANGS) {
      for (const scope of ['menu', 'errata', 'glossary'] as const) {
        const bar = lineText(keyBarLine(lang, false, 80, undefined, scope));
        expect(bar).toMatch(/^ ↑↓ \S+ .*Esc /);
        expect(bar).not.toMatch(/Space|→|Tab/);
        expect(bar.includes('Enter')).toBe(scope !== 'glossary');
      }
    }
  });

  it('the legend is apart from the rows and fits the width; "start over" asks before it forgets (one Enter is not enough)', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      for (const width of [60, 80, 120]) {
        const { lines, legend } = menuLines({ ...base, lang, s, width });
        expect(lines.map(lineText).join('\n')).not.toContain(s.menuMarks('▶', '•', '✓').slice(0, 8));
        expect(legend.map(lineText).join(' ').replace(/\s+/g, ' ')).toContain(s.menuMarks('▶', '•', '✓').replace(/\s+/g, ' ').slice(0, 20));
        for (const l of [...lines, ...legend]) expect(lineWidth(l)).toBeLessThanOrEqual(proseWidth(width - 2));
      }
      const asked = menuLines({ ...base, lang, s, cursor: LESSONS.length, confirming: true });
      expect(asked.lines.map(lineText).join('\n')).toContain(s.startOverConfirm.slice(0, 12));
      expect(lineText(asked.lines[asked.rowStarts[LESSONS.length]])).toMatch(/^ {3}▶ /);
    }
  });
});

describe('the title bar', () => {
  it('every lesson’s title whole (or its short form whole) at 80 columns, EN | 中文 in one column at every step of every lesson', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      const width = progressWidth(s, LESSONS.map((l) => l.steps.length));
      const columns = new Set<number>();
      LESSONS.forEach((lesson, i) => {
        for (let view = 0; view <= lesson.steps.length; view++) {
          const text = lineText(titleLine({ width: 80, lang, place: `${i + 1}/${LESSONS.length}`, titles: titlesOf(lesson, lang), progress: progressText(s, view, lesson.steps.length), progressWidth: width }));
          expect(text, text).not.toMatch(/(step|步骤|done|完成) {2}/);
          // at least the short form: the room is used (nc81)
          expect(titlesOf(lesson, lang).some((t) => text.includes(t.replace(/…$/, ''))), text).toBe(true);
          // the menu's title, or its start marked with "…" (issue 16: 'segment and signals' in
          // the title bar, 'talk through a segment with signals' in the menu)
          const shown = /\d+\/\d+ (.*?) {2,}EN \| /.exec(text)?.[1] ?? '';
          if (shown.endsWith('…')) expect(lesson.title[lang].startsWith(shown.slice(0, -1)), text).toBe(true);
          else expect(shown, text).toBe(lesson.title[lang]);
          columns.add(cells(text.slice(0, text.indexOf('EN | '))));
        }
      });
      expect([...columns]).toHaveLength(1);
    }
  });

  // nc81: "a race — lost updates…" with ~20 columns free before EN | 中文
  it('a title too long is cut at a word with "…" only as far as it must be, at 80 and 120 columns', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      const width = progressWidth(s, LESSONS.map((l) => l.steps.length));
      for (const columns of [80, 120])
        LESSONS.forEach((lesson, i) => {
          const text = lineText(titleLine({ width: columns, lang, place: `${i + 1}/${LESSONS.length}`, titles: titlesOf(lesson, lang), progress: progressText(s, 0, lesson.steps.length), progressWidth: width }));
          const shown = /\d+\/\d+ (.*?) {2,}EN \| /.exec(text)?.[1] ?? '';
          if (!shown.endsWith('…')) return expect(shown, text).toBe(lesson.title[lang]);
          const free = cells(text.slice(0, text.indexOf('EN | '))) - cells(text.slice(0, text.indexOf(shown) + shown.length)) - 2;
          // the next word would not have fitted
          const next = wordStarts(lesson.title[lang]).find((w) => cells(w) > cells(shown));
          expect(next === undefined || cells(next) - cells(shown) > free, `${text}: ${free} columns free`).toBe(true);
          expect(wordStarts(lesson.title[lang]).concat(titlesOf(lesson, lang)), text).toContain(shown);
        });
    }
  });

  it('word starts: before a space or a dash, after a list comma, no dangling comma', () => {
    expect(wordStarts('a race — lost updates, a semaphore')).toEqual(['a race…', 'a race — lost…', 'a race — lost updates…']);
    expect(wordStarts('竞争——丢失的更新、信号量、原子加')).toEqual(['竞争…', '竞争——丢失的更新…', '竞争——丢失的更新、信号量…']);
  });
});

describe('the key bar in both languages', () => {
  it('leaves out the same keys in English and Chinese, at 80 and 120 columns, at every step of every lesson', () => {
    const keys = (lang: Lang, ...a: Parameters<typeof keyBarLine> extends [unknown, ...infer R] ? R : never) =>
      lineText(keyBarLine(lang, ...a)).match(/(?<=^ |  | )(Space|1-\d|[a-z?→←])(?= )/g);
    for (const lesson of LESSONS) {
      lesson.steps.forEach((step, i) => {
        const choices = lesson.checkpoints?.[step.id]?.choices?.length ?? 0;
        for (const [width, tabs] of [[80, true], [120, false]] as const) {
          for (const space of [{ view: i, done: i, steps: lesson.steps.length, lastLesson: false, form: !!step.turn }, { view: i + 1, done: i + 1, steps: lesson.steps.length, lastLesson: false }]) {
            for (const zoomed of tabs ? [false, true] : [false]) {
              const panes = { tabs, zoomed };
              const en = keys('en', false, width, space, 'main', choices, panes);
              expect(en?.length ?? 0).toBeGreaterThan(3);
              expect(keys('zh', false, width, space, 'main', choices, panes), `${lesson.id} ${i + 1} ${width}`).toEqual(en);
            }
          }
        }
      });
    }
  });
});
