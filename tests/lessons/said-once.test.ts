// A lesson says a machine's fact once: shmget printed its limits (SHMMAX, SHMALL) in
// steps 3 and 4 alike (issue 16). Every line of a lesson's run that reads the limits from
// /proc/sys/kernel is one line of the whole run.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('the limits, said once', () => {
  it('shmget: one trace line gives SHMMAX = … and SHMALL = …', async () => {
    const result = await cli(['run', 'shmget', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const texts = result.stdout.trim().split('\n').map((l) => JSON.stringify(JSON.parse(l)));
    const limits = texts.filter((t) => /SHMMAX = \d+/.test(t) && /SHMALL = \d+/.test(t));
    expect(limits.length, limits.join('\n')).toBe(1);
  });
});
