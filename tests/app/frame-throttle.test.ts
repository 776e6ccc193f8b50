// Ink's frame pacing (src/app/frame-throttle.ts): at once after a quiet spell, a key's
// frames at the end of the code that changed the store, other bursts one per interval.
import { describe, expect, it } from 'vitest';
import { drawPending, frameThrottle, keyRead } from '../../src/app/frame-throttle.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('frameThrottle', () => {
  it('draws the first frame at once, and a burst without a key once, at the end of the interval, with the last arguments', async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 30);
    frame('a');
    expect(drawn).toEqual(['a']);
    frame('b');
    frame('c');
    await tick();
    expect(drawn).toEqual(['a']);
    await new Promise((r) => setTimeout(r, 40));
    expect(drawn).toEqual(['a', 'c']);
  });

  it("draws a key's later frames as the code that asked ends, not after the interval; several asks, one frame", async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 1000);
    frame('busy');
    keyRead();
    frame('result');
    frame('result, saved');
    expect(drawn).toEqual(['busy']);
    await Promise.resolve();
    expect(drawn).toEqual(['busy', 'result, saved']);
  });

  it("drawPending writes a key's waiting frame at once, before the code running goes on", async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 1000);
    frame('busy');
    keyRead();
    frame('result');
    drawPending();
    expect(drawn).toEqual(['busy', 'result']);
    await Promise.resolve();
    expect(drawn).toEqual(['busy', 'result']);
  });

  it('flush draws the frame that waits, once; cancel forgets it', async () => {
    const drawn: string[] = [];
    const frame = frameThrottle((s: string) => drawn.push(s), 1000);
    frame('a');
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
