// The bundle's Ink turns its screen buffer into text with src/text/screen-output.ts (given
// by scripts/build.mjs in place of Ink's Output.get): for any writes, clips and transforms
// it must give Ink's own text, also when a row was made before and is taken from the kept ones.
import { describe, expect, it } from 'vitest';
// Ink's own, by path: the package exports only its entry
import Output from '../../node_modules/ink/build/output.js';
import { screenOutput } from '../../src/text/screen-output.js';

const esc = (codes: number[]) => codes.map((c) => `\x1b[${c}m`).join('');
const STYLES = [[1], [2], [31], [32, 1], [90], [7], [38, 5, 208]];
const PIECES = ['ab ', '   ', '共享内存', '│─┐', 'x', 'é', '▶ 12', 'shmget(2)', ''];

/** A reproducible source of small numbers. */
function numbers(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor(x / 65536) % n;
  };
}

function text(next: (n: number) => number): string {
  const lines = Array.from({ length: 1 + next(4) }, () => {
    let s = '';
    for (let i = 0; i < 1 + next(5); i++) {
      if (next(3) === 0) s += esc(STYLES[next(STYLES.length)]!);
      s += PIECES[next(PIECES.length)];
      if (next(4) === 0) s += esc([0]);
    }
    return s;
  });
  return lines.join('\n');
}

/** An Output of Ink's with a mix of writes, nested clips and transformers, some of them
 *  partly or wholly outside the screen. */
function frame(seed: number): Output {
  const next = numbers(seed);
  const width = 10 + next(30);
  const height = 3 + next(8);
  const output = new Output({ width, height });
  const upper = (line: string, index: number) => (index % 2 ? line.toUpperCase() : line);
  const dim = (line: string) => `${esc([2])}${line}${esc([22])}`;
  let open = 0;
  for (let op = 0; op < 12; op++) {
    const pick = next(6);
    if (pick === 0) {
      const clip = next(2) ? { x1: next(width), x2: next(width) + 5, y1: undefined, y2: undefined } : { x1: next(width), x2: next(width) + 3, y1: next(height), y2: next(height) + 2 };
      output.clip(clip);
      open++;
    } else if (pick === 1 && open > 0) {
      output.unclip();
      open--;
    } else {
      const transformers = [[], [upper], [dim], [upper, dim]][next(4)]!;
      output.write(next(width + 4) - 2, next(height + 3) - 2, text(next), { transformers });
    }
  }
  return output;
}

describe('screenOutput, the bundle Output.get of Ink', () => {
  it("gives Ink's own text for writes, clips and transforms, wide characters and styles", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const output = frame(seed);
      expect(screenOutput(output as never), `seed ${seed}`).toEqual(output.get());
    }
  });

  it('gives the same text again from the rows it kept', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const first = screenOutput(frame(seed) as never);
      const output = frame(seed);
      expect(screenOutput(output as never)).toEqual(first);
      expect(first).toEqual(output.get());
    }
  });

  it('gives a row written past the width as Ink does at each width, the same writes kept for another', () => {
    for (const width of [10, 15, 10]) {
      const output = new Output({ width, height: 2 });
      output.write(12, 0, 'x', { transformers: [] });
      expect(screenOutput(output as never)).toEqual(output.get());
    }
  });

  it('keeps blank rows and a blank screen as Ink does, and drops a text that starts above it', () => {
    const output = new Output({ width: 6, height: 3 });
    expect(screenOutput(output as never)).toEqual(output.get());
    output.write(2, 1, 'ok', { transformers: [] });
    output.write(0, -1, 'a\nb\nc', { transformers: [] });
    expect(screenOutput(output as never)).toEqual({ output: '\n  ok\n', height: 3 });
    expect(output.get()).toEqual({ output: '\n  ok\n', height: 3 });
  });
});
