// The Flow gives no answer before its question is asked (issue 16: shmget 3 showed "size ≥
// minimum?" above "size 0: what comes back?", ftok 3 "bits 31..24" above "'A' and 'A' + 256
// give…", ftok 7 "size OK to open it?" above "shmget(key, 100, 0) gives…"). A label a step's
// question is about is `%% hide`n until that step ran (an edge), or says no more than that
// something is checked (a decision, never "?" on a lit path: Step.reveals).
import { describe, expect, it } from 'vitest';
import { diagramModel } from '../../src/flow/index.js';
import { unrevealed } from '../../src/lessons/lit.js';
import { lessonById } from '../../src/lessons/index.js';

/** The labels of `diagram` as drawn before step `index` of `lessonId` runs: a hidden part still to be lit is "?". */
function shownBefore(lessonId: string, index: number, lang: 'en' | 'zh'): Map<string, string> {
  const lesson = lessonById(lessonId)!;
  const { diagram } = lesson.steps[index]!;
  const m = diagramModel(diagram, lang);
  const masked = new Set(unrevealed(lesson, diagram, index));
  const hidden = new Set(m.hidden ?? []);
  return new Map([...m.nodes, ...m.edges].map((p) => [p.id, hidden.has(p.id) && masked.has(p.id) ? '?' : (p.label ?? '')]));
}

const stepOf = (lessonId: string, id: string) => lessonById(lessonId)!.steps.findIndex((s) => s.id === id);

describe('the Flow before a question', () => {
  it("ftok 3: where the id's bits go is \"?\" until the step ran", () => {
    const i = stepOf('ftok', 'id-bits');
    for (const lang of ['en', 'zh'] as const) expect(shownBefore('ftok', i, lang).get('id->key')).toBe('?');
    // and drawn once step 3 ran, on the same diagram's later step (8, a new file)
    const later = stepOf('ftok', 'new-file');
    expect(lessonById('ftok')!.steps[later]!.diagram).toBe(lessonById('ftok')!.steps[i]!.diagram);
    expect(shownBefore('ftok', later, 'en').get('id->key')).toBe('bits 31..24');
  });

  it('shmget 3 and ftok 7: the size check names no minimum and no opening', () => {
    const cases: [string, string, string][] = [['shmget', 'size-zero', 'size'], ['ftok', 'open-sizes', 'fits']];
    for (const [lesson, step, part] of cases)
      for (const lang of ['en', 'zh'] as const) {
        const label = shownBefore(lesson, stepOf(lesson, step), lang).get(part)!;
        expect(label, `${lesson} ${step} ${lang}`).not.toMatch(/minimum|open|下限|打开|够/);
        expect(label, `${lesson} ${step} ${lang}`).toMatch(/size/);
      }
  });
});
