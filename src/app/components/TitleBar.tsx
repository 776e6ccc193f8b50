// The top line: "ipclab", lesson n/8 and its title, the language, step i/n.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { LANG_NAMES } from '../strings.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { truncate } from '../text-fit.js';
import { StyledLineView } from './StyledLineView.js';

/** `place`: where the learner is ("3/8", or the playground); `progress`: how far ("step 2/5"). */
export function titleLine(p: { width: number; lang: 'en' | 'zh'; place: string; title: string; progress: string }): Line {
  const right: Line = [
    run(LANG_NAMES.en, p.lang === 'en' ? 'selected' : 'dim'),
    run(' | ', 'dim'),
    run(LANG_NAMES.zh, p.lang === 'zh' ? 'selected' : 'dim'),
    run(`   ${p.progress} `),
  ];
  const left: Line = [run(' ipclab ', 'selected'), run(`  ${p.place} `, 'label')];
  // at least two spaces keep a cut title apart from the language toggle
  const room = p.width - lineWidth(left) - lineWidth(right) - 2;
  const title = run(truncate(p.title, Math.max(0, room), '…', true), 'title');
  const gap = Math.max(2, p.width - lineWidth(left) - lineWidth([title]) - lineWidth(right));
  return fit([...left, title, run(' '.repeat(gap)), ...right], p.width);
}

export function TitleBar({ width }: { width: number }) {
  const { lang, s, ascii, color } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const index = useAppState((st) => st.lessonIndex);
  const view = useAppState((st) => st.view);
  const play = useAppState((st) => st.screen === 'play');
  const count = useAppState((st) => st.playCounted);
  const challenge = useAppState((st) => st.challenge);
  const lesson = lessons[index];
  const steps = lesson?.steps.length ?? 0;
  // the step number as wide as the last one's: EN | 中文 keeps its column from step 9 to 10
  const at = String(Math.min(view + 1, steps)).padStart(String(steps).length);
  const l = play
    ? titleLine({ width, lang, place: challenge ? `${s.playTitle} ·` : s.playTitle, title: challenge ? `${s.challenge}${s.colon}${challenge.title[lang]}` : '', progress: challenge ? s.playPar(challenge.used, challenge.par) : s.playStatements(count) })
    : titleLine({ width, lang, place: `${index + 1}/${lessons.length}`, title: lesson?.title[lang] ?? '', progress: `${view >= steps ? s.allSteps : s.step} ${at}/${steps}` });
  return <StyledLineView line={l} color={color} ascii={ascii} />;
}
