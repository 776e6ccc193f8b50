// Ink's frame pacing (src/app/frame-throttle.ts): after a quiet spell and within a key's time,
// a frame is written as the code that asked for it ends (never in the middle: Ink asks as a commit
// ends, before its layout effects tell the store what the panes drew), other bursts one per interval.
import { describe, expect, it } from 'vitest';
import { drawPending, frameThrottle, keyRead } from '../../src/app/frame-throttle.js';

const tick = () => new Promise((r) => setImmediate(r));
/** past a key's time: the tests before this one pressed keys */
const quiet = () => new Promise((r) => setTimeout(r, 120));

describe('frameThrottle', () => {
  it('draws the first frame as the code that asked ends, with what that code changed last; a burst without a key once, at the end of the interval', async () => {
    await quiet();
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 30);
    frame('a');
    // a layout effect of the same commit tells the store more: the frame written shows it (issue 16)
    frame('a, laid out');
    expect(drawn).toEqual([]);
    await Promise.resolve();
    expect(drawn).toEqual(['a, laid out']);
    frame('b');
    frame('c');
    await tick();
    expect(drawn).toEqual(['a, laid out']);
    await new Promise((r) => setTimeout(r, 40));
    expect(drawn).toEqual(['a, laid out', 'c']);
  });

  it("draws a key's later frames as the code that asked ends, not after the interval; several asks, one frame", async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 1000);
    frame('busy');
    await Promise.resolve();
    keyRead();
    frame('result');
    frame('result, saved');
    expect(drawn).toEqual(['busy']);
    await Promise.resolve();
    expect(drawn).toEqual(['busy', 'result, saved']);
  });

  it("drawPending writes the waiting frame at once, before the code running goes on, and the write that frame asks for", async () => {
    const drawn: string[] = [];
    // as Ink's: the frame drawn is written through a throttle of its own
    const write = frameThrottle((s: string) => drawn.push(s));
    const frame = frameThrottle((s: string) => write(`${s} written`), 1000);
    frame('first');
    drawPending();
    expect(drawn).toEqual(['first written']);
    keyRead();
    frame('result');
    drawPending();
    expect(drawn).toEqual(['first written', 'result written']);
    await Promise.resolve();
    expect(drawn).toEqual(['first written', 'result written']);
  });

  it('flush draws the frame that waits, once; cancel forgets it', async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 1000);
    frame('a');
    frame.flush();
    frame('b');
    frame.flush();
    frame.flush();
    expect(drawn).toEqual(['a', 'b']);
    frame('c');
    frame.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(drawn).toEqual(['a', 'b']);
  });
});
