// The resume's status names one step as one ("re-ran step 1"), not as a range "1–1".
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';

describe('the resume status', () => {
  it('one step read as a step, more as a range, in both languages', () => {
    expect(strings('en').resumed('shmctl', 1)).toBe('resumed shmctl: re-ran step 1 to rebuild what it made');
    expect(strings('en').resumed('shmctl', 3)).toContain('re-ran steps 1–3');
    expect(strings('zh').resumed('shmctl', 1)).toContain('重新运行了第 1 步');
    expect(strings('zh').resumed('shmctl', 3)).toContain('重新运行了第 1–3 步');
  });
});
