// Wording newcomers stumbled on (issue 16), each as a rule over every lesson's source:
// one name for one thing (shmdt said both "old pointer" and "stale pointer"); a your-turn
// form is named without a position (shmget 3 put it "under the question", and the zh said
// below where it is above); a notice says "the diagram's … step", never quotes the Flow's
// label as if the Flow were on screen (overview 4: 'The Flow's "write" is plain stores').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'src', 'lessons');
const SOURCES = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') }));

/** Names of one thing: a lesson uses at most one of each set. */
const SYNONYMS = [['old pointer', 'stale pointer', 'dangling pointer'], ['旧指针', '失效指针', '悬空指针']];
/** Where the form is: it moves with the screen's size, so no text says it. */
const POSITION = /(?:under|below|above) the question|题目(?:下方|上方|下面|上面)的动手试/;
/** A quoted label of the Flow, as if the reader saw it. */
const FLOW_QUOTE = /The Flow\\?'s "[^"]+"/;
/** Wording newcomers misread (issue 16 item 8): a comparison that drops its verb ("Found by key,
 *  as a FIFO ... is by path" read as the segment being a FIFO); a "same" with a "not" beside it
 *  and no why ("the same top byte (the id 339 is not 'S')"); a "until step N sets" read as a
 *  condition on the learner. */
const MISREAD = [/\bas an? [^,.;]* is by\b/, /same top byte \(the id/, /stays until step \d+ sets/];

describe('wording', () => {
  it('one name per thing in each lesson', () => {
    for (const { file, text } of SOURCES) {
      for (const set of SYNONYMS) {
        const used = set.filter((w) => text.replace(/\\u00a0/g, ' ').includes(w));
        expect(used.length, `${file}: ${used.join(', ')}`).toBeLessThanOrEqual(1);
      }
    }
  });
  it('no text says where the your-turn form is', () => {
    for (const { file, text } of SOURCES) expect(POSITION.exec(text)?.[0], file).toBeUndefined();
  });
  it('no text quotes a Flow label as if on screen', () => {
    for (const { file, text } of SOURCES) expect(FLOW_QUOTE.exec(text)?.[0], file).toBeUndefined();
  });
  it('no wording newcomers misread', () => {
    for (const { file, text } of SOURCES) for (const re of MISREAD) expect(re.exec(text)?.[0], file).toBeUndefined();
  });
});
