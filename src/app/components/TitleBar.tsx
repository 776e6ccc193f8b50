// The top line: "ipclab", lesson n/8 and its title, the language, step i/n.
import React from 'react';
import type { Text } from '../../lessons/types.js';
import { useAppState, useLook } from '../context.js';
import { LANG_NAMES, type Strings } from '../strings.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { cells, truncate } from '../text-fit.js';
import { StyledLineView } from './StyledLineView.js';

/** A title's starts that end at a word, each marked "…" as the title cut short: before a
 *  space or a dash, after a list's comma (Chinese has no spaces: "、" and "，" part its words);
 *  never at an article, which would leave the reader hanging. */
export function wordStarts(title: string): string[] {
  const chars = Array.from(title);
  const starts: string[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] !== ' ' && !(chars[i] === '—' && chars[i - 1] !== '—') && !/[,，、;；]/u.test(chars[i - 1])) continue;
    const start = chars.slice(0, i).join('').replace(/[\s,，、;；:：—]+$/u, '');
    // not on an article ("talk through a…")
    if (start && !/(^|\s)(a|an|the)$/iu.test(start)) starts.push(`${start}…`);
  }
  return [...new Set(starts)];
}

/** `place`: where the learner is ("3/8", or the playground); `titles`: the title, then
 *  shorter forms; the title whole when it fits, else the longest of its starts at a word
 *  (wordStarts) and its shorter forms that fits (the last is cut when none does);
 *  `progress`: how far ("step 2/5"), in a field `progressWidth` cells wide so that
 *  "EN | 中文" keeps its column from step to step and lesson to lesson. */
export function titleLine(p: { width: number; lang: 'en' | 'zh'; place: string; titles: readonly string[]; progress: string; progressWidth?: number }): Line {
  const progress = p.progress + ' '.repeat(Math.max(0, (p.progressWidth ?? 0) - cells(p.progress)));
  const right: Line = [
    run(LANG_NAMES.en, p.lang === 'en' ? 'selected' : 'dim'),
    run(' | ', 'dim'),
    run(LANG_NAMES.zh, p.lang === 'zh' ? 'selected' : 'dim'),
    run(`  ${progress} `),
  ];
  const left: Line = [run(' ipclab ', 'selected'), run(`  ${p.place} `, 'label')];
  // at least two spaces keep a cut title apart from the language toggle
  const room = Math.max(0, p.width - lineWidth(left) - lineWidth(right) - 2);
  const [full = '', ...shorter] = p.titles;
  const fitting = [...wordStarts(full), ...shorter].filter((t) => cells(t) <= room).sort((a, b) => cells(b) - cells(a));
  const shown = cells(full) <= room ? full : (fitting[0] ?? truncate(p.titles.at(-1) ?? '', room, '…', true));
  const title = run(shown, 'title');
  const gap = Math.max(2, p.width - lineWidth(left) - lineWidth([title]) - lineWidth(right));
  return fit([...left, title, run(' '.repeat(gap)), ...right], p.width);
}

/** A lesson's progress as the title bar says it: "step 2/5", "done 5/5". */
export function progressText(s: Strings, view: number, steps: number): string {
  return `${view >= steps ? s.allSteps : s.step} ${Math.min(view + 1, steps)}/${steps}`;
}

/** The widest progress of any lesson: the field it takes in every lesson. */
export function progressWidth(s: Strings, stepCounts: readonly number[]): number {
  return Math.max(0, ...stepCounts.flatMap((n) => [cells(progressText(s, 0, n)), cells(progressText(s, n, n))]));
}

/** A lesson's title and, when it declares one, its short form: the title's start, with "…"
 *  so that it reads as the menu's title cut short. */
export function titlesOf(lesson: { title: Text; short?: Text } | undefined, lang: 'en' | 'zh'): string[] {
  return lesson ? [lesson.title[lang], ...(lesson.short ? [`${lesson.short[lang]}…`] : [])] : [''];
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
  const l = play
    ? titleLine({ width, lang, place: challenge ? `${s.playTitle} ·` : s.playTitle, titles: [challenge ? `${s.challenge}${s.colon}${challenge.title[lang]}` : ''], progress: challenge ? s.playPar(challenge.used, challenge.par) : s.playStatements(count) })
    : titleLine({ width, lang, place: `${index + 1}/${lessons.length}`, titles: titlesOf(lesson, lang), progress: progressText(s, view, steps), progressWidth: progressWidth(s, lessons.map((x) => x.steps.length)) });
  return <StyledLineView line={l} color={color} ascii={ascii} />;
}
