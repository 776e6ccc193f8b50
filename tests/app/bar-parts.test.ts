// One name for each part of the lesson pane, on its borders and in its lines alike (issue 16:
// in Chinese the border said "空格：第 3 步做什么" while the line under the step's cut words said
// "空格：第 3 步的其余部分和问题", the same part named two ways). The border's words for a part
// are in every line and border sign that names it, both languages.
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { LANGS } from '../../src/lang.js';

describe('the lesson pane names each of its parts one way', () => {
  it.each(LANGS)('%s', (lang) => {
    const s = strings(lang);
    const step = 3;
    // what follows "Space: " (空格：) or "PgUp: " on a border: the part's name there
    const named = (sign: string) => sign.replace(/^(▸ )?(Space|空格|PgUp|PgDn)\s?[:：]\s?/, '');
    const low = (t: string) => t.toLowerCase();
    const wrong: string[] = [];
    const same = (part: string, name: string, says: string[]) => {
      for (const said of says) if (!low(said).includes(low(name))) wrong.push(`${part}: "${said}" does not say "${name}"`);
    };
    // the step's text: the bottom border's name for it when Space brings it
    const text = named(s.spaceSays(s.spaceBrings(step, true, false)));
    same("a step's text", text, [s.spaceMarker(s.spaceBrings(step, true, false)), named(s.textAbove(step))]);
    // the rest of it with its question: the step and the question (short, as the key bar says it: issue 16)
    for (const name of [text.replace(/'s [^ ]*$|的说明$/, ''), lang === 'en' ? 'question' : '问题'])
      same("a step's rest and its question", name, [s.spaceSays(s.spaceBrings(step, true, true)), s.spaceMarker(s.spaceBrings(step, true, true))]);
    // a step's result: the notice's heading in the text, on the top border when PgUp lands there
    same("a step's result", s.noticeOfStep(step), [named(s.resultAbove(step))]);
    // a check's question: its title in the text, named by the border and the line that brings it
    const check = named(s.checkAbove(2));
    same("a check's question", check, [s.checkTitle(2, 3), s.spaceMarker(s.spaceCheck(2, 3))]);
    // the lesson's end: its first words
    same("the lesson's end", named(s.endAbove), [s.endOfLesson]);
    expect(wrong).toEqual([]);
  });
});
