// A lesson opens at its top: its introduction's first words on the lesson pane's first row,
// nothing above them, with the quiz on and no progress saved (issue 16: serv-clnt at 80x24
// opened under "↑ 3 more", scrolled past "Programs started apart share only a file…" to keep
// step 1's question in view). Where the question does not fit under them it waits behind
// Space, as after a run; Space brings it whole. Every lesson, 80x24 en and 120x34 zh, the real app.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lessonRows } from '../helpers/lesson-views.js';
import { appDrawer } from '../helpers/render.js';

const draw = appDrawer('opens-top', { lessons: LESSONS, asks: false });

describe('a lesson opens at its top', () => {
  for (const [width, height, lang] of [[80, 24, 'en'], [120, 34, 'zh']] as const)
    it(`every lesson at ${width}x${height} ${lang}: its introduction's first words first, its question one Space away`, async () => {
      const s = strings(lang);
      const wrong: string[] = [];
      for (const lesson of LESSONS) {
        const intro = lesson.intro[lang]?.replace(/`/g, '');
        if (!intro) continue;
        const r = await draw({ width, height, lang, lesson: lesson.id, restart: true });
        const first = lang === 'en' ? intro.split(' ').slice(0, 3).join(' ') : intro.slice(0, 6);
        await r.waitFor(() => lessonRows(r).join('\n').includes(`${s.step} 1/`), `${lesson.id}: drawn`);
        const rows = lessonRows(r);
        const top = r.lines().find((l) => l.startsWith('┌─')) ?? '';
        if (!(rows[0] ?? '').includes(first) || top.includes('↑')) wrong.push(`${lesson.id}: ${top}\n${rows.slice(0, 2).join('\n')}`);
        const label = `${s.question}${s.colon}`;
        if (lesson.checkpoints?.[lesson.steps[0]!.id] && !rows.join('\n').includes(label)) {
          await r.press(' ');
          await r.waitFor(() => lessonRows(r).join('\n').includes(label), `${lesson.id}: Space brings step 1's question`);
          expect(r.store.getState().done, lesson.id).toBe(0);
        }
        await r.quit();
      }
      expect(wrong).toEqual([]);
    }, 120_000);
});
