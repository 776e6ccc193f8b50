// At a lesson's end the next lesson's diagrams are drawn ahead, one per turn of the event loop, at
// the width its Flow will have (src/app/flow-warm.ts; issue 16 item 17: Enter at ftok's end took
// ~3 s to open shmat at 120x34 zh, its diagrams all laid out in the first frame).
import { describe, expect, it } from 'vitest';
import { warmDiagrams } from '../../src/app/flow-warm.js';
import type { DiagramRenderer } from '../../src/app/store/deps.js';
import { LESSONS } from '../../src/lessons/index.js';

const shmat = LESSONS.find((l) => l.id === 'shmat')!;

/** The real renderer, each call noted with the turn of the event loop it came in. */
async function recorder(): Promise<{ flow: DiagramRenderer; calls: { name: string; width?: number; family?: readonly string[]; turn: number }[]; turn: { n: number } }> {
  const real = (await import('../../src/flow/index.js')) as unknown as DiagramRenderer;
  const calls: { name: string; width?: number; family?: readonly string[]; turn: number }[] = [];
  const turn = { n: 0 };
  const flow = { ...real, renderDiagram: (name: string, o: Parameters<DiagramRenderer['renderDiagram']>[1]) => (calls.push({ name, width: o.width, family: o.family, turn: turn.n }), real.renderDiagram(name, o)) };
  return { flow, calls, turn };
}

describe('the next lesson drawn ahead', () => {
  it("draws each of shmat's diagrams at the width given, as a family, one per turn", async () => {
    const { flow, calls, turn } = await recorder();
    warmDiagrams(flow, shmat, 64, false, 'zh', 0);
    const deadline = Date.now() + 20_000;
    while (calls.length < shmat.diagrams.length && Date.now() < deadline) {
      turn.n++;
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(calls.map((c) => c.name)).toEqual([...shmat.diagrams]);
    expect(calls.every((c) => c.width === 64 && c.family === shmat.diagrams)).toBe(true);
    // never two in one turn: a key waits for one drawing at most
    expect(new Set(calls.map((c) => c.turn)).size).toBe(calls.length);
  }, 30_000);

  it('stops when told (the lesson, size or language changed first)', async () => {
    const { flow, calls } = await recorder();
    const stop = warmDiagrams(flow, shmat, 70, false, 'en', 0);
    stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toHaveLength(0);
  });
});
