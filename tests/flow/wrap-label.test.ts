// Labels wrapped where Chinese and English may break (src/flow/wrap-label.ts), and edge
// labels kept off other edges' lines, in every shipped diagram at the widths the panes use.
import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, renderDiagram } from '../../src/flow/diagrams.js';
import { wrapLabel } from '../../src/flow/wrap-label.js';
import { parseFlowchart } from '../../src/flow/index.js';
import { localize } from '../../src/flow/labels.js';

const CLOSING = /^[，。：；、！？）」』】》〉…]/u;
const OPENING = /[（「『【《〈]$/u;

describe('wrapping a label', () => {
  it('breaks between the words of a Chinese phrase, not inside one, and takes a cell more to do so', () => {
    expect(wrapLabel('共享内存段', 6)).toEqual(['共享', '内存段']);
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

describe('edge labels', () => {
  // the flow pane's insides: 80x24 (78), 120x34 zh (58), the CLI's 40 and the natural width
  for (const width of [undefined, 78, 58, 40]) {
    it(`touch no other edge's line in any shipped diagram at ${width ?? 'natural'} width`, () => {
      for (const name of diagramNames()) {
        for (const lang of ['zh', 'en'] as const) {
          const { geometry } = renderDiagram(name, { width, lang });
          const lineCells = new Map<string, string>();
          for (const [id, edge] of geometry.edges) for (const [x, y] of edge.cells) lineCells.set(`${x},${y}`, id);
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
});
