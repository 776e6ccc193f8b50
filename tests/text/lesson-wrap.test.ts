// Every lesson text and feedback as the lesson pane wraps it, at the widths its text gets (80x24:
// beside the step list, narrow or titled, ~48 and ~70 cells; 120x34: the pane over the flow,
// ~44 cells), en and zh, read for the breaks newcomer pass 6 stumbled on (issue 16):
//  - a line ending in an opening bracket ("ftok(" over the path on the next line);
//  - a label alone on its line whose text could start on it ("✓ 小测 3/3：" over the question);
//  - a break inside a Chinese word of the vocabulary (KEPT, the glossary's), or between a
//    determiner and its 一 (内核的同 / 一张表: ICU's 同|一张);
//  - a line ending with 8 or more free cells when the next line's first word would fit on it
//    (en shmdt check 2: "…keeps using the" / "old pointer." with room left: a word of plain words
//    held as one, "old pointer.", is a word there; a number with its unit, a flag, a code span is not cut).
import { describe, expect, it } from 'vitest';
import { cells, wordsHeld, wrap, wrapUnits } from '../../src/text/cells.js';
import { HAN, KEPT } from '../../src/text/zh-words.js';
import { LESSONS } from '../../src/lessons/index.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { strings } from '../../src/app/strings.js';
import { layoutText } from '../../src/app/text-fit.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';
import type { Lang } from '../../src/lang.js';
import type { Text } from '../../src/lessons/types.js';

const WIDTHS = [44, 45, 47, 48, 68, 70, 71, 72];
const LANGS: Lang[] = ['en', 'zh'];

/** Each text the pane shows, as it composes it: labels and all. */
function texts(lang: Lang): { where: string; text: string }[] {
  const s = strings(lang);
  const out: { where: string; text: string }[] = [];
  const t = (x: Text | undefined) => x?.[lang] ?? '';
  for (const lesson of LESSONS) {
    const at = (w: string, text: string) => text && out.push({ where: `${lesson.id} ${w}`, text });
    at('intro', t(lesson.intro));
    at('outro', t(lesson.outro));
    at('aside', lesson.aside ? `${s.aside}${s.colon}${t(lesson.aside)}` : '');
    lesson.steps.forEach((step, i) => {
      at(`step ${i + 1} heading`, `▶ ${s.step} ${i + 1}/${lesson.steps.length}${s.colon}${t(step.title)}`);
      at(`step ${i + 1} say`, t(step.say));
      at(`step ${i + 1} notice`, `${s.noticeOfStep(i + 1)}${s.colon}${t(step.notice)}`);
      if (step.aside) at(`step ${i + 1} aside`, `${s.aside}${s.colon}${t(step.aside)}`);
      const cp = lesson.checkpoints?.[step.id];
      if (!cp) return;
      at(`step ${i + 1} question`, `${s.question}${s.colon}${t(cp.question)}`);
      at(`step ${i + 1} hint`, t(cp.hint));
      cp.choices.forEach((c, k) => c.whyNot && at(`step ${i + 1} why not ${k + 1}`, s.quizWrong(listedChoice(cp.choices, k, lang), t(c.whyNot))));
    });
    const check = lesson.check ?? [];
    check.forEach((q, k) => {
      const title = `${s.checkTitle(k + 1, check.length)}${s.colon}${t(q.question)}`;
      at(`check ${k + 1} question`, title);
      at(`check ${k + 1} answered`, `✓ ${title}`);
      at(`check ${k + 1} right`, `${s.quizRight(listedChoice(q.choices, q.answer, lang))}${s.sentenceGap}${t(q.explain)}`);
      at(`check ${k + 1} answer`, `${s.checkAnswer}${s.colon}${listedChoice(q.choices, q.answer, lang)}${s.stop}${t(q.explain)}`);
    });
  }
  // a checkpoint's feedback quotes the run's calls (ftok 2: its path in the step's own folder)
  const call = '`ftok("/tmp/ipclab-ftok-Ab12Cd/another-name", \'S\')`';
  out.push({ where: 'ftok 2 feedback (a run\'s)', text: lang === 'zh' ? `经过硬链接：${call} 返回 0x53012345，和第一次调用的 key 一样：ftok 读的是 inode，而硬链接和原文件是同一个 inode。` : `Through the hard link: ${call} returned 0x53012345, the first call's key: ftok reads the inode, and a hard link shares it.` });
  return out;
}

// the labels a text starts with: a line of only one is alone where its text could start on it
function labels(lang: Lang): string[] {
  const s = strings(lang);
  return [s.question, s.checkAnswer, s.aside, s.notice, `${s.checkTitle(9, 9)}`.replace(/9\/9/, '\\d+/\\d+')].map((l) => l.replace(/[()（）]/g, '\\$&'));
}

// the Chinese words no line may break inside: KEPT and the glossary's names and terms
const WORDS = [...new Set([...KEPT, ...GLOSSARY.flatMap((e) => [...e.terms, e.name.zh]).flatMap((w) => w.match(/\p{Script=Han}{2,}/gu) ?? [])])].filter((w) => w.length <= 6);
const DETERMINERS = '同每这那哪另任';

/** Per line of `lines` (the wrap of `units`' text), the unit it starts with; '' for a line that
 *  starts inside one (a word cut for length). */
function firstUnits(lines: readonly string[], units: readonly string[]): string[] {
  const starts = new Map<number, string>();
  let at = 0;
  for (const u of units) {
    starts.set(at, u);
    at += u.length;
  }
  const text = units.join('');
  let pos = 0;
  return lines.map((line) => {
    if (line === '') return '';
    const found = text.indexOf(line, pos);
    if (found < 0) return '';
    pos = found + line.length;
    const unit = starts.get(found);
    if (unit === undefined) return '';
    // the space wrap drops at the break comes back between the lines
    const before = text.slice(0, found).match(/ +$/)?.[0] ?? '';
    return `${before}${unit.trimEnd()}`;
  });
}

/** What is awkward about `lines`, the wrap of `text` at `width`. */
function awkward(lines: string[], width: number, lang: Lang, units: string[] = []): string[] {
  const out: string[] = [];
  const heads = firstUnits(lines, units);
  const label = new RegExp(`^(?:[✓≠-] )?(?:${labels(lang).join('|')})(?:${lang === 'zh' ? '：' : ':'})$`);
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    if (next === undefined || next === '') return;
    const l = line.trimEnd();
    if (/[(\[{（「“‘《]$/.test(l)) out.push(`ends in an opening bracket: "${l}" / "${next}"`);
    if (label.test(l.replace(/\u00a0/g, ' '))) out.push(`a label alone: "${l}" / "${next}"`);
    if (lang === 'zh' && HAN.test(l.slice(-1)) && HAN.test(next[0] ?? '')) {
      const across = l.slice(-6) + next.slice(0, 6);
      const cut = l.slice(-6).length;
      for (const w of WORDS) {
        for (let at = across.indexOf(w); at >= 0; at = across.indexOf(w, at + 1)) if (at < cut && at + w.length > cut) out.push(`${w} cut: "${l}" / "${next}"`);
      }
      if (DETERMINERS.includes(l.slice(-1)) && next[0] === '一') out.push(`${l.slice(-1)}|一 cut: "${l}" / "${next}"`);
    }
    // room left where the next line's first unit fits: what wrap holds as one (wrapUnits: a word
    // with its NO_BREAK neighbours, a held code span or phrase, a short bracketed group)
    const free = width - cells(l);
    // plain words held as one ("old pointer.", "System V IPC") break at their spaces where a line
    // would be left short (cells.ts wordsHeld): their first word is what would have fit
    const unit = heads[k + 1] ?? '';
    const first = lang === 'en' && wordsHeld(unit) ? unit.trim().split(/[ \u00a0]+/)[0]! : unit;
    if (free >= 8 && first.trim() && cells(l) > 0 && cells(first) <= free) out.push(`${free} cells free, "${first}" fits: "${l}" / "${next}"`.replace(`"${first}" fits`, `"${first.trim()}" fits`));
  });
  return out;
}

describe('lesson texts wrap where a reader expects', () => {
  for (const lang of LANGS)
    it(`${lang}: no bracket at a line's end, no label alone, no word cut, no room left unused`, () => {
      const out: string[] = [];
      for (const { where, text } of texts(lang))
        for (const width of where.includes('feedback') ? [...WIDTHS, 36, 38, 40, 41, 42, 43] : WIDTHS) {
          const laid = layoutText(false).text(text);
          const lines = wrap(laid, width, { code: true });
          for (const a of awkward(lines, width, lang, wrapUnits(laid, width, { code: true }).flat())) out.push(`${where} @${width}: ${a}`);
        }
      expect([...new Set(out)].join('\n')).toBe('');
    });

  it('the checks can fail', () => {
    expect(awkward(['ftok(', '"/x",'], 20, 'en')).toHaveLength(1);
    expect(awkward(['✓ 小测 3/3：', '问题'], 20, 'zh')).toHaveLength(1);
    expect(awkward(['读的是内核的同', '一张表'], 20, 'zh')).toHaveLength(1);
    expect(awkward(['读的是内', '核的表'], 20, 'zh')).toHaveLength(1);
    const text = 'a program keeps using the old\u00a0pointer.';
    expect(awkward(['a program keeps using the', 'old\u00a0pointer.'], 40, 'en', wrapUnits(text, 40).flat())).toHaveLength(1);
  });
});
