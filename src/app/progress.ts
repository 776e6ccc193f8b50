// Where the learner got to: saved as progress.json in the state folder (paths.ts,
// beside the ownership records) after every step and lesson change, read at start.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirs, stateDir } from '../paths.js';

/** How a checkpoint went: the first choice right or wrong, no choice before the step ran
 *  (skipped), or not graded (aside): written by earlier versions for a step run with the
 *  learner's own values, which stay in the kernel (Turn.yoursStay); such a step is now graded
 *  on their run, so this is only read from an older progress file. */
export type Verdict = 'right' | 'wrong' | 'skipped' | 'aside';

/** How a question of the end-of-lesson check went (never 'aside': it runs nothing). */
export type CheckVerdict = Exclude<Verdict, 'aside'>;

/** A lesson's answers: each checkpoint by step id, each check question by its number
 *  (a progress file saved before the skipped were told apart holds true or false: read as
 *  right or wrong). */
export interface LessonAnswers {
  checkpoints: Record<string, Verdict>;
  check: Record<string, CheckVerdict>;
}

/** What `ipclab progress`, the menu and the closing screen show of a lesson: one rule for
 *  all three. `answered` counts the questions graded (right or wrong); skipped ones and
 *  those not graded are counted apart, never as answered. */
export interface LessonScore {
  checkpoints: { right: number; answered: number; skipped: number; aside: number };
  /** the end-of-lesson check by the same rule: right of answered, the skipped apart; `of` its length */
  check: { right: number; answered: number; skipped: number; of: number };
}

export interface Progress {
  /** lesson id the learner was in */
  lesson: string | null;
  /** how many of its steps had run */
  step: number;
  /** ids of lessons run to the end */
  completed: string[];
  /** the most steps run in each lesson, by lesson id (the closing screen's "what you did") */
  ran: Record<string, number>;
  /** by lesson id: what its run's trace showed of the glossary (glossary.ts traceShown), so a
   *  later lesson does not list it as new again; missing in progress saved before it */
  shown?: Record<string, string[]>;
  /** ids of the playground's challenges solved; a save without it keeps the saved list
   *  (the lesson screen saves its own fields only) */
  challenges?: string[];
  /** the answers to checkpoints and checks, by lesson id (a checkpoint's first answer stands: store/quiz.ts keepsVerdict) */
  answers: Record<string, LessonAnswers>;
}

export const EMPTY_PROGRESS: Progress = { lesson: null, step: 0, completed: [], ran: {}, answers: {} };

const VERDICTS: readonly string[] = ['right', 'wrong', 'skipped', 'aside'] satisfies Verdict[];

/** The answers of one lesson as saved, keeping only well-formed entries. */
function lessonAnswers(raw: unknown): LessonAnswers {
  const r = (raw ?? {}) as Partial<Record<keyof LessonAnswers, unknown>>;
  const entries = (o: unknown) => (o && typeof o === 'object' ? Object.entries(o) : []);
  return {
    checkpoints: Object.fromEntries(entries(r.checkpoints).filter(([, v]) => VERDICTS.includes(v as string))) as Record<string, Verdict>,
    check: Object.fromEntries(
      entries(r.check).flatMap(([k, v]) => (!/^\d+$/.test(k) ? [] : typeof v === 'boolean' ? [[k, v ? 'right' : 'wrong']] : v === 'right' || v === 'wrong' || v === 'skipped' ? [[k, v]] : [])),
    ) as Record<string, CheckVerdict>,
  };
}

/** A lesson's score from its answers, one rule for checkpoints and check: right of
 *  answered (right or wrong), the skipped and the not graded apart; `of` is the length of its check. */
export function scoreOf(answers: LessonAnswers | undefined, checkLength: number): LessonScore {
  const tally = (verdicts: Verdict[]) => {
    const n = (v: Verdict) => verdicts.filter((x) => x === v).length;
    return { right: n('right'), answered: n('right') + n('wrong'), skipped: n('skipped'), aside: n('aside') };
  };
  const { right, answered, skipped } = tally(Object.values(answers?.check ?? {}));
  return { checkpoints: tally(Object.values(answers?.checkpoints ?? {})), check: { right, answered, skipped, of: checkLength } };
}

const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'progress.json');
}

/** Reads the saved progress; a missing or damaged file is a fresh start, never an error. */
export function loadProgress(path = progressPath()): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ...EMPTY_PROGRESS, ran: {}, answers: {} };
  }
  const p = raw as Partial<Progress>;
  return {
    lesson: typeof p.lesson === 'string' ? p.lesson : null,
    step: count(p.step) ? p.step : 0,
    completed: Array.isArray(p.completed) ? p.completed.filter((c): c is string => typeof c === 'string') : [],
    ran: p.ran && typeof p.ran === 'object' ? Object.fromEntries(Object.entries(p.ran).filter(([, n]) => count(n))) : {},
    ...(p.shown && typeof p.shown === 'object' ? { shown: Object.fromEntries(Object.entries(p.shown).map(([id, keys]) => [id, Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []])) } : {}),
    ...(Array.isArray(p.challenges) ? { challenges: p.challenges.filter((c): c is string => typeof c === 'string') } : {}),
    answers: p.answers && typeof p.answers === 'object' ? Object.fromEntries(Object.entries(p.answers).map(([id, a]) => [id, lessonAnswers(a)])) : {},
  };
}

/** Writes atomically (temporary file + rename) so a crash never leaves half a file. */
export function saveProgress(progress: Progress, path = progressPath()): void {
  makeDirs(dirname(path), 0o700);
  const challenges = progress.challenges ?? loadProgress(path).challenges;
  if (challenges) progress = { ...progress, challenges };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(progress)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Adds a solved challenge to the saved progress. */
export function saveSolvedChallenge(id: string, path = progressPath()): void {
  const progress = loadProgress(path);
  const solved = progress.challenges ?? [];
  if (!solved.includes(id)) saveProgress({ ...progress, challenges: [...solved, id] }, path);
}

export function clearProgress(path = progressPath()): void {
  rmSync(path, { force: true });
}
