// The segment the Kernel pane details (shownFocus): one segment listed is in focus, so the
// pane never says "s picks one" while s says there is only this one to show.
import { describe, expect, it } from 'vitest';
import { shownFocus } from '../../src/app/store/kernel.js';
import type { SegmentRecord } from '../../src/native/types.js';

const seg = (shmid: number): SegmentRecord => ({
  key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 1, cpid: 1, lpid: 1, status: [], atime: 0, dtime: 0, ctime: 0, ours: true,
});
const lesson = { screen: 'lesson' as const, playFocus: null, picked: null };

describe('shownFocus', () => {
  it('the lesson focus, else the pick while listed, else the only segment', () => {
    expect(shownFocus({ ...lesson, focus: 7, segments: [seg(7), seg(8)] })).toBe(7);
    expect(shownFocus({ ...lesson, picked: 8, focus: 7, segments: [seg(7), seg(8)] })).toBe(8);
    // the race's end: the lesson removed its segments, a playground one is left
    expect(shownFocus({ ...lesson, focus: null, segments: [seg(9)] })).toBe(9);
    // several and none in focus: s picks one (the pane says so)
    expect(shownFocus({ ...lesson, focus: null, segments: [seg(7), seg(8)] })).toBeNull();
    expect(shownFocus({ ...lesson, focus: null, segments: [] })).toBeNull();
  });
  it('in the playground, the segment of its last call only', () => {
    expect(shownFocus({ screen: 'play', playFocus: null, picked: null, focus: null, segments: [seg(9)] })).toBeNull();
    expect(shownFocus({ screen: 'play', playFocus: 9, picked: null, focus: null, segments: [seg(9)] })).toBe(9);
  });
});
