import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramIds, diagramLabelProblems, diagramNames, diagramSource, localize, parseFlowchart, renderDiagram, renderFlow, type Tone } from '../../src/flow/index.js';
import { cells } from '../../src/text/cells.js';
import { layoutFor, playLayoutFor } from '../../src/app/layout.js';
import { checkRendering, toCells } from './check.js';
import { LESSONS } from '../../src/lessons/index.js';
import { randomFlowchart } from './random.js';

const GOLDEN = join(import.meta.dirname, 'golden');
// UPDATE_GOLDEN=1 npx vitest run tests/flow  rewrites the golden files after a deliberate change
const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (update || !existsSync(path)) writeFileSync(path, `${actual}\n`);
  expect(actual, file).toBe(readFileSync(path, 'utf8').replace(/\n$/, ''));
}

describe('the shipped diagrams, in both languages', () => {
  for (const name of diagramNames()) for (const lang of ['zh', 'en'] as const) {
    const model = localize(parseFlowchart(diagramSource(name)), diagramSource(name), lang);
    for (const ascii of [false, true]) {
      const mode = ascii ? 'ascii' : 'unicode';
      it(`${name} (${lang}, ${mode}) matches its golden file, natural width and 40 columns`, () => {
        golden(`${name}.${lang}.${mode}.txt`, renderFlow(model, { ascii }).text());
        const narrow = renderFlow(model, { ascii, width: 40 });
        golden(`${name}.${lang}.${mode}.w40.txt`, [...narrow.notes.map((n) => `# ${n}`), narrow.text()].join('\n'));
      });
      for (const width of [undefined, 80, 40]) {
        it(`${name} (${lang}, ${mode}, width ${width ?? 'natural'}) is well formed`, () => {
          const r = renderFlow(model, { ascii, width });
          expect(checkRendering(model, r, ascii, width), r.text()).toEqual([]);
          if (width !== undefined) expect(r.width).toBeLessThanOrEqual(width);
          if (width === 80) expect(r.notes.filter((n) => n.startsWith('cut'))).toEqual([]);
        });
      }
    }
  }

  it('all but the widest fit 40 columns (the wide ones are cut, and say where)', () => {
    const fit = diagramNames().filter((n) => renderDiagram(n, { width: 40 }).width <= 40);
    expect(fit).toEqual(expect.arrayContaining(['overview-lifecycle', 'parent-child-reply', 'parent-child-write', 'serv-clnt-1', 'serv-clnt-2', 'serv-clnt-3']));
  });

  it('wraps a long edge label beside its line in a narrow top-down picture, English and Chinese', () => {
    for (const [label, words] of [
      ['the last shmdt of every mapping frees it', ['the last', 'frees it']],
      ['最后一次解除映射之后内核才释放这个共享内存段', ['最后', '内存段']],
    ] as const) {
      const model = parseFlowchart(`flowchart TD\na[attached] --${label}--> b[freed]`);
      expect(renderFlow(model).width, label).toBeGreaterThan(30);
      const r = renderFlow(model, { width: 30 });
      expect(r.width, label).toBeLessThanOrEqual(30);
      expect(r.notes.join(' '), label).toMatch(/wrapped labels/);
      expect(checkRendering(model, r, false, 30), r.text()).toEqual([]);
      const rows = r.text().split('\n');
      for (const w of words) expect(rows.some((row) => row.includes(w)), `${label}: ${w}\n${r.text()}`).toBe(true);
      expect(r.geometry.edges.get('a->b')!.label!.h, r.text()).toBeGreaterThan(1);
    }
  });

  it('switches LR to TD when nothing else fits, and says so', () => {
    // the notes' own serv-clnt-2, whose signal leaves the kernel's frame
    const notes = parseFlowchart('flowchart LR\nserver\nclient\nsubgraph kernel\n\tshm[shared memory]\nend\nshm --read server pid--> client\nclient --write client pid--> shm\nkernel --SIGUSR2--> server');
    // (50 columns: its labels, beside the lines of a top-down picture, take 46)
    const r = renderFlow(notes, { width: 50 });
    expect(r.width).toBeLessThanOrEqual(50);
    expect(r.notes.join(' ')).toMatch(/switched LR to TD to fit 50 columns/);
    const wide = renderFlow(notes, { width: 200 });
    expect(wide.notes).toEqual([]);
  });

  it('draws each language in its own labels, from one structure', () => {
    const zh = renderDiagram('overview-lifecycle', { lang: 'zh' }).text();
    const en = renderDiagram('overview-lifecycle', { lang: 'en' }).text();
    expect(zh).toContain('IPC 对象');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain('IPC object');
    expect(renderDiagram('overview-lifecycle', { lang: 'en' }).geometry.boxes.size).toBe(renderDiagram('overview-lifecycle').geometry.boxes.size);
    for (const name of diagramNames()) expect(diagramLabelProblems(name), name).toEqual([]);
  });

  it('keeps every Chinese box straight: its borders line up in terminal cells', () => {
    const r = renderDiagram('shmctl-functions');
    const grid = toCells(r.text());
    for (const [id, b] of r.geometry.boxes) {
      const rows = grid.slice(b.y, b.y + b.h).map((row) => row.slice(b.x, b.x + b.w).join(''));
      const widths = rows.map((row) => cells(row));
      expect(new Set(widths), id).toEqual(new Set([b.w]));
    }
  });

  it('draws race-counter a few times, not once per spacing and order (a stray label placed seeing its lines before spreading out)', () => {
    // each drawing is most of a rendering's cost (bench/flow.ts): in Chinese it took 13, one
    // spread out to move "创建，删除" off worker 2's line, then ten orders to undo the crossings
    // that made; in English its first drawing crosses twice, and other orders undo that
    const source = diagramSource('race-counter');
    for (const [lang, most] of [['zh', 2], ['en', 9]] as const) {
      for (const width of [undefined, 80, 120]) {
        const r = renderFlow(localize(parseFlowchart(source), source, lang), width ? { width } : {});
        expect(r.drawings, `${lang} at ${width ?? 'natural'} width`).toBeLessThanOrEqual(most);
        expect(r.notes, `${lang} at ${width ?? 'natural'} width`).toEqual([]);
      }
    }
  });

  it('caches a rendering per diagram and options', () => {
    const a = renderDiagram('parent-child-write', { width: 60 });
    expect(renderDiagram('parent-child-write', { width: 60 })).toBe(a);
    expect(renderDiagram('parent-child-write', { width: 60, ascii: true })).not.toBe(a);
  });

  it("parent-child's flows keep the parent left of the child on one row, whichever way the step's signal goes (drawn together, as the lesson draws them)", () => {
    const family = ['parent-child-write', 'parent-child-reply', 'parent-child-answer', 'parent-child-ack', 'parent-child-finish'];
    // at the app's widths (the 80x24 and 120x34 panes): at 40 columns a member's rows turn to fit
    for (const name of family) for (const width of [78, 71]) {
      const lines = renderDiagram(name, { width, lang: 'en', family }).text().split('\n');
      const row = lines.findIndex((l) => l.includes('parent'));
      expect(lines[row], name).toMatch(/parent.*child/);
    }
  });

  it('lists the ids a lesson may highlight', () => {
    expect([...diagramIds('parent-child-write')].sort()).toEqual(['child', 'kernel', 'parent->child', 'parent', 'parent->down', 'procs', 'down', 'up', 'child->kernel', 'parent->kernel'].sort());
    expect(diagramIds('overview-lifecycle')).toEqual(new Set(['pa', 'pb', '创建', 'IPC对象', '闲置', '删除', 'kernel', '创建->IPC对象', 'IPC对象->删除', 'IPC对象->闲置', 'pa->创建', 'pa->IPC对象', 'pb->IPC对象', 'IPC对象->pb', 'pa->闲置', 'pb->闲置']));
    expect(() => diagramSource('nope')).toThrow(/no diagram named 'nope' \(known: ftok-key, msg-queue, overview-lifecycle/);
  });
});

// The widths the app draws its flow pane at: the tabs at 80x24 and the right column at
// 120x34 (a lesson), the playground's flow beside its transcript (each less its frame).
const lessonFlow = (w: number, h: number) => {
  const l = layoutFor(w, h, 10);
  return l.mode === 'wide' ? l.flow.w - 2 : l.mode === 'tabs' ? l.tabs.w - 2 : 0;
};
const playFlow = (w: number, h: number) => {
  const l = playLayoutFor(w, h, null);
  return l.mode === 'wide' ? l.flow.w - 2 : l.mode === 'tabs' ? l.side.w - 2 : 0;
};
const APP_WIDTHS = [...new Set([lessonFlow(80, 24), lessonFlow(120, 34), playFlow(120, 34)])];

describe('the shipped diagrams at the widths the app draws them', () => {
  it('are drawn at 78 and 71 columns and more (the app\'s layout)', () => {
    expect(APP_WIDTHS).toEqual(expect.arrayContaining([78, 71]));
  });
  for (const name of diagramNames()) for (const lang of ['zh', 'en'] as const) for (const width of APP_WIDTHS) {
    it(`${name} (${lang}, ${width} columns): well formed, no label over a line or border, nothing cut`, () => {
      for (const ascii of [false, true]) {
        const model = localize(parseFlowchart(diagramSource(name)), diagramSource(name), lang);
        const r = renderDiagram(name, { width, lang, ascii });
        expect(checkRendering(model, r, ascii, width), `ascii=${ascii}\n${r.text()}`).toEqual([]);
        expect(r.notes.filter((n) => n.startsWith('cut') || n.startsWith('no room')), r.text()).toEqual([]);
      }
    });
  }
});

// two edge labels on neighbouring rows over the same columns, or side by side, read as one
// ("shmdt again" over "shmctl IPC_RMID" in shmdt's flow): each keeps a cell clear all round
describe('edge labels never touch each other', () => {
  const touching = (r: { geometry: { edges: Map<string, { label: { x: number; y: number; w: number; h: number } | null }> } }) => {
    const labels = [...r.geometry.edges].flatMap(([id, g]) => (g.label ? [{ id, ...g.label }] : []));
    return labels.flatMap((a, i) =>
      labels.slice(i + 1).flatMap((b) => (a.x - 1 < b.x + b.w && b.x - 1 < a.x + a.w && a.y - 1 < b.y + b.h && b.y - 1 < a.y + a.h ? [`${a.id} and ${b.id}`] : [])),
    );
  };
  const families = new Map(LESSONS.flatMap((l) => l.diagrams.map((d) => [d, l.diagrams] as const)));
  for (const name of diagramNames()) for (const lang of ['zh', 'en'] as const) for (const width of APP_WIDTHS) {
    it(`${name} (${lang}, ${width} columns), alone and as its lesson draws it`, () => {
      for (const family of [undefined, families.get(name)]) {
        const r = renderDiagram(name, { width, lang, family });
        expect(touching(r), `family ${family !== undefined}\n${r.text()}`).toEqual([]);
      }
    });
  }
});

describe('highlighting', () => {
  const tonesOf = (lines: { text: string; tone: Tone }[][], x: number, y: number): Tone => {
    let cx = 0;
    for (const run of lines[y]) {
      for (const cell of toCells(run.text)[0]) {
        if (cx === x) return run.tone;
        cx++;
      }
    }
    return 'plain';
  };

  it('lights a node, an edge and a subgraph without laying out again', () => {
    const r = renderDiagram('parent-child-write');
    const g = r.geometry;
    const lines = r.lines({ active: ['parent', 'parent->down'], done: ['kernel'] });
    const parent = g.boxes.get('parent')!;
    expect(tonesOf(lines, parent.x, parent.y)).toBe('active');
    expect(tonesOf(lines, parent.x + 2, parent.y + 1)).toBe('active'); // its label
    const edge = g.edges.get('parent->down')!.cells;
    for (const [x, y] of edge) expect(tonesOf(lines, x, y)).toBe('active');
    const kernel = g.frames.get('kernel')!;
    expect(tonesOf(lines, kernel.x, kernel.y)).toBe('done');
    expect(tonesOf(lines, kernel.x + 3, kernel.y)).toBe('done'); // the title
    const label = g.edges.get('parent->child')!.label!;
    expect(tonesOf(lines, label.x, label.y)).toBe('label');
    expect(tonesOf(lines, kernel.x, kernel.y + 1)).toBe('done');
    const plain = r.lines();
    expect(tonesOf(plain, kernel.x, kernel.y)).toBe('frame');
    expect(tonesOf(plain, kernel.x + 3, kernel.y)).toBe('title');
    // the lines are the text
    expect(plain.map((l) => l.map((run) => run.text).join('').trimEnd()).join('\n')).toBe(r.text());
  });

  it('marks highlighted parts in plain text too: heavy lines when active, double when done', () => {
    const r = renderDiagram('parent-child-write', { lang: 'en' });
    const text = r.text({ active: ['parent'], done: ['child'] });
    expect(text).toContain('┏━━━━━━━━┓');
    expect(text).toMatch(/[┃┫] parent [┃┣]/);
    expect(text).toContain('╔═══════╗');
    const ascii = renderDiagram('parent-child-write', { ascii: true, lang: 'en' }).text({ active: ['parent'] });
    expect(ascii).toContain('**********');
    expect(ascii).toContain('* parent *');
    expect(renderDiagram('parent-child-write', { lang: 'en' }).text({ active: ['no-such-id'] })).toBe(r.text());
  });
});

describe('layout', () => {
  const box = (src: string, id: string, opts = {}) => renderFlow(parseFlowchart(src), opts).geometry.boxes.get(id)!;

  it('honours every direction', () => {
    const src = (d: string) => `flowchart ${d}\na --> b`;
    expect(box(src('TD'), 'a').y).toBeLessThan(box(src('TD'), 'b').y);
    expect(box(src('TB'), 'a').y).toBeLessThan(box(src('TB'), 'b').y);
    expect(box(src('BT'), 'a').y).toBeGreaterThan(box(src('BT'), 'b').y);
    expect(box(src('LR'), 'a').x).toBeLessThan(box(src('LR'), 'b').x);
    expect(box(src('RL'), 'a').x).toBeGreaterThan(box(src('RL'), 'b').x);
  });

  it('honours a direction inside a subgraph', () => {
    const src = 'flowchart TD\nsubgraph s\n  direction LR\n  a --> b\nend';
    expect(box(src, 'a').y).toBe(box(src, 'b').y);
    expect(box(src, 'a').x).toBeLessThan(box(src, 'b').x);
  });

  it('draws self-loops and repeated edges apart, each with its label', () => {
    const src = 'flowchart LR\na -->|again| a\na -->|one| b\na -->|two| b\na -.-> b';
    const model = parseFlowchart(src);
    for (const ascii of [false, true]) {
      const r = renderFlow(model, { ascii });
      expect(checkRendering(model, r, ascii)).toEqual([]);
      const cells = model.edges.map((e) => new Set(r.geometry.edges.get(e.id)!.cells.map(([x, y]) => `${x},${y}`)));
      expect(cells.every((c) => c.size > 0)).toBe(true);
    }
  });

  it('ends an edge to a subgraph at its frame and one from it at its frame', () => {
    const model = parseFlowchart('flowchart TD\na --> s\nsubgraph s\n  x\nend\ns --> b');
    const r = renderFlow(model);
    expect(checkRendering(model, r, false)).toEqual([]);
    const frame = r.geometry.frames.get('s')!;
    const [ex, ey] = r.geometry.edges.get('a->s')!.cells.at(-1)!;
    expect(ey).toBe(frame.y - 1);
    expect(ex).toBeGreaterThan(frame.x);
    const [sx, sy] = r.geometry.edges.get('s->b')!.cells[0];
    expect(sy).toBe(frame.y + frame.h);
    expect(sx).toBeLessThan(frame.x + frame.w);
  });

  it('wraps long labels to fit a width, and says so', () => {
    const model = parseFlowchart('flowchart LR\na[a rather long label that will not fit] --> b[another label that is long as well]');
    const r = renderFlow(model, { width: 40 });
    expect(r.width).toBeLessThanOrEqual(40);
    expect(r.notes.join(' ')).toMatch(/to fit 40 columns/);
    expect(checkRendering(model, r, false)).toEqual([]);
  });
});

describe('random flowcharts (fixed seeds)', () => {
  for (let block = 0; block < 6; block++) {
    it(`seeds ${block * 50 + 1}..${block * 50 + 50}: well formed in both modes, natural width, 80 and 40 columns`, () => {
      for (let seed = block * 50 + 1; seed <= block * 50 + 50; seed++) {
        const source = randomFlowchart(seed);
        const model = parseFlowchart(source);
        for (const ascii of [false, true]) {
          for (const width of [undefined, 80, 40]) {
            const r = renderFlow(model, { ascii, width });
            expect(checkRendering(model, r, ascii, width), `seed ${seed} ascii=${ascii} width=${width}\n${source}\n${r.text()}`).toEqual([]);
            if (width !== undefined) expect(r.width).toBeLessThanOrEqual(width);
          }
        }
      }
    });
  }
  it('bigger ones (up to 22 nodes, seeds 1000..1039) too, at natural width and 60 columns', () => {
    for (let seed = 1000; seed < 1040; seed++) {
      const source = randomFlowchart(seed, 22);
      const model = parseFlowchart(source);
      for (const width of [undefined, 60]) {
        const r = renderFlow(model, { width });
        expect(checkRendering(model, r, false, width), `seed ${seed} width=${width}\n${source}\n${r.text()}`).toEqual([]);
      }
    }
  });
});
