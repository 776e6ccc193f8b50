// A box that says where an object ends ("removed", "freed") is a result the lesson's last steps
// bring: drawn "?" until the step that lights it ran, as shmat-inherit's and overview's are.
// msg's diagram drew its "removed" box from step 1 on, and ftok's shmget-key too (issue 16).
// Every diagram with such a box (its English label says so), every lesson showing it, every
// step, en and zh.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { ROOT } from './helpers.js';

const DIAGRAMS = join(ROOT, 'assets', 'diagrams');

/** The boxes of a diagram that say its object is gone, with their first words in each language. */
function endBoxes(source: string): { id: string; en: string; zh: string }[] {
  // "removed", "freed", or its object named first ("queue removed", "set removed": s31a, s31i)
  return [...source.matchAll(/^%% en (\S+) = ((?:\w+ )?(?:removed|freed)\b[^\n]*)$/gm)].flatMap((m) => {
    const id = m[1]!;
    const zh = new RegExp(`(?:^|\\s)${id}[[(]"?([^\\])"]+)`, 'm').exec(source)?.[1];
    return zh ? [{ id, en: m[2]!.split(':')[0]!.trim(), zh: zh.split('：')[0]!.trim() }] : [];
  });
}

const boxes = new Map(
  readdirSync(DIAGRAMS)
    .filter((f) => f.endsWith('.mmd'))
    .map((f) => [f.slice(0, -'.mmd'.length), endBoxes(readFileSync(join(DIAGRAMS, f), 'utf8'))] as const)
    .filter(([, b]) => b.length > 0),
);

describe('the "removed" box waits for its step', () => {
  it('finds the diagrams with such a box', () => {
    expect([...boxes.keys()]).toEqual(expect.arrayContaining(['msg-queue', 'sem-pv', 'shmget-key', 'shmdt-unmap']));
  });
  for (const lang of ['en', 'zh'] as const)
    it(lang, () => {
      let checked = 0;
      for (const lesson of LESSONS)
        lesson.steps.forEach((_, i) => {
          const choice = flowChoice(lesson, i, i);
          if (!choice.diagram) return;
          const text = renderDiagram(choice.diagram, { width: 78, lang }).text({ active: choice.active, done: choice.done, masked: choice.masked });
          for (const b of boxes.get(choice.diagram) ?? []) {
            // lit by a step already run: drawn; else not yet (a box no step lights is ipclab check's)
            const lit = lesson.steps.slice(0, i).some((s) => s.diagram === choice.diagram && (s.highlight ?? []).includes(b.id));
            if (lit) continue;
            checked++;
            expect(text, `${lesson.id} step ${i + 1} (${choice.diagram}, ${lang})`).not.toMatch(new RegExp(`[│┃║┆] *${b[lang]}(?!\\w)`));
          }
        });
      expect(checked).toBeGreaterThan(0);
    });
});
