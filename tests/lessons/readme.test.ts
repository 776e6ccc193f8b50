// README.md's table of lessons is the one scripts/readme-lessons.ts makes from the lessons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { BEGIN, END, lessonTable, withLessonTable } from '../../src/lessons/readme-table.js';
import { ROOT } from './helpers.js';

describe("README.md's table of lessons", () => {
  it('is up to date (if not: npx tsx scripts/readme-lessons.ts)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withLessonTable(readme, LESSONS));
    expect(readme).toContain(`${BEGIN}\n${lessonTable(LESSONS)}\n${END}`);
  });

  it('has one row per lesson, numbered in order, with its summary', () => {
    const rows = lessonTable(LESSONS).split('\n').slice(2);
    expect(rows).toHaveLength(LESSONS.length);
    expect(rows[1]).toBe('| 2 | shmget | `shmget(IPC_PRIVATE, …)` twice: two segments, both with key 0; the errors a bad size gives |');
  });

  it('is replaced between the markers only, and a missing marker is one clear error', () => {
    const stale = `intro\n${BEGIN}\n| old |\n${END}\noutro\n`;
    expect(withLessonTable(stale, LESSONS)).toBe(`intro\n${BEGIN}\n${lessonTable(LESSONS)}\n${END}\noutro\n`);
    expect(() => withLessonTable('no markers', LESSONS)).toThrow(/should hold the lines/);
  });
});
