// Big and deep diagrams through `ipclab diagram`: each ends within the stated time and
// peak memory, drawn or refused in one clear line before the cost explodes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from './random.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ipclab.mjs');
const preload = join(import.meta.dirname, 'maxrss.cjs');
/** Stated limits for any input: wall time (a loaded machine included) and peak memory. */
const LIMIT_MS = 10_000;
const LIMIT_KB = 300 * 1024;

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const nest = (depth: number) => `flowchart TD\n${lines(depth, (i) => `subgraph s${i}`)}\na --> b\n${lines(depth, () => 'end')}\n`;

const INPUTS: { name: string; source: string; drawn: boolean; refusal?: RegExp }[] = [
  { name: '497 nested subgraphs', source: nest(497), drawn: false, refusal: /^<stdin>:18:1: subgraphs nested more than 16 deep/ },
  { name: '16 nested subgraphs (the deepest allowed)', source: nest(16), drawn: true },
  { name: 'one node fanning out to 499 wide boxes', source: `flowchart TD\n${lines(499, (i) => `r --> n${i}[${'x'.repeat(40)}]`)}\n`, drawn: false, refusal: /^ipclab: <stdin>: the drawing would need \d+x\d+ cells, more than the \d+ drawn at most/ },
  { name: 'a chain of 120 boxes with 390-character labels', source: `flowchart TD\n${lines(120, (i) => `n${i}[${'y'.repeat(390)}] --> n${i + 1}`)}\n`, drawn: true },
  {
    name: '100 nodes and 500 labelled edges',
    source: (() => {
      const rnd = prng(7);
      return `flowchart LR\n${lines(500, (k) => `n${Math.floor(rnd() * 100)} -->|e${k}| n${Math.floor(rnd() * 100)}`)}\n`;
    })(),
    drawn: false,
    refusal: /the drawing would need/,
  },
  {
    name: '300 nodes with labels, long edges and a subgraph',
    source: (() => {
      const rnd = prng(300);
      const out = ['flowchart TD'];
      for (let i = 1; i < 300; i++) out.push(`n${Math.max(0, i - 1 - Math.floor(rnd() * 12))} -->${rnd() < 0.2 ? `|step ${i}|` : ''} n${i}[node ${i}]`);
      out.push('subgraph left [Left part]', ...Array.from({ length: 12 }, (_, k) => `  n${k + 5}`), 'end');
      return out.join('\n');
    })(),
    drawn: true,
  },
];

describe('big and deep diagrams', () => {
  for (const input of INPUTS) {
    it(`${input.name}: ${input.drawn ? 'drawn' : 'refused in one line'} within ${LIMIT_MS / 1000} s and ${LIMIT_KB / 1024} MB`, () => {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--require', preload, bin, 'diagram', '-', '--width', '80'], { input: input.source, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      const ms = performance.now() - t;
      const err = r.stderr.split('\n').filter(Boolean);
      const rss = Number(/^maxrss (\d+)$/.exec(err.pop() ?? '')?.[1]);
      expect(ms, 'wall time').toBeLessThan(LIMIT_MS);
      expect(rss, 'peak memory (KB)').toBeGreaterThan(0);
      expect(rss, 'peak memory (KB)').toBeLessThan(LIMIT_KB);
      if (input.drawn) {
        expect(r.status, err.join('\n')).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
        for (const line of err) expect(line).toMatch(/^ipclab: note: /);
      } else {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(input.refusal!);
      }
    });
  }
});
