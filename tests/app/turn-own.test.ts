// After a run with the learner's values, the notice names the values the lesson ran next:
// its declared own values where it has them (shmdt writes at +0, where the form's
// default, for the learner, is after the lesson's text), not the form's defaults.
import { describe, expect, it } from 'vitest';
import { lessonTextLines } from '../../src/app/components/lesson-view.js';
import { turnFormLines } from '../../src/app/components/turn-view.js';
import { defaultTyped } from '../../src/lessons/turn/fields.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { lessonById } from '../../src/lessons/index.js';

const shmdt = lessonById('shmdt')!;

function noticeText(lang: 'en' | 'zh'): string {
  const lines = lessonTextLines(
    { lesson: shmdt, lang, view: 1, done: 1, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), turnResults: { 0: [{ en: 'Your values: x.', zh: '你的取值：x。' }] } },
    200,
  );
  return lines.map(lineText).join(' ').replace(/\s+/g, ' ');
}

describe("the lesson's own values after the learner's", () => {
  it.each(['en', 'zh'] as const)('%s: shmdt step 1 names offset 0, where its text went', (lang) => {
    const text = noticeText(lang);
    expect(shmdt.steps[0].turn?.own?.offset).toBe(0);
    expect(text).toMatch(lang === 'en' ? /offset = 0\b/ : /偏移 = 0\b/);
    expect(text).not.toMatch(/(offset|偏移) = 13/);
  });

  it.each(['en', 'zh'] as const)("%s: shmdt step 1's summary names offset 0 as what Space runs, not as the form's, which y opens past the lesson's text", (lang) => {
    const s = strings(lang);
    const turn = shmdt.steps[0].turn!;
    const lines = turnFormLines({ turn, typed: defaultTyped(turn), focus: null, cursor: 0, error: null, lang, ascii: false, s, keys: { edit: 'y', next: 'Tab' } }, 200);
    const text = lines.map(lineText).join(' ').replace(/\s+/g, ' ');
    expect(text).toMatch(lang === 'en' ? /^Space: the lesson's own \(text = ".*", offset = 0\)\. y: first your own text, at \+13 \(0xd\) or later; then the lesson's, at \+0\. / : /^空格：本课自己的取值（文字 = “.*”、偏移 = 0）。y：先写你自己的文字，从 \+13 \(0xd\) 或更后处起；再写本课的，在 \+0。/);
  });

  // msg's step 3 runs msgtyp 0, 2 and -3 where the form has one msgtyp (-3): Turn.ownSaid names them
  it.each(['en', 'zh'] as const)("%s: msg step 3's notice label and summary name the lesson's three msgtyp, not the form's -3 alone", (lang) => {
    const msg = lessonById('msg')!;
    const index = msg.steps.findIndex((st) => st.id === 'by-type');
    const turn = msg.steps[index].turn!;
    const s = strings(lang);
    const want = lang === 'en' ? 'msgtyp 0, 2 and -3 with msgsz 256' : 'msgtyp 0、2、-3，msgsz 256';
    const notice = lessonTextLines(
      { lesson: msg, lang, view: index + 1, done: index + 1, problems: {}, present: false, revealed: 0, ascii: false, s, turnResults: { [index]: [{ en: 'Your values: x.', zh: '你的取值：x。' }] } },
      200,
    );
    expect(notice.map(lineText).join(' ').replace(/\s+/g, ' ')).toContain(want);
    const summary = turnFormLines({ turn, typed: defaultTyped(turn), focus: null, cursor: 0, error: null, lang, ascii: false, s, keys: { edit: 'y', next: 'Tab' } }, 200);
    const text = summary.map(lineText).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(s.turnSpaceOwn(want));
    expect(text).not.toMatch(/msgtyp = -3/);
  });

  // one phrasing for every step with a turn, both languages: "Space: the lesson's own (…). y: …"
  it.each(['en', 'zh'] as const)('%s: every summary says what Space runs, then what y gives, and never "gives yours"', async (lang) => {
    const { LESSONS } = await import('../../src/lessons/index.js');
    const s = strings(lang);
    let seen = 0;
    for (const lesson of LESSONS)
      for (const step of lesson.steps) {
        const turn = step.turn;
        if (!turn) continue;
        seen++;
        const text = turnFormLines({ turn, typed: defaultTyped(turn), focus: null, cursor: 0, error: null, lang, ascii: false, s, keys: { edit: 'y', next: 'Tab' } }, 400)
          .map(lineText)
          .join(' ')
          .replace(/\s+/g, ' ');
        expect(text, `${lesson.id}/${step.id}`).toMatch(lang === 'en' ? /^Space: the lesson's own \(.+\)\. y: (first|your|a \w+ with your)/ : /^空格：本课自己的取值（.+）。y：/);
        expect(text).not.toMatch(/gives yours|改用你的：/);
        // kept values: Space runs them, y changes them
        const kept = { ...defaultTyped(turn), [turn.fields[0].name]: `${turn.fields[0].default}x` };
        const keptText = turnFormLines({ turn, typed: kept, focus: null, cursor: 0, error: null, lang, ascii: false, s, keys: { edit: 'y', next: 'Tab' } }, 400).map(lineText).join(' ');
        expect(keptText).toContain(s.turnY('y', s.turnYChange(turn.fields.length)));
        // one field is "it", not "them" (shmctl's mode)
        if (turn.fields.length === 1) expect(keptText).toMatch(lang === 'en' ? /y: change it\./ : /y：修改它。/);
      }
    expect(seen).toBeGreaterThanOrEqual(7);
  });

  it("msg step 2: Space, the lesson's four; y, first your own message", () => {
    const msg = lessonById('msg')!;
    const turn = msg.steps.find((st) => st.id === 'send')!.turn!;
    const text = turnFormLines({ turn, typed: defaultTyped(turn), focus: null, cursor: 0, error: null, lang: 'en', ascii: false, s: strings('en'), keys: { edit: 'y', next: 'Tab' } }, 400).map(lineText).join(' ');
    expect(text).toMatch(/^Space: the lesson's own \(the four messages\)\. y: first your own message \(mtype, mtext\), then the lesson's four\./);
  });
});
