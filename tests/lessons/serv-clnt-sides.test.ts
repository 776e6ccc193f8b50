// What serv-clnt adds under the sides' own lines (issue 16): why a change was seen at a poll though
// a SIGUSR2 was sent, and, once, why a pid is lower than one before it.
import { describe, expect, it } from 'vitest';
import { sides } from '../../src/lessons/serv-clnt.js';
import type { StepContext, TraceEntry } from '../../src/lessons/types.js';

function recording(): { ctx: StepContext; lines: () => string[] } {
  const entries: TraceEntry[] = [];
  const ctx = { trace: (e: TraceEntry) => entries.push(e) } as unknown as StepContext;
  const lines = () => [...entries].sort((a, b) => a.at - b.at).map((e) => `${e.pid} ${e.type === 'event' ? e.text.en : e.type}`);
  return { ctx, lines };
}

const event = (pid: number, en: string, at: number): TraceEntry => ({ type: 'event', pid, text: { en, zh: en }, at });

describe("serv-clnt's words under the sides' lines", () => {
  it('a line seen at the 100 ms poll gets why the signal woke nothing, right under it and under its pid (nc: under the lesson\'s pid it read as that process\'s doing); a line woken by the signal none', () => {
    const { ctx, lines } = recording();
    const watched = sides(ctx);
    // one context per run: the same wrapper every step (the peers' end lines keep their order)
    expect(sides(ctx)).toBe(watched);
    watched.trace(event(process.pid + 1, 'rv->ack == 1 (woken by SIGUSR2)', 1));
    watched.trace(event(process.pid + 1, 'rv->ack == 2 (seen at its 100 ms poll)', 2));
    watched.trace(event(process.pid + 2, 'kill(1, SIGUSR2) = 0', 3));
    expect(lines()).toEqual([
      `${process.pid + 1} rv->ack == 1 (woken by SIGUSR2)`,
      `${process.pid + 1} rv->ack == 2 (seen at its 100 ms poll)`,
      `${process.pid + 1} why not the signal: the 100 ms timer came first and found it stored`,
      `${process.pid + 2} kill(1, SIGUSR2) = 0`,
    ]);
  });

  it('the first line of a pid below one seen before says once that pids wrap', () => {
    const { ctx, lines } = recording();
    const watched = sides(ctx);
    // above the lesson's own pid, which the lesson showed first
    const [high, low] = [process.pid + 2000, process.pid + 10];
    watched.trace(event(high, 'shmdt(0x1) = 0', 1));
    watched.trace(event(low, 'shmget(0x2, 0, 0) = 7', 2));
    watched.trace(event(low + 1, 'shmat(7, NULL, 0) = 0x3', 3));
    watched.trace(event(low - 1, 'shmdt(0x3) = 0', 4));
    const wrap = lines().filter((l) => /counting up to a limit/.test(l));
    expect(wrap).toEqual([`${low} pid ${low}, below pid ${high} before it: the kernel hands out pids counting up to a limit, then again from low numbers no process holds`]);
    expect(lines().indexOf(wrap[0]!)).toBe(2);
  });
});
