// One errno table (src/text/errno.ts ERRNO_FOR_CALL): what an errno means for the call that
// got it is one row, by call and errno name, read by the trace (its few words), the your-turn
// steps (its long why: src/lessons/turn/errno-why.ts) and the playground (its help words:
// src/play/vocabulary.ts). Three tables of their own had drifted apart in their errnos and
// words; here each use must hand out the table's own row, not a copy of it.
import { describe, expect, it } from 'vitest';
import { callErrno, ERRNO_FOR_CALL } from '../../src/text/errno.js';
import { ERRNO_WHY } from '../../src/lessons/turn/errno-why.js';
import { FUNCTIONS } from '../../src/play/vocabulary.js';

type Row = { en: string; zh: string; why?: object; play?: object };
const rows = Object.entries(ERRNO_FOR_CALL as Record<string, Record<string, Row>>).flatMap(([call, byErrno]) => Object.entries(byErrno).map(([errno, row]) => ({ call, errno, row })));

describe('the one errno table', () => {
  it("gives the playground's errno words: a call's errors are its rows' play words, in the table's order", () => {
    for (const [call, fn] of Object.entries(FUNCTIONS)) {
      const expected = rows.filter((r) => r.call === call && r.row.play).map((r) => r.errno);
      expect(Object.keys(fn.errors), call).toEqual(expected);
      for (const [errno, words] of Object.entries(fn.errors)) expect(words, `${call} ${errno}`).toBe(callErrno(call, errno)?.play);
    }
  });

  it("gives the your-turn steps' whys: every row's why, and no other", () => {
    const whys = Object.entries(ERRNO_WHY).flatMap(([call, byErrno]) => Object.entries(byErrno as Record<string, object>).map(([errno, why]) => ({ call, errno, why })));
    expect(whys.map((w) => `${w.call} ${w.errno}`).sort()).toEqual(rows.filter((r) => r.row.why).map((r) => `${r.call} ${r.errno}`).sort());
    for (const { call, errno, why } of whys) expect(why, `${call} ${errno}`).toBe(callErrno(call, errno)?.why);
  });
});
