// A label is wrapped only as much as its room needs (fix16 issue 16, newcomers: "写 /
// server_pid， / 再写 / magic" and "写 / 确认号， / 等于 / seq" one word per line in serv-clnt at
// 120x34, where a wider box fitted): no two of its lines could be one line as wide as its
// widest (a word wider than the wrap, server_pid，, makes an edge label that wide for every
// line; a box's label keeps its rows, which lay the picture out).
import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, renderDiagram } from '../../src/flow/diagrams.js';
import { parseFlowchart } from '../../src/flow/index.js';
import { localize } from '../../src/flow/labels.js';
import { LABEL_WRAPS } from '../../src/flow/render.js';
import { wrapLabel } from '../../src/flow/wrap-label.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/text/cells.js';
import { toCells } from './check.js';

/** Pairs of neighbouring lines of `label`'s wrapping that would fit `width` cells as one line. */
function joinable(label: string, lines: readonly string[], width: number): string[] {
  const flat = label.replace(/\n/g, ' ');
  const out: string[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const sep = flat.includes(`${lines[k]} ${lines[k + 1]}`) ? ' ' : '';
    const one = `${lines[k]}${sep}${lines[k + 1]}`;
    if (cells(one) <= width) out.push(`${JSON.stringify(lines)}: ${JSON.stringify(one)} fits ${width}`);
  }
  return out;
}

const edgeLabelsOf = (name: string, lang: 'en' | 'zh') => {
  const source = diagramSource(name);
  const model = localize(parseFlowchart(source), source, lang);
  return model.edges.flatMap((e) => (e.label ? [e.label.replace(/\n/g, ' ')] : []));
};

/** The diagrams as the app draws them: each alone (the playground, `ipclab diagram`) and
 *  each lesson's with its family. */
const DRAWN: { name: string; family?: readonly string[] }[] = [
  ...diagramNames().map((name) => ({ name })),
  ...LESSONS.filter((l) => l.diagrams.length > 1).flatMap((l) => l.diagrams.map((name) => ({ name, family: l.diagrams }))),
];

describe('a label wraps only as much as needed', () => {
  it('wrapLabel: no two lines of any shipped edge label fit its widest line as one, at every wrap width', () => {
    expect(wrapLabel('写 server_pid，再写 magic', 8, true)).toEqual(['写', 'server_pid，', '再写 magic']);
    expect(wrapLabel('写确认号，等于 seq', 6, true)).toEqual(['写', '确认号，', '等于 seq']);
    const bad: string[] = [];
    for (const name of diagramNames()) {
      for (const lang of ['en', 'zh'] as const) {
        for (const label of edgeLabelsOf(name, lang)) {
          for (const max of LABEL_WRAPS) {
            const lines = wrapLabel(label, max, true);
            bad.push(...joinable(label, lines, Math.max(...lines.map(cells))).map((p) => `${name} ${lang} at ${max}: ${p}`));
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('every edge label drawn on several rows, every diagram alone and in its lesson, at the flow pane widths (80x24, 120x34, 160x50), en and zh: no two rows fit its width as one', () => {
    const bad: string[] = [];
    for (const { name, family } of DRAWN) {
      for (const lang of ['en', 'zh'] as const) {
        const source = diagramSource(name);
        const model = localize(parseFlowchart(source), source, lang);
        for (const width of [77, 71, 70, 118]) {
          const r = renderDiagram(name, { width, lang, family });
          const grid = toCells(r.text());
          for (const e of model.edges) {
            const at = r.geometry.edges.get(e.id)?.label;
            if (!e.label || !at || at.h < 2) continue;
            const rows = Array.from({ length: at.h }, (_, k) => (grid[at.y + k] ?? []).slice(at.x, at.x + at.w).join('').trimEnd());
            bad.push(...joinable(e.label, rows, at.w).map((p) => `${name}${family ? ' (family)' : ''} ${lang} ${width}: ${p}`));
          }
        }
      }
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
