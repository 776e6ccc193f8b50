// Seeded random flowcharts (as Mermaid source, so the parser is exercised too).
const WORDS = ['shm', 'kernel', 'write pid', 'read', 'buffer', 'server', 'client', 'x', 'IPC_RMID', 'a long label here', '共享内存', '信号灯', '删除对象', 'mixed 混合 text', '父进程'];
const SHAPES: [string, string][] = [['[', ']'], ['(', ')'], ['{', '}'], ['((', '))'], ['>', ']']];
const LINKS = ['-->', '---', '-.->', '==>'];
const DIRECTIONS = ['TD', 'TB', 'BT', 'LR', 'RL', ''];

/** mulberry32: a small PRNG with a fixed seed, so every run sees the same graphs */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomFlowchart(seed: number, maxNodes = 10): string {
  const rnd = prng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = 1 + Math.floor(rnd() * maxNodes);
  const ids = Array.from({ length: n }, (_, i) => (rnd() < 0.3 ? `节点${i}` : `n${i}`));
  const lines = [`flowchart ${pick(DIRECTIONS)}`.trim()];
  const decl = (id: string) => {
    if (rnd() < 0.5) return id;
    const [o, c] = pick(SHAPES);
    return `${id}${o}${pick(WORDS)}${c}`;
  };
  // subgraphs: a few, maybe nested, each taking some nodes
  const sgCount = Math.floor(rnd() * 4);
  const sgIds: string[] = [];
  let next = 0;
  const open: string[] = [];
  const body: string[] = [];
  for (let s = 0; s < sgCount; s++) {
    const id = `sg${s}`;
    sgIds.push(id);
    const nested = open.length > 0 && rnd() < 0.5;
    if (!nested) while (open.length) (open.pop(), body.push('end'));
    body.push(rnd() < 0.5 ? `subgraph ${id} [${pick(WORDS)}]` : `subgraph ${id}`);
    if (rnd() < 0.3) body.push(`direction ${pick(['TB', 'LR', 'RL', 'BT'])}`);
    open.push(id);
    const take = Math.min(n - next, 1 + Math.floor(rnd() * 3));
    for (let k = 0; k < take; k++) body.push(`  ${decl(ids[next++])}`);
  }
  while (open.length) (open.pop(), body.push('end'));
  for (; next < n; next++) lines.push(decl(ids[next]));
  lines.push(...body);
  const targets = [...ids, ...sgIds];
  const m = Math.floor(rnd() * n * 1.6);
  for (let k = 0; k < m; k++) {
    const a = rnd() < 0.85 ? pick(ids) : pick(targets);
    const b = rnd() < 0.1 ? a : rnd() < 0.85 ? pick(ids) : pick(targets);
    const link = pick(LINKS);
    const label = rnd() < 0.35 ? pick(WORDS) : null;
    lines.push(label ? `${a} ${link}|${label}| ${b}` : `${a} ${link} ${b}`);
  }
  return lines.join('\n') + '\n';
}
