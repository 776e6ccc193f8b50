// `ipclab glossary [QUERY] [--json]`: every term the lessons use, and the marks of the trace
// and the flow, in the language asked for (both in the JSON); with QUERY, only the entries
// whose name or text holds it, in either language, in any case, the best match first
// (bestFirst: an entry with the query as a term, then one with a term starting with it, then
// one whose heading holds it, then one whose text does).
// It prints every entry whole: the parts the screen holds back until a step ran too (`shows`).
import type { Options } from '../options.js';
import { wrap } from '../lessons/format.js';
import { entryText, GLOSSARY, glossaryMatches, type GlossaryEntry } from '../lessons/glossary.js';
import { EXIT } from '../exit-codes.js';

const WIDTH = 78;
const INDENT = '    ';

export async function run(options: Options): Promise<number> {
  const query = options.positionals[0];
  const entries = query === undefined ? GLOSSARY : bestFirst(query);
  if (entries.length === 0) {
    process.stderr.write(options.lang === 'zh' ? `术语表里没有含有“${query}”的条目\n` : `no glossary entry holds "${query}"\n`);
    return EXIT.failed;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(entries)}\n`);
    return 0;
  }
  const out = entries.flatMap((e) => [e.name[options.lang], ...wrap(entryText(e, options.lang), WIDTH - INDENT.length).map((l) => `${INDENT}${l}`), '']);
  process.stdout.write(out.join('\n'));
  return 0;
}

/** An entry's terms, in any case: those it explains and the words of its heading in either
 *  language ("owner: uid, gid" names owner, uid, gid; "owner（属主）" owner and 属主). */
function termsOf(e: GlossaryEntry): string[] {
  const heading = [e.name.en, e.name.zh].flatMap((n) => n.split(/[\s:：,，、()（）]+/));
  return [...e.terms, ...heading].filter((t) => t.length > 0).map((t) => t.toLowerCase());
}

/** The entries that hold `query` with the best match first: an entry one of whose terms is the
 *  query ("owner": owner's entry), then one with a term starting with it, then the others as
 *  glossaryMatches has them (those whose heading holds it, then those whose text does, each in
 *  the list's order: "root: CAP_IPC_OWNER" holds owner only inside a word). An entry found by its
 *  term alone (shm_nattch: nattch's term, which its heading and text do not spell) counts too. The
 *  glossary screen's search keeps the list's order (its Enter goes down the list). */
export function bestFirst(query: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  const q = query.replace(/\(\)$/, '').toLowerCase();
  const rank = (e: GlossaryEntry) => {
    const terms = termsOf(e);
    return terms.includes(q) ? 0 : terms.some((t) => t.startsWith(q)) ? 1 : 2;
  };
  const found = glossaryMatches(query, glossary);
  const byTerm = glossary.filter((e) => !found.includes(e) && rank(e) < 2);
  return [...byTerm, ...found].map((e, i) => ({ e, i, r: rank(e) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ e }) => e);
}
