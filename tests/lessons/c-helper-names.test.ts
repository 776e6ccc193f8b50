// The C files' own functions (examples/c) are never named as a libc function is: in the C
// pane a call of one would read as the system API (msg.c's send() read as the socket call;
// overview.c's sh() and cleanup.h's removed() read as library calls too: fix25f#2).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'examples', 'c');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.c') || f.endsWith('.h'));

/** The functions a C file defines or declares at file scope (`static int name(`, `int main(`). */
function defined(text: string): string[] {
  return [...text.matchAll(/^(?:static\s+)?(?:inline\s+)?(?:const\s+)?(?:unsigned\s+)?(?:struct\s+)?\w+[\s*]+(\w+)\(/gm)].map((m) => m[1]);
}

/** The functions the C library exports, from the library the compiler links (nm -D). */
function libcNames(): Set<string> | null {
  const path = spawnSync('cc', ['-print-file-name=libc.so.6'], { encoding: 'utf8' }).stdout?.trim();
  const nm = path ? spawnSync('nm', ['-D', '--defined-only', path], { encoding: 'utf8', maxBuffer: 16 << 20 }) : null;
  if (!nm || nm.status !== 0) return null;
  return new Set(nm.stdout.split('\n').map((l) => l.split(/\s+/)[2]?.replace(/@.*/, '')).filter((n): n is string => !!n));
}

const libc = libcNames();

describe('the C files\' own function names', () => {
  it('the parser finds the helpers the files define (cleanup.h, overview.c)', () => {
    expect(defined(readFileSync(join(DIR, 'cleanup.h'), 'utf8'))).toEqual(expect.arrayContaining(['cleanup_on_exit', 'cleanup_forget', 'run_shell']));
    expect(defined(readFileSync(join(DIR, 'overview.c'), 'utf8'))).toEqual(['show_and_run', 'main']);
  });
  it.skipIf(!libc)('none is a libc function\'s name (main aside)', () => {
    expect(libc!.has('send') && libc!.has('msgsnd')).toBe(true);
    const clashes = FILES.flatMap((f) => defined(readFileSync(join(DIR, f), 'utf8')).filter((n) => n !== 'main' && libc!.has(n)).map((n) => `${f}: ${n}()`));
    expect(clashes).toEqual([]);
  });
});
