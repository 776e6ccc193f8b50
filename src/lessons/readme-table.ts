// The README's table of lessons, made from the lessons: number, id and the one line of
// what the learner does live. scripts/readme-lessons.ts writes it between the markers,
// and a test fails when README.md does not hold what this makes.
import type { Lesson } from './types.js';

export const BEGIN = '<!-- lessons: written by scripts/readme-lessons.ts from src/lessons/index.ts -->';
export const END = '<!-- end of lessons -->';

export function lessonTable(lessons: readonly Lesson[]): string {
  const rows = lessons.map((l, i) => `| ${i + 1} | ${l.id} | ${l.summary} |`);
  return ['| # | id | what you do live |', '|---|---|---|', ...rows].join('\n');
}

/** The README with the table between the markers made anew; throws when a marker is missing. */
export function withLessonTable(readme: string, lessons: readonly Lesson[]): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md should hold the lines ${BEGIN} and ${END}, in that order`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${lessonTable(lessons)}\n${readme.slice(end)}`;
}
