// The other way round from validate.ts: files on disk that no lesson uses. A C file of
// examples/c no lesson declares is built, run and shown by nothing derived from the
// lessons; a diagram of assets/diagrams no lesson shows is never drawn for a learner.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { Lesson } from './types.js';

function filesIn(dir: string, extensions: string[]): string[] {
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

/** One line per file no lesson uses; empty when every file has its lesson. */
export function orphanFiles(lessons: readonly Lesson[], root = packageRoot()): string[] {
  const declared = new Set(lessons.flatMap((l) => l.code.map((f) => f.path)));
  const shown = new Set(lessons.flatMap((l) => l.diagrams));
  return [
    ...filesIn(join(root, 'examples', 'c'), ['.c', '.h'])
      .filter((name) => !declared.has(name))
      .map((name) => `examples/c/${name}: no lesson declares it; add it to a lesson's code, or remove it`),
    ...filesIn(join(root, 'assets', 'diagrams'), ['.mmd'])
      .filter((name) => !shown.has(name.slice(0, -'.mmd'.length)))
      .map((name) => `assets/diagrams/${name}: no lesson shows it; add it to a lesson's diagrams, or remove it`),
  ];
}
