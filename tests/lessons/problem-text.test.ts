// The kit's problems, made from real failing calls, read in Chinese on the screen; run --json keeps English.
import { describe, expect, it } from 'vitest';
import { expectErrno, expectOk, need } from '../../src/lessons/kit.js';
import { problemText } from '../../src/lessons/problem-text.js';
import { shmctlRmid } from '../../src/native/index.js';

const english = /\b(failed|should|expected|returned|needs)\b/;

describe('a step problem in the learner language', () => {
  it('every form of the kit reads in Chinese, and stays as made in English', () => {
    const call = shmctlRmid(-1); // no such segment: EINVAL
    expect(call.errno).toBe('EINVAL');
    let needed = '';
    try {
      need({} as { shmid?: number }, 'shmid');
    } catch (err) {
      needed = (err as Error).message;
    }
    const made = [...expectOk(call), ...expectErrno(call, 'EIDRM'), ...expectErrno({ ...call, errno: null, ret: 0 }, 'EINVAL'), needed];
    expect(made).toHaveLength(4);
    for (const problem of made) {
      expect(problemText(problem, 'en')).toBe(problem);
      const zh = problemText(problem, 'zh');
      expect(zh, zh).not.toMatch(english);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
