// Wakeups.until's rule for a peer that stores and exits between the waiter's read and its
// liveness check (the C client's last ack, then exit 0): the store counts, the exit does not.
import { describe, expect, it } from 'vitest';
import { Wakeups } from '../../src/proto/wakeups.js';

describe('Wakeups.until', () => {
  it('a peer gone after it stored: the wait ends as done, not with the check\'s error', async () => {
    const wake = new Wakeups([]);
    let stored = false;
    const by = await wake.until(
      () => stored,
      () => {
        // the peer wrote the ack and exited after done() was read
        stored = true;
        throw new Error('the client is gone');
      },
    );
    wake.close();
    expect(by).toBe('poll');
  });

  it('a peer gone without storing: the check\'s error stands', async () => {
    const wake = new Wakeups([]);
    await expect(
      wake.until(
        () => false,
        () => {
          throw new Error('the client is gone');
        },
      ),
    ).rejects.toThrow('the client is gone');
    wake.close();
  });
});
