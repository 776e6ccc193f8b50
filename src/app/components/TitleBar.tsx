// The top line: "ipclab", lesson n/8 and its title, the language, step i/n.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { LANG_NAMES } from '../strings.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { truncate } from '../text-fit.js';
import { StyledLineView } from './StyledLineView.js';

export function titleLine(p: { width: number; lang: 'en' | 'zh'; lessonNo: number; lessons: number; title: string; view: number; steps: number; stepWord: string; doneWord: string }): Line {
  const right: Line = [
    run(LANG_NAMES.en, p.lang === 'en' ? 'selected' : 'dim'),
    run(' | ', 'dim'),
    run(LANG_NAMES.zh, p.lang === 'zh' ? 'selected' : 'dim'),
    run(`   ${p.view >= p.steps ? p.doneWord : p.stepWord} ${Math.min(p.view + 1, p.steps)}/${p.steps} `),
  ];
  const left: Line = [run(' ipclab ', 'selected'), run(`  ${p.lessonNo}/${p.lessons} `, 'label')];
  const room = p.width - lineWidth(left) - lineWidth(right) - 1;
  const title = run(truncate(p.title, Math.max(0, room), '…', true), 'title');
  const gap = Math.max(1, p.width - lineWidth(left) - lineWidth([title]) - lineWidth(right));
  return fit([...left, title, run(' '.repeat(gap)), ...right], p.width);
}

export function TitleBar({ width }: { width: number }) {
  const { lang, s, ascii, color } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const index = useAppState((st) => st.lessonIndex);
  const view = useAppState((st) => st.view);
  const lesson = lessons[index];
  const l = titleLine({ width, lang, lessonNo: index + 1, lessons: lessons.length, title: lesson?.title[lang] ?? '', view, steps: lesson?.steps.length ?? 0, stepWord: s.step, doneWord: s.allSteps });
  return <StyledLineView line={l} color={color} ascii={ascii} />;
}
