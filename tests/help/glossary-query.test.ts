// `ipclab glossary QUERY` prints the entries whose name or text holds QUERY (either
// language, any case); none matching is said on stderr with status 1. With no query, every
// entry, wrapped within 78 columns.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { entryText, firstHit, GLOSSARY, glossaryMatches } from '../../src/lessons/glossary.js';
import { entryLines } from '../../src/app/components/entry-list.js';
import { cli } from '../lessons/helpers.js';
import { bestFirst } from '../../src/commands/glossary.js';

const bin = join(__dirname, '../../bin/ipclab.mjs');
const ipclab = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('ipclab glossary QUERY', () => {
  it('matches names and texts in either language, any case', () => {
    const nattch = glossaryMatches('NATTCH');
    expect(nattch.length).toBeGreaterThan(0);
    expect(nattch.length).toBeLessThan(GLOSSARY.length);
    // the parts the screen holds back count: the command prints them
    expect(nattch.every((e) => `${e.name.en}${entryText(e, 'en')}`.toLowerCase().includes('nattch'))).toBe(true);
    expect(glossaryMatches('信号量').length).toBeGreaterThan(0);
  });

  it('puts the entries named by the query before those whose text only mentions it', () => {
    const found = glossaryMatches('nattch');
    const named = found.filter((e) => `${e.name.en}${e.name.zh}`.toLowerCase().includes('nattch'));
    expect(named.length).toBeGreaterThan(0);
    expect(found.length).toBeGreaterThan(named.length);
    expect(found.slice(0, named.length)).toEqual(named);
  });

  it('fix18f#4: the entries whose heading holds the query first, then those whose text does, each in the list\'s order: match 2 is never above match 1 among them', () => {
    const rank = (e: (typeof GLOSSARY)[number], q: string) => ([e.name.en, e.name.zh].some((t) => t.toLowerCase().includes(q)) ? 0 : 1);
    // "/owner": root：CAP_IPC_OWNER and owner（属主）, both headings, in the list's order (owner was 1 of 7, below root, 2 of 7)
    const owner = glossaryMatches('owner');
    expect(owner.slice(0, 2).map((e) => e.name.en.split(':')[0])).toEqual(['root', 'owner']);
    expect(glossaryMatches('OWNER').map((e) => e.id)).toEqual(owner.map((e) => e.id));
    // every query that is some entry's name's first word: the headings first, each group down the list
    const queries = [...new Set(GLOSSARY.flatMap((e) => [e.name.en, e.name.zh].map((n) => n.toLowerCase().split(/[\s：:（(、,]/)[0]!)))].filter((q) => q.length > 1);
    expect(queries.length).toBeGreaterThan(20);
    for (const q of queries) {
      const found = glossaryMatches(q);
      const ranks = found.map((e) => rank(e, q));
      expect(ranks[0], q).toBe(0);
      expect(ranks, q).toEqual([...ranks].sort((a, b) => a - b));
      for (const r of [0, 1]) {
        const at = found.filter((e) => rank(e, q) === r).map((e) => GLOSSARY.indexOf(e));
        expect(at, `${q}, ${r === 0 ? 'headings' : 'texts'}`).toEqual([...at].sort((a, b) => a - b));
      }
    }
  });

  it('fix22d1#7: a search lands first on the entry whose heading starts with the query ("/owner": owner, not root：CAP_IPC_OWNER above it)', () => {
    const owner = glossaryMatches('owner');
    const at = firstHit('owner', owner);
    expect(at).toBeGreaterThan(0);
    expect(owner[at]!.name.en).toMatch(/^owner\b/);
    expect(owner[firstHit('OWNER', owner)]).toBe(owner[at]);
    // no heading starts with the query: the first match that holds it as a word of its own
    const text = glossaryMatches('always');
    expect(firstHit('always', text)).toBe(0);
    // "/ack" landed on "P and V" for its "back" (a newcomer pass): on the entry of the field ack
    const ack = glossaryMatches('ack');
    expect(ack[firstHit('ack', ack)]!.name.en).toMatch(/ipclab_rv/);
    // every heading's first word lands on an entry that heading starts with
    for (const e of GLOSSARY) {
      const q = e.name.en.toLowerCase().split(/[\s:,(]/)[0]!;
      if (q.length < 2) continue;
      const found = glossaryMatches(q);
      expect(found[firstHit(q, found)]!.name.en.toLowerCase().startsWith(q), q).toBe(true);
    }
  });

  it('the glossary screen shows a search\'s hit on its top row (as far as the list goes), not on the bottom row under the entries above it', () => {
    const entries = GLOSSARY.map((e) => ({ heading: e.name.zh, parts: [{ text: e.text.zh }] }));
    for (const [width, rows] of [[118, 30], [78, 20]] as const) {
      const { lines } = entryLines(entries, 0, width, rows, false);
      const heads = lines.flatMap((l, i) => (i === 0 || (lines[i - 1]!.length === 0 && l.length > 0) ? [i] : []));
      expect(heads.length).toBe(entries.length);
      entries.forEach((_, i) => {
        const hit = entryLines(entries, i, width, rows, false, true).offset;
        expect(hit, `entry ${i} at ${width}`).toBe(Math.max(0, Math.min(heads[i]!, lines.length - rows)));
        // moved to by ↑↓ (no search), the window moves no more than it must: the entry ends it
        const moved = entryLines(entries, i, width, rows, false).offset;
        expect(moved).toBeLessThanOrEqual(hit);
      });
      const owner = GLOSSARY.indexOf(glossaryMatches('owner').find((e) => e.name.en.startsWith('owner'))!);
      expect(entryLines(entries, owner, width, rows, false, true).offset).toBe(heads[owner]);
      expect(entryLines(entries, owner, width, rows, false).offset).toBeLessThan(heads[owner]!);
      // opened at an entry: from the list's start while the whole entry fits under it, else on the top row (fix20d#8)
      entries.forEach((_, i) => {
        const open = entryLines(entries, i, width, rows, false, 'open');
        expect(open.offset, `opened at entry ${i} at ${width}`).toBe(open.span[1] <= rows ? 0 : entryLines(entries, i, width, rows, false, true).offset);
      });
      expect(entryLines(entries, 1, width, rows, false, 'open').offset).toBe(0);
      expect(entryLines(entries, owner, width, rows, false, 'open').offset).toBe(heads[owner]);
    }
  });

  it('fix27c#5: `ipclab glossary WORD` prints the best match first: an exact term, then a term starting with it, then the rest as the screen\'s search has them', () => {
    // the headings printed, in order (an entry's heading is the line before its indented text)
    const headings = (q: string) => ipclab('glossary', q, '--lang', 'en').stdout.split('\n').filter((l) => l.length > 0 && !l.startsWith(' '));
    const owner = headings('owner');
    // owner's own entry, not "root: CAP_IPC_OWNER" (above it in the list, and in the screen's search)
    expect(owner[0]).toMatch(/^owner:/);
    expect(owner).toContain('root: CAP_IPC_OWNER, CAP_SYS_ADMIN');
    expect(headings('OWNER')).toEqual(owner);
    expect(headings('属主')[0]).toMatch(/^owner:/);
    // the screen's search keeps the list's order (its Enter goes on down the list): root first there
    expect(glossaryMatches('owner')[0]!.name.en).toMatch(/^root/);
    // every term of every entry: an entry with that term is printed first, and the ranks never go back
    const lower = (e: (typeof GLOSSARY)[number]) => [...e.terms, ...[e.name.en, e.name.zh].flatMap((n) => n.split(/[\s:：,，、()（）]+/))].map((t) => t.toLowerCase());
    const rank = (e: (typeof GLOSSARY)[number], q: string) => (lower(e).includes(q) ? 0 : lower(e).some((t) => t.startsWith(q)) ? 1 : 2);
    const terms = [...new Set(GLOSSARY.flatMap((e) => e.terms))].filter((t) => t.length > 1);
    expect(terms.length).toBeGreaterThan(50);
    for (const t of terms) {
      const q = t.toLowerCase();
      const found = bestFirst(t);
      expect(rank(found[0]!, q), t).toBe(0);
      const ranks = found.map((e) => rank(e, q));
      expect(ranks, t).toEqual([...ranks].sort((a, b) => a - b));
      // those the screen's search finds, none lost; besides them only entries with such a term
      // (shm_nattch: nattch's term, which its heading and text do not spell)
      expect(found).toEqual(expect.arrayContaining(glossaryMatches(t)));
      expect(found.filter((e) => !glossaryMatches(t).includes(e)).every((e) => rank(e, q) < 2), t).toBe(true);
    }
    // a word no term starts with: the screen's order (headings, then texts)
    expect(bestFirst('always')).toEqual(glossaryMatches('always'));
  });

  it('prints only the matching entries; none matching: status 1 and a line on stderr', () => {
    const out = ipclab('glossary', '+5↓', '--lang', 'en');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('the step list');
    expect(out.stdout).not.toContain('struct shmid_ds');
    const none = ipclab('glossary', 'zzzq-none');
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('zzzq-none');
  });
});

describe('ipclab glossary', () => {
  it('glossary: every entry, wrapped within 78 columns; --json is the data', async () => {
    const en = await cli(['glossary', '--lang', 'en']);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    const lines = en.stdout.split('\n');
    for (const e of GLOSSARY) expect(lines).toContain(e.name.en);
    expect(Math.max(...en.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(JSON.parse((await cli(['glossary', '--json'])).stdout)).toEqual(GLOSSARY);
    // one word is a query (none holds this one: status 1); a second is a usage error
    expect((await cli(['glossary', 'zzqx'])).code).toBe(1);
    expect((await cli(['glossary', 'a', 'b'])).code).toBe(2);
  });
});
