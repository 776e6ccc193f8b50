// Writes the table of lessons in README.md from src/lessons/index.ts:
//   npm run readme   (or: npx tsx scripts/readme-lessons.ts [README])
// tests/lessons/readme.test.ts fails while README.md is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS } from '../src/lessons/index.js';
import { withLessonTable } from '../src/lessons/readme-table.js';

const path = process.argv[2] ?? join(import.meta.dirname, '..', 'README.md');
try {
  const before = readFileSync(path, 'utf8');
  const after = withLessonTable(before, LESSONS);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${path}: ${after === before ? 'the table was up to date' : 'table written'} (${LESSONS.length} lessons)\n`);
} catch (err) {
  process.stderr.write(`readme-lessons: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
