// Labels wrapped where Chinese and English may break (src/flow/wrap-label.ts), and edge
// labels kept off other edges' lines, in every shipped diagram at the widths the panes use.
import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, renderDiagram } from '../../src/flow/diagrams.js';
import { wrapLabel } from '../../src/flow/wrap-label.js';
import { parseFlowchart } from '../../src/flow/index.js';
import { localize } from '../../src/flow/labels.js';
import { LABEL_WRAPS } from '../../src/flow/render.js';
import { wordStarts } from '../../src/text/zh-words.js';
import { cells } from '../../src/text/cells.js';
import { layoutFor, playLayoutFor } from '../../src/app/layout.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { toCells } from './check.js';

const CLOSING = /^[，。：；、！？）」』】》〉…]/u;
const OPENING = /[（「『【《〈]$/u;

/** Where `lines` (a wrapping of `label`) break it inside a word: a break not at a space,
 *  in Chinese text not where a word starts (src/text/zh-words.ts), in other text not at
 *  all (but a word more than twice `max` wide, which is cut). */
function breaksInsideWords(label: string, lines: readonly string[], max: number): string[] {
  const flat = label.replace(/\n/g, ' ');
  const starts = wordStarts(flat);
  const bad: string[] = [];
  let at = 0;
  lines.forEach((line, k) => {
    while (flat[at] === ' ') at++;
    const here = flat.indexOf(line, at);
    if (here < 0) {
      bad.push(`line ${JSON.stringify(line)} is not in the label`);
      return;
    }
    // after a closing mark (，：) a phrase has ended, whatever ICU makes of "dest：key"
    if (k > 0 && flat[here - 1] !== ' ' && !CLOSING.test(flat[here - 1]) && !(starts?.has(here) ?? false)) {
      // a word too long for twice the box is cut where the line is full
      const word = flat.slice(flat.lastIndexOf(' ', here) + 1).split(' ')[0];
      if (cells(word) <= 2 * max) bad.push(`${JSON.stringify(flat.slice(0, here))} | ${JSON.stringify(flat.slice(here))}`);
    }
    at = here + line.length;
  });
  return bad;
}

/** The insides of the flow pane: a lesson's (tabs, side by side, zoomed) and the
 *  playground's, in terminals from the smallest ipclab draws to a large one. */
const PANE_WIDTHS = (() => {
  const widths = new Set<number>();
  for (const w of [60, 70, 80, 90, 100, 110, 120, 140, 160, 200]) {
    for (const h of [24, 34, 50]) {
      const l = layoutFor(w, h, 10);
      if (l.mode === 'wide') widths.add(textRoom(l.flow.w));
      if (l.mode === 'tabs') widths.add(textRoom(l.tabs.w));
      const z = layoutFor(w, h, 10, undefined, true);
      if (z.mode === 'tabs') widths.add(textRoom(z.tabs.w));
      const p = playLayoutFor(w, h, null);
      if (p.mode === 'wide') widths.add(textRoom(p.flow.w));
      if (p.mode === 'tabs') widths.add(textRoom(p.side.w));
    }
  }
  return [...widths].sort((a, b) => a - b);
})();

describe('wrapping a label', () => {
  it('breaks Chinese between words only, as the text wrapper does (写确认号，/等于 seq, never 写确/认号)', () => {
    for (const max of LABEL_WRAPS) {
      const lines = wrapLabel('写确认号，等于 seq', max);
      expect(breaksInsideWords('写确认号，等于 seq', lines, max), `${max}: ${JSON.stringify(lines)}`).toEqual([]);
    }
    expect(wrapLabel('写确认号，等于 seq', 16)).toEqual(['写确认号，', '等于 seq']);
  });

  it('wraps every label of every shipped diagram, in both languages, at every width the renderer wraps at, between words only', () => {
    for (const name of diagramNames()) {
      const source = diagramSource(name);
      for (const lang of ['zh', 'en'] as const) {
        const model = localize(parseFlowchart(source), source, lang);
        const labels = [...model.nodes.map((n) => n.label), ...model.edges.flatMap((e) => (e.label ? [e.label.replace(/\n/g, ' ')] : []))];
        for (const label of labels) {
          for (const max of LABEL_WRAPS) {
            const lines = wrapLabel(label, max);
            expect.soft(breaksInsideWords(label, lines, max), `${name} (${lang}) at ${max}: ${JSON.stringify(lines)}`).toEqual([]);
          }
        }
      }
    }
  });

  it('draws every edge label of every shipped diagram broken between words only, at every width the flow panes give', () => {
    expect(PANE_WIDTHS).toEqual(expect.arrayContaining([77, 70]));
    for (const width of PANE_WIDTHS) {
      for (const name of diagramNames()) {
        for (const lang of ['zh', 'en'] as const) {
          const r = renderDiagram(name, { width, lang });
          const grid = toCells(r.text());
          const model = localize(parseFlowchart(diagramSource(name)), diagramSource(name), lang);
          for (const [id, edge] of r.geometry.edges) {
            const rect = edge.label;
            const label = model.edges.find((e) => e.id === id)?.label;
            if (!rect || !label) continue;
            const rows = Array.from({ length: rect.h }, (_, k) => (grid[rect.y + k] ?? []).slice(rect.x, rect.x + rect.w).join('').trim());
            expect.soft(breaksInsideWords(label, rows, Math.max(...LABEL_WRAPS.filter((m) => m >= rect.w), rect.w)), `${name} (${lang}) ${id} at ${width}: ${JSON.stringify(rows)}`).toEqual([]);
          }
        }
      }
    }
    // every diagram drawn at every pane width, twice: some 15 s alone, 63 s on a machine the
    // suite itself loads (its 30 s default timed out)
  }, 180_000);

  it('breaks between the words of a Chinese phrase, not inside one, and takes a cell more to do so', () => {
    // one word of ipclab's (zh-words.ts KEPT): a wider box rather than 共享/内存段
    expect(wrapLabel('共享内存段', 6)).toEqual(['共享内存段']);
    expect(wrapLabel('映射共享内存段', 10)).toEqual(['映射', '共享内存段']);
    expect(wrapLabel('共享内存段', 9)).toEqual(['共享内存段']);
    expect(wrapLabel('又一个映射：仅 Linux 允许', 12)).toEqual(['又一个映射：', '仅 Linux 允许']);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    expect(wrapLabel('地址 3：只读', 6)).toEqual(['地址 3：', '只读']);
    expect(wrapLabel('子进程：只读映射', 8)).toEqual(['子进程：', '只读映射']);
    for (const line of wrapLabel('甲乙（丙丁）戊己', 4)) {
      expect(line).not.toMatch(CLOSING);
      expect(line).not.toMatch(OPENING);
    }
  });

  it('keeps signs and numbers with the word before them', () => {
    expect(wrapLabel('(void *) -1', 6)).toEqual(['(void *) -1']);
    expect(wrapLabel('shmat(-1, …)', 8)).toEqual(['shmat(-1, …)']);
  });

  it('still cuts a word more than twice as long as the box', () => {
    expect(wrapLabel('abcdefghijklmnopqrstuvwxyz', 8)).toEqual(['abcdefgh', 'ijklmnop', 'qrstuvwx', 'yz']);
  });

  it('wraps every node label of every shipped diagram, in both languages, at every width the renderer tries, where the language may break', () => {
    for (const name of diagramNames()) {
      const source = diagramSource(name);
      for (const lang of ['zh', 'en'] as const) {
        for (const node of localize(parseFlowchart(source), source, lang).nodes) {
          for (const max of [24, 16, 12, 8, 6]) {
            const lines = wrapLabel(node.label, max);
            const where = `${name} ${node.id} (${lang}) at ${max}: ${JSON.stringify(lines)}`;
            for (const line of lines) {
              expect(line, where).not.toMatch(CLOSING);
              expect(line, where).not.toMatch(OPENING);
            }
            expect(lines.join('').replace(/\s/g, ''), where).toBe(node.label.replace(/\s/g, ''));
          }
        }
      }
    }
  });
});

/** Which edge's line is drawn in each cell ("x,y"). */
function lineCellsOf(geometry: ReturnType<typeof renderDiagram>['geometry']): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [id, edge] of geometry.edges) for (const [x, y] of edge.cells) cells.set(`${x},${y}`, id);
  return cells;
}

describe('edge labels', () => {
  // the flow pane's insides: 80x24 (78), 120x34 zh (58), the CLI's 40 and the natural width
  for (const width of [undefined, 78, 58, 40]) {
    it(`touch no other edge's line in any shipped diagram at ${width ?? 'natural'} width`, () => {
      for (const name of diagramNames()) {
        for (const lang of ['zh', 'en'] as const) {
          const { geometry } = renderDiagram(name, { width, lang });
          const lineCells = lineCellsOf(geometry);
          for (const [id, edge] of geometry.edges) {
            const label = edge.label;
            if (!label) continue;
            for (const x of [label.x - 1, label.x + label.w]) {
              const other = lineCells.get(`${x},${label.y}`);
              if (other && other !== id) expect.soft(`${name} (${lang}): label of ${id} touches ${other}`).toBe('');
            }
          }
        }
      }
    });
  }

  // the flow pane at 80x24 (77) and 120x34 (70) and the playground's (75)
  for (const width of [77, 75, 70]) {
    it(`sit by their own edge at ${width} columns: no other edge's line as near a label's end as its own (a cell between)`, () => {
      for (const name of diagramNames()) {
        for (const lang of ['zh', 'en'] as const) {
          const { geometry } = renderDiagram(name, { width, lang });
          const lineCells = lineCellsOf(geometry);
          for (const [id, edge] of geometry.edges) {
            const label = edge.label;
            if (!label) continue;
            for (let y = label.y; y < label.y + label.h; y++) {
              for (const x of [label.x - 2, label.x + label.w + 1]) {
                const other = lineCells.get(`${x},${y}`);
                if (other && other !== id) expect.soft(`${name} (${lang}): label of ${id} as near ${other}'s line as its own`).toBe('');
              }
            }
          }
        }
      }
    });
  }
});
