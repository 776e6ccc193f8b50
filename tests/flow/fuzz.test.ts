// Random text mutations of valid diagrams (deleted, inserted and repeated characters,
// swapped lines, CJK, combining marks, emoji, tabs, control characters, very long
// labels) and a 300-node diagram: each must end quickly, either drawn well formed or
// refused with one FlowSyntaxError; through `ipclab diagram`, exit 0, or exit 1 with
// exactly one line on stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, parseFlowchart } from '../../src/flow/index.js';
import { checkSource } from './check.js';
import { mutate, USER_DIAGRAMS } from './mutate.js';
import { prng, randomFlowchart } from './random.js';

const bases = [...diagramNames().map(diagramSource), ...Object.values(USER_DIAGRAMS)];
const baseOf = (seed: number) => (seed % 3 === 0 ? randomFlowchart(seed, 12) : bases[seed % bases.length]);

describe('mutated diagrams', () => {
  for (let block = 0; block < 3; block++) {
    const from = 1 + block * 40;
    it(`seeds ${from}..${from + 39}: drawn well formed (natural, 80, 40 columns, ASCII too) or one syntax error, each within 2 s of CPU`, () => {
      let refused = 0;
      for (let seed = from; seed < from + 40; seed++) {
        const source = mutate(baseOf(seed), seed);
        // CPU time, not wall time: on a loaded machine (CI beside other work) a seed's wall
        // time doubles while the work it does stays the same
        const t = process.cpuUsage();
        const problems = checkSource(source, [undefined, 80, 40, undefined]);
        expect(problems, `seed ${seed}: ${JSON.stringify(source)}`).toEqual([]);
        const used = process.cpuUsage(t);
        expect((used.user + used.system) / 1000, `seed ${seed} took too long (CPU ms)`).toBeLessThan(2000);
        try {
          parseFlowchart(source);
        } catch {
          refused++;
        }
      }
      // the mutations must exercise both ends: some inputs still draw, some are refused
      expect(refused).toBeGreaterThan(4);
      expect(refused).toBeLessThan(36);
    });
  }

  it('a diagram of 300 nodes with labels, subgraphs and long edges draws in bounded time', () => {
    const rnd = prng(300);
    const lines = ['flowchart TD'];
    for (let i = 1; i < 300; i++) {
      const parent = Math.max(0, i - 1 - Math.floor(rnd() * 12));
      lines.push(`n${parent} -->${rnd() < 0.2 ? `|step ${i}|` : ''} n${i}[${rnd() < 0.3 ? '节点' : 'node'} ${i}]`);
      if (rnd() < 0.1) lines.push(`n${i} -.-> n${Math.floor(rnd() * i)}`);
    }
    lines.push('subgraph left [Left part]', ...Array.from({ length: 12 }, (_, k) => `  n${k + 5}`), 'end');
    const t = performance.now();
    expect(checkSource(lines.join('\n'), [80])).toEqual([]);
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});

describe('ipclab diagram on mutated input', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'ipclab.mjs');
  it('exits 0 with a picture (and notes only), or 1 with exactly one line file:line:col: reason', () => {
    // ten mutants: one process each, so few
    const seeds = [3, 8, 11, 20, 27, 31, 44, 52, 61, 75];
    const codes = new Set<number | null>();
    for (const seed of seeds) {
      const source = mutate(baseOf(seed), seed);
      const r = spawnSync(process.execPath, [bin, 'diagram', '-', '--width', '80'], { input: source, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
      codes.add(r.status);
      const errLines = r.stderr.split('\n').filter(Boolean);
      if (r.status === 1) {
        expect(errLines, `seed ${seed}`).toHaveLength(1);
        expect(errLines[0], `seed ${seed}`).toMatch(/^<stdin>:\d+:\d+: \S/);
        expect(r.stdout).toBe('');
      } else {
        expect(r.status, `seed ${seed}: ${r.stderr}`).toBe(0);
        expect(r.stdout.trim().length).toBeGreaterThan(0);
        for (const line of errLines) expect(line, `seed ${seed}`).toMatch(/^ipclab: note: /);
      }
    }
    expect([...codes].sort()).toEqual([0, 1]);
  });
});
