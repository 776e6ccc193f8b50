// The " …" that ends the last row of text in view over lines pinned under it says the step's
// words go on below (fix20a#1); where only blank rows are below, nothing follows and the mark
// is not drawn (issue 16: race 4 zh ended "新术语：缓存行（按 g 查看术语表） …"); nor where the cut
// falls between paragraphs, the row below blank or a step's heading, or the last row in view blank
// (issue 16: shmget zh "新术语：SHMMIN、SHMMNI（按 g 查看术语表） …" and serv-clnt's "…" alone on a
// row read as stray: the pinned line under them says the rest is below).
import { describe, expect, it } from 'vitest';
import { cutShown } from '../../src/app/components/LessonPane.js';
import { lineText, run, type Line } from '../../src/app/styled.js';

const l = (text: string): Line => [run(text, 'plain')];
const pinned = [l('▸ Space: step 5\'s text')];

describe('the cut mark', () => {
  it('ends the last row in view where its paragraph goes on below', () => {
    const text = [l('one'), l('a sentence cut'), l('where it goes on'), l('')];
    expect(cutShown(text, 0, 2, pinned, 40, false).map(lineText).at(-1)).toBe('a sentence cut …');
  });
  it('is left out between paragraphs: a blank row or a heading below, or a blank row last', () => {
    const title: Line = [run('▶ step 2: next', 'title')];
    const terms = l('新术语：缓存行（按 g 查看术语表）');
    expect(cutShown([l('one'), terms, l(''), l('more words')], 0, 2, pinned, 40, false).map(lineText)).toEqual(['one', '新术语：缓存行（按 g 查看术语表）']);
    expect(cutShown([l('one'), terms, title, l('more words')], 0, 2, pinned, 40, false).map(lineText)).toEqual(['one', '新术语：缓存行（按 g 查看术语表）']);
    expect(cutShown([l('one'), terms, l(''), title], 0, 3, pinned, 40, false).map(lineText)).toEqual(['one', '新术语：缓存行（按 g 查看术语表）', '']);
  });
  it('is left out where only blank rows are below', () => {
    const text = [l('one'), l('新术语：缓存行（按 g 查看术语表）'), l(''), [], l('  ')];
    expect(cutShown(text, 0, 2, pinned, 40, false).map(lineText)).toEqual(['one', '新术语：缓存行（按 g 查看术语表）']);
  });
});
