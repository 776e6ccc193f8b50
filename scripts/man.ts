// Writes man/ipclab.1 from the table of commands (src/commands/specs.ts):
//   npx tsx scripts/man.ts
// tests/help/man.test.ts fails while the committed page is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manPage } from '../src/commands/man-page.js';

const path = join(import.meta.dirname, '..', 'man', 'ipclab.1');
mkdirSync(join(path, '..'), { recursive: true });
const page = manPage();
let before = '';
try {
  before = readFileSync(path, 'utf8');
} catch {
  // not written yet
}
if (page !== before) writeFileSync(path, page);
process.stdout.write(`${path}: ${page === before ? 'up to date' : 'written'}\n`);
