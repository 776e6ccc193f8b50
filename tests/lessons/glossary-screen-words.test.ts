// A glossary entry that quotes the screen's words says where they are shown: the marks
// entry said "as the pane's title says ("* changed by step 5")" after those words moved
// to the Kernel pane's legend, the line under its table (issue 16).
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';

describe('glossary quotes of the screen', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: every entry quoting the changed mark's words names the legend, not the title`, () => {
      const s = strings(lang);
      const quoted = s.markChanged(5);
      const legend = s.legendKey.replace(/[:：]\s*$/, '');
      const quoting = GLOSSARY.filter((e) => e.text[lang].includes(quoted));
      expect(quoting.length).toBeGreaterThan(0);
      for (const entry of quoting) {
        expect(entry.text[lang], entry.id).toContain(legend);
        expect(entry.text[lang], entry.id).not.toMatch(/pane's title|窗格标题/);
      }
    });
  }
});
