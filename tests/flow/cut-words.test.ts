// A drawing too wide for its pane is cut at the pane's right edge (render.ts cut()); a word the
// cut went through was left in part ("┌────sh" for shmat, shmat-map in its family below 70
// columns, issue 16). Every lesson's diagrams with their family at the Flow pane's narrow widths
// (60x18, 110x30, 67 and 63), and shmat's at every width from 40 to 69, en and zh: no row ends
// at the edge with a piece of a label's word.
import { describe, expect, it } from 'vitest';
import { diagramSource, renderDiagram } from '../../src/flow/diagrams.js';
import { parseFlowchart } from '../../src/flow/index.js';
import { localize } from '../../src/flow/labels.js';
import { LESSONS } from '../../src/lessons/index.js';
import { toCells } from './check.js';

/** The words of every label of `names` in `lang`, split at spaces. */
function words(names: readonly string[], lang: 'en' | 'zh'): string[] {
  return names.flatMap((name) => {
    const source = diagramSource(name);
    const model = localize(parseFlowchart(source), source, lang);
    return [...model.nodes.map((n) => n.label), ...model.edges.flatMap((e) => (e.label ? [e.label] : [])), ...model.subgraphs.map((g) => g.title)].flatMap((l) => l.split(/\s+/));
  });
}

describe('a drawing cut to its pane', () => {
  it('shows no piece of a word at the cut', () => {
    const cases = LESSONS.flatMap((l) => l.diagrams.flatMap((name) => [57, 63, 67].map((width) => ({ name, family: l.diagrams, width }))));
    const shmat = LESSONS.find((l) => l.id === 'shmat')!;
    for (let width = 40; width < 70; width++) cases.push({ name: 'shmat-map', family: shmat.diagrams, width });
    const wrong: string[] = [];
    let cut = 0;
    for (const { name, family, width } of cases) {
      for (const lang of ['en', 'zh'] as const) {
        const r = renderDiagram(name, { width, lang, family });
        if (!r.notes.some((n) => n.startsWith('cut to'))) continue;
        cut++;
        const known = words(family, lang);
        for (const row of toCells(r.text())) {
          if (row.length < width || (row[width - 1] ?? ' ') === ' ') continue;
          // the text run that ends at the edge, back to a blank or a line
          const run = row.slice(0, width).join('').split(/[\s│┃║┆┇─━═┄┌┐└┘├┤┬┴┼╭╮╯╰▲▼►◄╱╲<>]/u).at(-1) ?? '';
          if (run && !known.includes(run) && known.some((w) => w.startsWith(run))) wrong.push(`${name} ${lang} at ${width}: '${row.join('')}' ends in '${run}'`);
        }
      }
    }
    // shmat-map is cut below 70 columns: the sweep saw cuts
    expect(cut).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  }, 120_000);
});
