// The Kernel pane's pace: every POLL_MS while things change, every IDLE_POLL_MS once the
// store has been quiet for QUIET_AFTER_MS, back to POLL_MS at the first change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_POLL_MS, POLL_MS, QUIET_AFTER_MS, pollDelay, pollKernel } from '../../src/app/kernel-poll.js';

describe('the kernel poll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('slows down after a quiet spell and speeds up at the next change', () => {
    expect(pollDelay(0)).toBe(POLL_MS);
    expect(pollDelay(QUIET_AFTER_MS)).toBe(IDLE_POLL_MS);
    let listener = () => {};
    const looks: number[] = [];
    const stop = pollKernel(
      () => looks.push(Date.now()),
      (l) => {
        listener = l;
        return () => {
          listener = () => {};
        };
      },
    );
    vi.advanceTimersByTime(QUIET_AFTER_MS);
    expect(looks.length).toBe(QUIET_AFTER_MS / POLL_MS);
    looks.length = 0;
    vi.advanceTimersByTime(10_000);
    // a tutorial left alone looks once a second (the first wait may still be a short one)
    expect(looks.length).toBeGreaterThanOrEqual(10);
    expect(looks.length).toBeLessThanOrEqual(11);
    listener();
    looks.length = 0;
    vi.advanceTimersByTime(IDLE_POLL_MS + 2 * POLL_MS);
    // the change is seen within the slow wait under way, then the pace is the fast one
    expect(looks.length).toBeGreaterThanOrEqual(3);
    stop();
    looks.length = 0;
    vi.advanceTimersByTime(10_000);
    expect(looks).toEqual([]);
  });
});
