// An example of shmids that jump by 32768 agrees with the rule it illustrates: Linux gives
// the slot after the last one given (ipc/util.c ipc_idr_alloc, cyclically below
// max(in_use * 3 / 2, 64)), and the count of rounds grows only when the new slot is not
// above the last one; id = count × 32768 + slot. "5, 34, then 32821" (slot 53 after 34:
// no wrap, so no jump) taught the opposite (issue 16).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCES = ['src/lessons/glossary.ts', 'src/lessons/shmget.ts'];

/** Every run of numbers a text lists ("5, 34, then 32821", "62、63，然后 32768") */
function sequences(text: string): number[][] {
  const runs = text.match(/\d+(?:\s*(?:,|、|，)\s*(?:then\s+|然后\s*|之后是\s*)?\d+)+|\d+\s*之后是\s*\d+/g) ?? [];
  return runs.map((r) => (r.match(/\d+/g) ?? []).map(Number));
}

describe('shmid examples follow the rule', () => {
  for (const file of SOURCES) {
    it(`${file}: a jump of 32768 comes only at a wrap to a slot not above the last one`, () => {
      const text = readFileSync(file, 'utf8');
      let seen = 0;
      for (const line of text.split('\n').filter((l) => l.includes('32768'))) {
        for (const run of sequences(line)) {
          if (!run.some((n) => n >= 32768) || run.length < 2) continue;
          seen++;
          for (let i = 1; i < run.length; i++) {
            const [prev, next] = [run[i - 1]!, run[i]!];
            const [seqA, slotA, seqB, slotB] = [Math.floor(prev / 32768), prev % 32768, Math.floor(next / 32768), next % 32768];
            // the next slot is after the last one, or a wrap, which bumps the count by one
            const ok = slotB > slotA ? seqB === seqA : seqB === seqA + 1;
            expect(ok, `${file}: ${run.join(', ')}: ${prev} then ${next}`).toBe(true);
          }
        }
      }
      expect(seen, `${file} gives an example`).toBeGreaterThan(0);
    });
  }
});
