// Speed of src/flow: parse + layout + render of each notes diagram, and of a 40-node
// graph, from scratch (no cache), as medians. Called by bench/run.ts (`npm run bench`).
import { diagramModel, diagramNames, diagramSource, familyModel, familyOf, parseFlowchart, renderFlow } from '../src/flow/index.js';
import { prng } from '../tests/flow/random.js';

export interface FlowBenchRow {
  name: string;
  medianMs: number;
  reference: string;
  target: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < 5; i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A layered 40-node graph with two subgraphs, labels and some long edges (fixed seed). */
export function fortyNodeSource(): string {
  const rnd = prng(40);
  const lines = ['flowchart TD', 'subgraph left [left side]'];
  for (let i = 0; i < 8; i++) lines.push(`  n${i}[node ${i}]`);
  lines.push('end', 'subgraph right [右边]');
  for (let i = 8; i < 14; i++) lines.push(`  n${i}[节点 ${i}]`);
  lines.push('end');
  for (let i = 14; i < 40; i++) lines.push(`n${i}[node ${i}]`);
  for (let i = 1; i < 40; i++) {
    const from = Math.floor(rnd() * i);
    lines.push(rnd() < 0.3 ? `n${from} -->|step ${i}| n${i}` : `n${from} --> n${i}`);
  }
  for (let k = 0; k < 10; k++) lines.push(`n${Math.floor(rnd() * 20)} -.-> n${20 + Math.floor(rnd() * 20)}`);
  return lines.join('\n');
}

export async function benchFlow(): Promise<FlowBenchRow[]> {
  const rows: FlowBenchRow[] = [];
  for (const name of diagramNames()) {
    const source = diagramSource(name);
    const ms = time(() => renderFlow(parseFlowchart(source)), 50);
    const at80 = time(() => renderFlow(parseFlowchart(source), { width: 80 }), 50);
    rows.push({ name: `${name} (natural width)`, medianMs: ms, reference: '-', target: '< 5 ms' });
    rows.push({ name: `${name} (80 columns)`, medianMs: at80, reference: '-', target: '< 5 ms' });
  }
  // a lesson's first render draws its whole family at once (diagrams.ts member()): the union
  // of their boxes laid out once, then each drawn, from scratch
  for (const prefix of ['parent-child-', 'serv-clnt-']) {
    const names = diagramNames().filter((n) => n.startsWith(prefix));
    const family = familyOf(names[0], names, (n) => diagramModel(n).nodes.map((b) => b.id));
    for (const lang of ['en', 'zh'] as const) {
      const ms = time(() => {
        const union = familyModel(family.map((n) => ({ ...diagramModel(n, lang) })));
        for (const n of family) renderFlow({ ...diagramModel(n, lang), layoutOf: union }, { width: 78 });
      }, 20);
      rows.push({ name: `${prefix}* first render, all ${family.length} (78 columns, ${lang})`, medianMs: ms, reference: '-', target: `< ${5 * family.length} ms` });
    }
  }
  const forty = fortyNodeSource();
  rows.push({ name: '40-node graph', medianMs: time(() => renderFlow(parseFlowchart(forty)), 15), reference: '-', target: '< 50 ms' });
  rows.push({ name: '40-node graph, 80 columns', medianMs: time(() => renderFlow(parseFlowchart(forty), { width: 80 }), 5), reference: '-', target: '< 50 ms' });
  return rows;
}

// run alone: npx tsx bench/flow.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchFlow()) console.log(`${r.name.padEnd(40)} ${r.medianMs.toFixed(2).padStart(8)} ms   target ${r.target}`);
}
