// What a shipped diagram says, apart from how it is drawn (issue 16, newcomers decoding the
// Flow pane): a decision's branches answer it with one pair of words (shmget-private's "size ≥
// minimum?" said "yes" and "below"), a box in the kernel is reached from a process's call
// (overview-lifecycle's "shmget: create" had no arrow from program A), and no box stands
// apart from every line (itself or through a frame round it). Both languages.
import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, localize, parseFlowchart, type FlowModel } from '../../src/flow/index.js';

type Lang = 'en' | 'zh';
const modelOf = (source: string, lang: Lang): FlowModel => localize(parseFlowchart(source), source, lang);

/** a branch label's answer: its words before a colon ("yes: create" answers "yes") */
const head = (label: string) => label.split(/[:：]/)[0].trim();

/** whether two answers are one pair: yes/no, above/below, X / not X; in Chinese 是/否, or one
 *  the other's negation (够/不够, 有/没有, 带了/没带, 都带了/不是都带; a closing 了 aside) */
function onePair(a: string, b: string, lang: Lang): boolean {
  const pairs = lang === 'en' ? [['yes', 'no'], ['above', 'below']] : [['是', '否']];
  if (pairs.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) return true;
  const bare = (s: string) => (lang === 'zh' ? s.replace(/了$/, '') : s);
  const negations = lang === 'en' ? ['not '] : ['不是', '没有', '不', '没'];
  const negates = (x: string, y: string) => negations.some((n) => bare(y) === n + bare(x));
  return negates(a, b) || negates(b, a);
}

/** decisions whose branches do not answer with one pair of words, as "name: label => words" */
function unpaired(name: string, m: FlowModel, lang: Lang): string[] {
  return m.nodes
    .filter((n) => n.shape === 'diamond')
    .flatMap((n) => {
      const out = m.edges.filter((e) => e.from === n.id);
      const heads = [...new Set(out.map((e) => (e.label === null ? '' : head(e.label))))];
      const ok = out.length < 2 || (heads.length === 2 && !heads.includes('') && onePair(heads[0], heads[1], lang));
      return ok ? [] : [`${name} ${lang}: ${n.label} => ${heads.join(' / ')}`];
    });
}

/** the frames round a part, innermost first */
function framesOf(m: FlowModel, id: string): string[] {
  const parent = new Map(m.subgraphs.flatMap((s) => s.members.map((member) => [member, s.id] as const)));
  const out: string[] = [];
  for (let at = parent.get(id); at !== undefined; at = parent.get(at)) out.push(at);
  return out;
}

/** boxes inside the kernel frame that no path from a box outside it reaches (an edge into a
 *  frame reaches what it holds, an edge out of one leaves from each of them) */
function unreachedInKernel(m: FlowModel): string[] {
  const inKernel = (id: string) => framesOf(m, id).includes('kernel');
  const holds = (frame: string) => m.subgraphs.find((s) => s.id === frame)?.members ?? [];
  const seen = new Set<string>();
  const todo = m.nodes.map((n) => n.id).filter((id) => !inKernel(id));
  while (todo.length) {
    const at = todo.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const e of m.edges) if (e.from === at || framesOf(m, at).includes(e.from)) todo.push(e.to, ...holds(e.to));
  }
  return m.nodes.filter((n) => inKernel(n.id) && !seen.has(n.id)).map((n) => n.label);
}

/** boxes no line meets, nor any frame round them */
function apart(m: FlowModel): string[] {
  const ends = new Set(m.edges.flatMap((e) => [e.from, e.to]));
  return m.nodes.filter((n) => ![n.id, ...framesOf(m, n.id)].some((id) => ends.has(id))).map((n) => n.label);
}

describe('every shipped diagram, en and zh', () => {
  for (const name of diagramNames()) {
    it(name, () => {
      const source = diagramSource(name);
      for (const lang of ['en', 'zh'] as const) {
        const m = modelOf(source, lang);
        expect.soft(unpaired(name, m, lang), `${lang}: a decision's branches, one pair of words`).toEqual([]);
        expect.soft(unreachedInKernel(m), `${lang}: a box in the kernel no call reaches`).toEqual([]);
        expect.soft(apart(m), `${lang}: a box no line meets`).toEqual([]);
      }
    });
  }
});

describe('the checks would catch the mistakes newcomers met', () => {
  it('"yes" and "below" on one decision; yes/no, 够/不够 and 都带了/不是都带 pass', () => {
    const source = 'flowchart TD\ns{size 够下限吗} --够--> m{超过 SHMMAX 吗}\ns --不够--> E(EINVAL)\nm --超过--> F(EINVAL)\nm --没超过--> o[ok]\n%% en s = size ≥ minimum?\n%% en s->m = yes\n%% en s->E = below\n%% en m->F = yes\n%% en m->o = no\n';
    expect(unpaired('t', modelOf(source, 'en'), 'en')).toEqual(['t en: size ≥ minimum? => yes / below']);
    expect(unpaired('t', modelOf(source, 'zh'), 'zh')).toEqual([]);
    expect([onePair('都带了', '不是都带', 'zh'), onePair('带了', '没带', 'zh'), onePair('有', '没有', 'zh')]).toEqual([true, true, true]);
    expect([onePair(head('yes: open'), head('no: larger'), 'en'), onePair('both', 'not both', 'en'), onePair('yes', 'not both', 'en')]).toEqual([true, true, false]);
  });

  it("a kernel box with no arrow from a process (overview's \"shmget: create\")", () => {
    const source = 'flowchart\npa[A]\nsubgraph kernel[内核]\n\tc[shmget 创建] --> o[IPC 对象]\nend\npa --shmat--> o\n';
    expect(unreachedInKernel(modelOf(source, 'zh'))).toEqual(['shmget 创建']);
    expect(unreachedInKernel(modelOf(source.replace('pa --shmat', 'pa --> c\npa --shmat'), 'zh'))).toEqual([]);
  });

  it('a box no line meets; one in a frame a line meets is met', () => {
    const source = 'flowchart\na --> k\nsubgraph k[内核]\n\tin[段]\nend\nlone[进程已退出]\n';
    expect(apart(modelOf(source, 'zh'))).toEqual(['进程已退出']);
  });
});
