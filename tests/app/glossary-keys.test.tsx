// The glossary does what a newcomer expects (issue 16, item 5): g opens at the entry the
// text on screen points to ("(g: root)"); Esc in its search clears the word typed and a second
// closes it (item 17), and once a search ended one Esc closes it, the keys after it in the same
// read acting in the lesson, no key lost.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { strings } from '../../src/app/strings.js';
import { entryFor, GLOSSARY, pointedEntry } from '../../src/lessons/glossary.js';
import { glossaryList } from '../../src/app/store/navigation.js';
import { LESSONS } from '../../src/lessons/index.js';
import { keysOfRead } from '../../src/app/use-keys.js';

const draw = appDrawer('glossary-keys', { lessons: LESSONS, restart: true, quiz: false });

describe('the glossary screen', () => {
  it('g opens at the entry the step\'s text points to, "(g: root)" / "（按 g 查 root）", not at the step\'s first new term (en, zh)', async () => {
    const overview = LESSONS.find((l) => l.id === 'overview')!;
    const ipcrm = overview.steps.findIndex((st) => st.id === 'ipcrm');
    const root = GLOSSARY.find((e) => e.id === 'CAP_IPC_OWNER')!;
    for (const lang of ['en', 'zh'] as const) {
      expect(overview.steps[ipcrm]!.say[lang]).toMatch(/\(g: root\)|（按 g 查 root）/);
      const r = await draw({ width: 80, height: 24, lang, lesson: 'overview' });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      for (let i = 0; i < ipcrm; i++) await r.press(KEYS.right);
      await r.waitFor(() => r.store.getState().view === ipcrm, 'the ipcrm step shown');
      await r.press('g');
      const f = await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary');
      expect(glossaryList(r.store.getState())[0]).toBe(root);
      expect(r.store.getState().menuCursor).toBe(0);
      await r.waitFor((f) => f.includes(`▶ ${root.name[lang]}`), `▶ on root's entry (${lang})`);
      // no "new at step" mark: root is not a new term there
      expect(f.split('\n').find((l) => l.includes(root.name[lang])) ?? '').not.toContain('◂');
      await r.press(KEYS.escape);
      await r.waitFor(() => r.store.getState().overlay === 'none', 'closed');
      // the step before points to none: g opens at its new terms as before
      await r.press(KEYS.left);
      await r.waitFor(() => r.store.getState().view === ipcrm - 1, 'the step before');
      await r.press('g');
      await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary again');
      expect(glossaryList(r.store.getState())[0]).not.toBe(root);
      await r.quit();
    }
  });

  it('keysOfRead: ESC ESC in one read is two Esc', () => {
    const esc = { ctrl: false, meta: true, escape: true } as never;
    expect(keysOfRead('', esc, '\x1b\x1b').map(([i, k]) => [i, k.escape])).toEqual([['', true], ['', true]]);
  });

  // s28f#2: after "/atime Enter" the first Esc only ended the search; testers then typed an
  // answer and Space into the glossary, taking them for the lesson's
  it('Esc while typing clears the word and a second closes the glossary; once Enter ended the search one Esc closes it, the keys after it acting in the lesson (en, zh)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const r = await draw({ width: 80, height: 24, lang });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      await r.press('g');
      await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary');
      await r.press('/', 's', 'e', 'm');
      await r.waitFor((f) => f.includes(s.glossaryFind('sem')), 'the word typed');
      // as in every search box, Esc clears the word typed (the search goes on), and a second closes
      // the glossary; the search's bar says which Esc does (issue 16 item 17)
      expect(r.lines().at(-1)).toMatch(lang === 'en' ? /Esc clear word/ : /Esc 清空/);
      await r.press(KEYS.escape);
      await r.waitFor(() => r.store.getState().find === '' && r.store.getState().overlay === 'glossary', 'Esc while typing cleared the word');
      await r.waitFor((f) => (f.split('\n').at(-1) ?? '').match(lang === 'en' ? /Esc close glossary/ : /Esc 关闭术语表/) !== null, 'the bar: Esc closes now');
      await r.press(KEYS.escape);
      await r.waitFor(() => r.store.getState().overlay === 'none', 'the second Esc closed it');
      expect(r.store.getState().find).toBeNull();
      // a search Enter ended (its word kept for n), then Esc and keys meant for the lesson in one write
      await r.press('g');
      await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary again');
      await r.press('/', 'i', 'p', 'c');
      await r.waitFor((f) => f.includes(s.glossaryFind('ipc')), 'typed again');
      await r.press(KEYS.enter);
      await r.waitFor(() => r.store.getState().find === null && r.store.getState().findLast === 'ipc', 'Enter ended the search, the word kept');
      expect(r.lines().at(-1)).toMatch(lang === 'en' ? /Esc close/ : /Esc 关闭/);
      await r.press(`${KEYS.escape}n`);
      await r.waitFor(() => r.store.getState().overlay === 'none' && r.store.getState().view === 1, 'Esc closed it; n went to the lesson (the next step shown)');
      expect(r.store.getState().findLast).toBeNull();
      await r.quit();
    }
  });

  // nc (session 26): "/started" left the cursor on sigprocmask, a hit of "s", beside "no entry holds the word"
  it('a query that matches nothing puts the cursor back where / found it, as vim does', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en' });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
    await r.press('g');
    await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary');
    await r.press(KEYS.down, KEYS.down);
    await r.waitFor(() => r.store.getState().menuCursor === 2, 'the cursor on the third entry');
    await r.press('/', 's');
    await r.waitFor(() => r.store.getState().find === 's', 's typed');
    expect(r.store.getState().menuCursor).not.toBe(2); // a hit of "s" elsewhere
    await r.press('q', 'x', 'z');
    await r.waitFor((f) => f.includes(strings('en').findNone), 'no entry holds "sqxz"');
    expect(r.store.getState().menuCursor).toBe(2);
    // (q would go into the query: Esc clears the word, a second closes the glossary)
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().find === '', 'the word cleared');
    expect(r.store.getState().menuCursor).toBe(2);
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().overlay === 'none', 'the glossary closed');
    await r.quit();
  });
});

// issue 16: g then /dest, Enter, n: a hit stood on the pane's last row, its text below the frame
// ("dest：还有 │"), and the learner concluded dest was never explained. Every landing of a
// search (typing, Enter, each n round the hits) puts the hit's heading on the top row, or, at
// the list's end, so that the whole entry shows.
describe('a search shows its hit from its heading down', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const)
    it(`${lang} ${width}x${height}: typing, Enter and every n`, async () => {
      const r = await draw({ width, height, lang });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      await r.press('g');
      await r.waitFor(() => r.store.getState().overlay === 'glossary', 'the glossary');
      const hitShown = (what: string) => {
        const rows = r.lines();
        const top = rows.findIndex((l) => l.startsWith('┌─'));
        const bottom = rows.findIndex((l, i) => i > top && l.startsWith('└'));
        const inside = rows.slice(top + 1, bottom);
        const at = inside.findIndex((l) => /^│ [▶>] /.test(l));
        const atEnd = !/[↓]/.test(rows[bottom]!);
        // the heading on the top row; at the list's end, lower, with the rest of the list under it
        expect(at === 0 || (at > 0 && atEnd && at < inside.length - 2), `${what}:\n${rows.join('\n')}`).toBe(true);
      };
      // the frame drawn with the cursor's entry marked
      const marked = async (what: string) => {
        const heading = glossaryList(r.store.getState())[r.store.getState().menuCursor]!.name[lang].slice(0, 8);
        await r.waitFor((f) => f.split('\n').some((l) => /^│ [▶>] /.test(l) && l.includes(heading)), `${what}: the hit marked`);
        hitShown(what);
      };
      await r.press('/', 'd', 'e', 's', 't');
      await r.waitFor((f) => f.includes(strings(lang).glossaryFind('dest')), 'dest typed');
      await marked('dest typed');
      // a word many entries hold: Enter, then n round them
      await r.press(KEYS.escape, KEYS.escape, 'g', '/', 's', 'h', 'm');
      await r.waitFor((f) => f.includes(strings(lang).glossaryFind('shm')), 'shm typed');
      await marked('shm typed');
      await r.press(KEYS.enter);
      await r.waitFor(() => r.store.getState().find === null, 'Enter ended the search');
      await marked('Enter');
      const hits = new Set<number>([r.store.getState().menuCursor]);
      for (let k = 0; k < 12; k++) {
        const was = r.store.getState().findLanded;
        await r.press('n');
        await r.waitFor(() => r.store.getState().findLanded === was + 1, `n ${k + 1}`);
        await marked(`n ${k + 1}`);
        hits.add(r.store.getState().menuCursor);
      }
      expect(hits.size).toBeGreaterThan(1);
      await r.quit();
    }, 120_000);
});

describe('the entries as a newcomer reads them', () => {
  const texts = GLOSSARY.flatMap((e) => (['en', 'zh'] as const).flatMap((lang) => [e.text[lang], ...(e.shows ?? []).map((p) => p.text[lang])].map((text) => ({ id: e.id, lang, text }))));

  it('an entry points to another by its name ("see the SHMMIN entry"), never by g (which closes the glossary) or "see the glossary" (the reader is in it); each names an entry', () => {
    const keyPointers = texts.filter(({ text }) => /\(g: |按 g|见术语表/.test(text)).map(({ id, lang }) => `${id} ${lang}`);
    expect(keyPointers).toEqual([]);
    const named = texts.flatMap(({ id, lang, text }) => [...text.matchAll(/see the (?:entry )?(.+?)(?: entry)?\)|见“?([^（）“”]+?)”?条目/g)].map((m) => ({ id, lang, word: (m[1] ?? m[2]!).split(/[,、]/)[0]!.trim() })));
    expect(named.length).toBeGreaterThan(4);
    const lost = named.filter(({ word }) => !entryFor(word) && !GLOSSARY.some((e) => [e.name.en, e.name.zh].some((t) => t.toLowerCase().startsWith(word.toLowerCase()))));
    expect(lost).toEqual([]);
  });

  it('semncnt and semzcnt say what their processes wait for: the value to grow, to become 0 (en, zh)', () => {
    const [n, z] = [entryFor('semncnt')!, entryFor('semzcnt')!];
    expect(n.text.en).toMatch(/asleep in semop, waiting for its value to grow/);
    expect(z.text.en).toMatch(/asleep in semop, waiting for its value to become 0/);
    expect(n.text.zh).toMatch(/睡在 semop 里，等它的值增加/);
    expect(z.text.zh).toMatch(/睡在 semop 里，等它的值变为 0/);
  });

  it('pointedEntry: the last pointer of a text, by term or heading; "(g: glossary)" is none', () => {
    expect(pointedEntry('a (g: semadj) then (g: semncnt) here')?.id).toBe('semncnt');
    expect(pointedEntry('root 的进程也可以（按 g 查 root）')?.id).toBe('CAP_IPC_OWNER');
    expect(pointedEntry('New terms: shmid (g: glossary)')).toBeUndefined();
  });
});
