// The " …" that ends the last row of text in view over lines pinned under it says the step's
// words go on below (fix20a#1); where only blank rows are below, nothing follows and the mark
// is not drawn (issue 16: race 4 zh ended "新术语：缓存行（按 g 查看术语表） …").
import { describe, expect, it } from 'vitest';
import { cutShown } from '../../src/app/components/LessonPane.js';
import { lineText, run, type Line } from '../../src/app/styled.js';

const l = (text: string): Line => [run(text, 'plain')];
const pinned = [l('▸ Space: more of step 5\'s text')];

describe('the cut mark', () => {
  it('ends the last row in view where words are below', () => {
    const text = [l('one'), l('新术语：缓存行（按 g 查看术语表）'), l(''), l('more words')];
    expect(cutShown(text, 0, 2, pinned, 40, false).map(lineText).at(-1)).toBe('新术语：缓存行（按 g 查看术语表） …');
  });
  it('is left out where only blank rows are below', () => {
    const text = [l('one'), l('新术语：缓存行（按 g 查看术语表）'), l(''), [], l('  ')];
    expect(cutShown(text, 0, 2, pinned, 40, false).map(lineText)).toEqual(['one', '新术语：缓存行（按 g 查看术语表）']);
  });
});
