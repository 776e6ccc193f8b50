// Words that more than one layer shows, in both languages, each in one place: the
// screen (src/app/strings.ts builds on these), `ipclab run`'s text, the lesson
// validator and the lessons' other processes. It needs only src/lang.ts, so every
// layer can import it.
import type { Lang } from '../lang.js';

const EN = {
  /** after a label: "Notice: " */
  colon: ': ',
  /** between who ended and how: "server exited with code 0" (none in Chinese) */
  wordGap: ' ',
  notice: 'Notice',
  /** the label of a lesson's aside: what ipclab does differently from C */
  aside: 'How ipclab does this',
  /** between the items of a list */
  listGap: ', ',
  /** an erratum: what the notes say, what is true, where a lesson shows it */
  notesSay: 'The notes say',
  inFact: 'In fact',
  seenLive: (lesson: string, step: number, title: string) => `Seen live in ${lesson}, step ${step}: ${title}`,
  refused: 'ipclab refused: ',
  throwAway: (what: string) => `throw-away child (${what})`,
  killedBy: (signal: string) => `killed by ${signal}`,
  exitedWith: (code: number | null) => `exited with code ${code}`,
  exitCode: (code: number) => `exit ${code}`,
} as const;

export type SharedStrings = { [K in keyof typeof EN]: (typeof EN)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

const ZH: SharedStrings = {
  colon: '：',
  wordGap: '',
  notice: '注意',
  aside: 'ipclab 是怎么做的',
  listGap: '、',
  notesSay: '笔记说',
  inFact: '实际上',
  seenLive: (lesson: string, step: number, title: string) => `现场演示：${lesson} 第 ${step} 步：${title}`,
  refused: 'ipclab 拒绝了：',
  throwAway: (what: string) => `临时子进程（${what}）`,
  killedBy: (signal: string) => `被 ${signal} 杀死`,
  exitedWith: (code: number | null) => `退出，退出码 ${code}`,
  exitCode: (code: number) => `退出码 ${code}`,
};

export const SHARED: Record<Lang, SharedStrings> = { en: EN, zh: ZH };
