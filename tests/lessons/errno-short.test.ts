// The short meaning of shmget's EINVAL is true of every case a lesson shows: size 0 (ftok's
// sizes, shmget's limits) is too small, not "out of the range this segment allows" (nothing
// exceeded, and no segment exists yet when creating). It names both bounds and the existing
// segment's size, in both languages (issue 16).
import { describe, expect, it } from 'vitest';
import { ERRNO_FOR_CALL } from '../../src/text/errno.js';

describe('shmget EINVAL, said short', () => {
  it('names SHMMIN, SHMMAX and an existing segment, and no "exceeds" alone', () => {
    const row = ERRNO_FOR_CALL.shmget.EINVAL;
    for (const text of [row.en, row.zh]) {
      expect(text).toContain('SHMMIN');
      expect(text).toContain('SHMMAX');
    }
    expect(row.en).toMatch(/existing segment|larger than the segment/);
    expect(row.zh).toMatch(/已有/);
    expect(row.en).not.toMatch(/outside what this segment|exceeds/);
    expect(row.zh).not.toMatch(/超出这个段/);
  });
});
