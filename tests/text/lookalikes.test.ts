// Look-alike characters (nc83: `semop(−1: P)` with U+2212 where everywhere else writes -1): a
// minus, a hyphen or a space that looks like ASCII but is not reads the same and searches,
// copies and compares differently. Only the ASCII fallback table may name them (it maps them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** U+2212 minus, U+2010 U+2011 hyphens, U+FF0D fullwidth hyphen-minus, no-break and zero-width spaces, BOM */
const LOOKALIKE = /[\u2212\u2010\u2011\uFF0D\u00A0\u200B\u200C\u200D\u2060\uFEFF]/u;
/** the table that maps such characters to ASCII for --ascii */
const ALLOWED = new Set(['src/app/text-fit.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mjs|c|h|mmd|md)$/.test(name) ? [path] : [];
  });
}

describe('no look-alike characters', () => {
  it('in the program, its C examples, diagrams and docs', () => {
    const found: string[] = [];
    for (const dir of ['src', 'examples', 'assets', 'docs', 'bin', 'scripts'])
      for (const path of files(join(ROOT, dir))) {
        const rel = relative(ROOT, path);
        if (ALLOWED.has(rel)) continue;
        readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
          const m = LOOKALIKE.exec(line);
          if (m) found.push(`${rel}:${i + 1}: U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in ${line.trim().slice(0, 80)}`);
        });
      }
    expect(found).toEqual([]);
  });
});
