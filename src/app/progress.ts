// Where the learner got to: saved as progress.json in the state folder (paths.ts,
// beside the ownership records) after every step and lesson change, read at start.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirs, stateDir } from '../paths.js';

export interface Progress {
  /** lesson id the learner was in */
  lesson: string | null;
  /** how many of its steps had run */
  step: number;
  /** ids of lessons run to the end */
  completed: string[];
  /** the most steps run in each lesson, by lesson id (the closing screen's "what you did") */
  ran: Record<string, number>;
  /** ids of the playground's challenges solved; a save without it keeps the saved list
   *  (the lesson screen saves its own fields only) */
  challenges?: string[];
}

export const EMPTY_PROGRESS: Progress = { lesson: null, step: 0, completed: [], ran: {} };

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
    return { ...EMPTY_PROGRESS, ran: {} };
  }
  const p = raw as Partial<Progress>;
  return {
    lesson: typeof p.lesson === 'string' ? p.lesson : null,
    step: count(p.step) ? p.step : 0,
    completed: Array.isArray(p.completed) ? p.completed.filter((c): c is string => typeof c === 'string') : [],
    ran: p.ran && typeof p.ran === 'object' ? Object.fromEntries(Object.entries(p.ran).filter(([, n]) => count(n))) : {},
    ...(Array.isArray(p.challenges) ? { challenges: p.challenges.filter((c): c is string => typeof c === 'string') } : {}),
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
