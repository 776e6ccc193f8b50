// Real-world Mermaid flowcharts (tests/flow/corpus, sources in its SOURCES.md): each is
// drawn well formed in Unicode and ASCII, at its natural width and at 80 columns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlowchart, renderFlow } from '../../src/flow/index.js';
import { checkRendering } from './check.js';

const DIR = join(import.meta.dirname, 'corpus');
const files = readdirSync(DIR).filter((f) => f.endsWith('.mmd')).sort();

describe('real-world flowcharts', () => {
  it('has its sources listed, one row a file', () => {
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const f of files) expect(sources, f).toContain(`| \`${f}\` |`);
  });

  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const model = parseFlowchart(source);
      for (const ascii of [false, true]) {
        for (const width of [undefined, 80]) {
          const r = renderFlow(model, { ascii, width });
          expect(checkRendering(model, r, ascii, width), `ascii=${ascii} width=${width ?? 'natural'}\n${r.notes.join('\n')}\n${r.text()}`).toEqual([]);
        }
      }
    });
  }
});
