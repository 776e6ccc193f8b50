// The real wiring of the store: lessons and their engine, the kernel through the
// native layer, the progress file, the C sources and the flow library (loaded
// after the first frame). The TUI and the UI tests both use this; nothing is mocked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as native from '../native/index.js';
import type { Lesson, LessonRun } from '../lessons/types.js';
import type { Lang } from '../lang.js';
import { packageRoot } from '../paths.js';
import { historyPath, loadHistory, saveHistory } from './play/history.js';
import { clearProgress, loadProgress, progressPath, saveProgress, saveSolvedChallenge } from './progress.js';
import type { AppDeps } from './store.js';

/** How the playground's sessions open (from `ipclab play`'s options). */
export interface PlayOptions {
  allowForeign: boolean;
  challenge?: string;
}

export function realDeps(lessons: Lesson[], startLesson: (lesson: Lesson, lang?: () => Lang) => LessonRun, env: NodeJS.ProcessEnv = process.env, play: PlayOptions = { allowForeign: false }): AppDeps {
  const path = progressPath(env);
  const history = historyPath(env);
  return {
    lessons,
    startLesson,
    kernel: {
      procText: () => native.readSysvipcText(),
      segments: () => native.readSegments(),
      queues: () => native.readQueues().filter((q) => q.ours),
      // the semaphores of ipclab's sets only: each costs a few semctl calls
      semaphores: () => native.readSemaphores((set) => set.ours).filter((set) => set.ours),
      stat: (shmid) => native.shmctlStat(shmid).ds,
      cleanupNow: () => {
        native.cleanupNow();
      },
      endHelpers: () => {
        native.endChildren();
      },
    },
    peek: (shmid, length, offset) => native.peekAttached(shmid, length, offset),
    readCode: (file) => {
      try {
        return readFileSync(join(packageRoot(), 'examples', 'c', file), 'utf8');
      } catch {
        return null;
      }
    },
    progress: { load: () => loadProgress(path), save: (p) => saveProgress(p, path), clear: () => clearProgress(path) },
    loadFlow: () => import('../flow/index.js'),
    play: {
      // loaded on first use: the lessons' start-up does not pay for the interpreter
      start: async (lang, ascii) => (await import('../play/session.js')).createSession({ lang, ascii, ...play }),
      loadHistory: () => loadHistory(history),
      saveHistory: (lines) => saveHistory(lines, history),
      solved: (id) => saveSolvedChallenge(id, path),
    },
  };
}
