// A box that says where an object ends ("removed") is a result the lesson's last steps bring:
// drawn "?" until the step that lights it ran, as shmat-inherit's and overview's are. msg's
// diagram drew its "removed" box from step 1 on (issue 16). The lessons of the other IPC objects
// (msg, sem), every step, en and zh; shmget-key's box (ftok 5) is the shared memory lessons' own.
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';

const REMOVED = { en: 'removed', zh: '已删除' };

describe('the "removed" box waits for its step', () => {
  for (const lang of ['en', 'zh'] as const)
    it(lang, () => {
      let checked = 0;
      for (const lesson of LESSONS.filter((l) => ['msg', 'sem'].includes(l.id)))
        lesson.steps.forEach((step, i) => {
          const choice = flowChoice(lesson, i, i);
          if (!choice.diagram) return;
          const text = renderDiagram(choice.diagram, { width: 78, lang }).text({ active: choice.active, done: choice.done, masked: choice.masked });
          const box = new RegExp(`[│┃║] *${REMOVED[lang]} *[│┃║]`);
          // lit by this step or an earlier one: drawn; else not yet
          const lit = lesson.steps.slice(0, i + 1).some((s) => s.diagram === choice.diagram && (s.highlight ?? []).some((h) => h === 'gone'));
          const unlit = lesson.steps.some((s) => s.diagram === choice.diagram && (s.highlight ?? []).includes('gone'));
          if (!unlit) return;
          checked++;
          if (!lit) expect(text, `${lesson.id} step ${i + 1} (${choice.diagram})`).not.toMatch(box);
        });
      expect(checked).toBeGreaterThan(0);
    });
});
