// A notice claims only what the pane shown after the run holds, or names the other pane with
// Step.alsoIn (issue 16 item 5: shmdt 2's "shmdt returned 0", ftok 9's folder, overview 6's kept
// bytes stood beside the Kernel pane alone).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { unbackedClaim } from '../../src/lessons/result-pane.js';

const notice = (en: string, zh = '') => ({ en, zh });

describe('a notice that speaks of two panes declares the other', () => {
  it('a return or an errno with the Kernel pane sure to be shown, no alsoIn: caught', () => {
    expect(unbackedClaim({ notice: notice('shmdt returned 0. nattch is 0.') })).toEqual({ claims: 'trace', shown: 'kernel' });
    expect(unbackedClaim({ notice: notice('', 'shmdt 返回 0。nattch 为 0。') })).toEqual({ claims: 'trace', shown: 'kernel' });
    expect(unbackedClaim({ notice: notice('EAGAIN: semval is still 0.') })?.claims).toBe('trace');
  });
  it('declared with alsoIn, or shown in the Trace: passes', () => {
    expect(unbackedClaim({ notice: notice('shmdt returned 0. nattch is 0.'), alsoIn: { pane: 'trace' } })).toBeNull();
    expect(unbackedClaim({ notice: notice('shmdt returned 0. nattch is 0.'), traceFocus: ['shmdt('] })).toBeNull();
    expect(unbackedClaim({ notice: notice('nattch is 0.') })).toBeNull();
  });
  it('every step of every lesson', () => {
    const bad = LESSONS.flatMap((l) => l.steps.filter((s) => unbackedClaim(s)).map((s) => `${l.id} ${s.id}`));
    expect(bad).toEqual([]);
  });
  it('the three steps newcomers misread', () => {
    const step = (lesson: string, id: string) => LESSONS.find((l) => l.id === lesson)!.steps.find((s) => s.id === id)!;
    expect(step('ftok', 'remove').alsoIn?.pane).toBe('trace');
    expect(step('shmdt', 'detach').notice.en).not.toMatch(/returned/);
    expect(step('overview', 'detach').notice.en).not.toMatch(/bytes/);
  });
});
