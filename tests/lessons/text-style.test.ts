// The rules of style every text follows (src/lessons/text-style.ts): the ASCII apostrophe
// in English, a lesson named as a lesson; and a glossary entry findable by the word a
// "New terms" line names it by.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { restatesAnswer, spaceBeforeBracket, styleProblems, textStyleProblems } from '../../src/lessons/text-style.js';
import type { Lesson } from '../../src/lessons/types.js';
import { sourceRenderings, validateLessons, zhSpacingProblems } from '../../src/lessons/validate.js';

const ids = LESSONS.map((l) => l.id);
const style = { lessons: ids, numbers: true };

function copy(): Lesson[] {
  return LESSONS.map((l) => ({ ...l, steps: l.steps.map((s) => ({ ...s })) }));
}

describe('rules of style', () => {
  it('lesson prose: one colon a clause (lists after semicolons, brackets and code aside), in both languages', () => {
    const prose = { prose: true };
    expect(styleProblems('failed with ENOENT: the file does not exist: ftok needs a file', 'en', prose)).toHaveLength(1);
    expect(styleProblems('How ipclab does this: a C program does the fork, not ipclab: ipclab runs in Node', 'en', prose)).toHaveLength(1);
    expect(styleProblems('失败，errno 为 ENOENT：文件不存在：key 由文件算出', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('ENOENT: no such file. ftok: needs one', 'en', prose)).toEqual([]);
    expect(styleProblems('marks: ● made here; ○: another run', 'en', prose)).toEqual([]);
    expect(styleProblems('keys (e: errata, g: glossary): see them', 'en', prose)).toEqual([]);
    expect(styleProblems('rw: only you (and root: lesson 6, step 4)', 'en', prose)).toEqual([]);
    expect(styleProblems('`a::b`: a label at 16:30', 'en', prose)).toEqual([]);
    // the screen's templates and key labels are not held to it
    expect(styleProblems('failed with ENOENT: the file does not exist: ftok needs a file', 'en')).toEqual([]);
  });

  it('lesson prose: brackets never inside brackets, full-width or not; a call\'s brackets are no aside', () => {
    const prose = { prose: true };
    // the newcomer's (shmget step 5 and 6)
    expect(styleProblems('只有你的用户（以及 root，见第 6 课（shmctl）第 4 步）能映射它。', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('各调用 shmctl(id, IPC_RMID, NULL)（第 6 课（shmctl）细讲）。', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('only your user (and root, as lesson 6 (shmctl), step 4 shows) may attach', 'en', prose)).toHaveLength(1);
    expect(styleProblems('（见 (shmctl) 一课）', 'zh', prose)).toHaveLength(1);
    // one level, and calls inside an aside, are fine
    expect(styleProblems('各调用 shmctl(id, IPC_RMID, NULL)，第 6 课（shmctl）会细讲它。', 'zh', prose)).toEqual([]);
    expect(styleProblems('the last one (shmctl(id, IPC_RMID, NULL)) frees it', 'en', prose)).toEqual([]);
    expect(styleProblems('it reads `(a (b))` as code', 'en', prose)).toEqual([]);
    expect(styleProblems('only your user (and root, as lesson 6 (shmctl), step 4 shows) may attach', 'en')).toEqual([]);
  });

  it('lesson prose in Chinese: no half-width space after full-width punctuation or between Chinese characters; … not ...', () => {
    const prose = { prose: true };
    expect(styleProblems('解除的正好是那两个映射。 权限 600', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('（id 的值，文件 不动）', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('key 为 IPC_PRIVATE，ipcs 显示 0x00000000。', 'zh', prose)).toEqual([]);
    expect(styleProblems('每次 shmget(IPC_PRIVATE, ...) 都新建', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('Every shmget(IPC_PRIVATE, ...) creates one', 'en', prose)).toHaveLength(1);
    expect(styleProblems('Every shmget(IPC_PRIVATE, …) creates one', 'en', prose)).toEqual([]);
    // nor before a full-width opening quote or bracket (nc92: "好让 “内核”窗格")
    expect(styleProblems('好让 “内核”窗格一直显示它', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('见第 6 课 （shmctl）', 'zh', prose)).toHaveLength(1);
    expect(styleProblems('好让“内核”窗格一直显示它，C 窗格（按 c）', 'zh', prose)).toEqual([]);
  });

  it('Chinese: no half-width space before a full-width opening bracket, after Latin or digits too (nc: "IPC_PRIVATE （")', () => {
    const prose = { prose: true };
    for (const text of ['IPC_PRIVATE （key 为 0）', '权限 0400 （r--------）', '见第 6 课 （shmctl）', '/tmp/clnt   （对接 ipclab serv）', '按 g 查看 【术语表】']) {
      expect(styleProblems(text, 'zh', prose), text).toEqual([expect.stringContaining('before a full-width opening bracket')]);
      expect(spaceBeforeBracket(text), text).toBeDefined();
      // the texts built while a lesson runs are held to it too
      expect(zhSpacingProblems(text), text).toEqual([expect.stringContaining('before a full-width opening bracket')]);
    }
    for (const text of ['IPC_PRIVATE（key 为 0）', '权限 0400（r--------）', '它的值 (void *) -1', '`f （x）` 是代码']) {
      expect(styleProblems(text, 'zh', prose), text).toEqual([]);
      expect(zhSpacingProblems(text), text).toEqual([]);
    }
    // English is not held to it
    expect(styleProblems('mode 0400 （r）', 'en', prose)).toEqual([]);
  });

  it('every zh text of every lesson, static or built while it runs, has no half-width space before a full-width bracket', () => {
    const problems = validateLessons(LESSONS);
    expect(problems.filter((p) => p.includes('before a full-width opening bracket'))).toEqual([]);
    // a lesson text that breaks it is found, wherever in the lesson it is
    const lessons = copy();
    const shmctl = lessons.find((l) => l.id === 'shmctl')!;
    shmctl.steps[3] = { ...shmctl.steps[3], say: { ...shmctl.steps[3].say, zh: shmctl.steps[3].say.zh.replace('权限 0400（', '权限 0400 （') } };
    expect(shmctl.steps[3].say.zh).toContain('0400 （');
    expect(validateLessons(lessons).filter((p) => p.includes('before a full-width opening bracket'))).toHaveLength(1);
  });

  it('Chinese spacing, in texts built while a lesson runs too: a space between Latin and Chinese, none after full-width punctuation', () => {
    expect(zhSpacingProblems('它自己调用的 shmdt使 lpid 变成它')).toHaveLength(1);
    expect(zhSpacingProblems('解除的正好是那两个映射。 权限 600')).toHaveLength(1);
    expect(zhSpacingProblems('它自己调用的 shmdt 使 lpid 变成它。权限 600')).toEqual([]);
    expect(zhSpacingProblems('`ipcs` 列出（`-m` 共享内存，`-q` 消息队列）')).toEqual([]);
    // a template: each branch of a hole in its place (kit.ts wrote "shmdt使"), an unknown value as neither
    const problems = (literal: string) => sourceRenderings(literal).flatMap(zhSpacingProblems);
    expect(problems("`这次映射和${own ? '它自己调用的 shmdt' : '内核做的解除映射'}使 lpid 变成它`")).toHaveLength(1);
    expect(problems("`这次映射和${own ? '它自己调用的 shmdt ' : '内核做的解除映射'}使 lpid 变成它`")).toEqual([]);
    expect(problems('`偏移：${offset} 加 ${bytes} 字节`')).toEqual([]);
    expect(problems('`映射。 ${x}`')).toHaveLength(1);
    // a call's argument is not what the hole shows
    expect(problems("`0${SHARED[lang].remark(lang === 'en' ? 'never' : '从未')}`")).toEqual([]);
  });

  it('an explanation neither starts nor ends on the answer the line above it shows', () => {
    expect(restatesAnswer('Still listed, nattch 0: the last detach frees only a removed segment.', 'nattch 0, still listed')).toBe('starts');
    expect(restatesAnswer('还在列表里，nattch 为 0：只有已删除的段在最后一次解除时释放。', 'nattch 为 0，还在列表里')).toBe('starts');
    expect(restatesAnswer('size must be at least SHMMIN bytes (1): EINVAL.', 'EINVAL')).toBe('ends');
    expect(restatesAnswer('The last detach frees only a removed segment, so it is still listed.', 'nattch 0, still listed')).toBeUndefined();
    expect(restatesAnswer('shmat returned -1, EINVAL: no segment has id -1.', 'EINVAL')).toBeUndefined();
  });

  it('English goes on in lower case after a colon, unless with a name', () => {
    expect(styleProblems('How ipclab does this: A C program forks', 'en')).toHaveLength(1);
    expect(styleProblems('How ipclab does this: a C program forks', 'en')).toEqual([]);
    expect(styleProblems('the next pane: Kernel, then Flow', 'en')).toEqual([]);
    expect(styleProblems('它是：A 程序', 'zh')).toEqual([]);
  });

  it('English uses the ASCII apostrophe; Chinese quotes are left alone', () => {
    expect(styleProblems('the lesson’s values', 'en')).toHaveLength(1);
    expect(styleProblems("the lesson's values", 'en')).toEqual([]);
    expect(styleProblems('他说‘好’', 'zh')).toEqual([]);
  });

  it('a lesson is named as a lesson, with its number and its name, in both languages', () => {
    expect(styleProblems('(and root: shmctl step 4)', 'en', style)).toHaveLength(1);
    expect(styleProblems('（见 shmctl 第 4 步）', 'zh', style)).toHaveLength(1);
    expect(styleProblems('lesson 7 has two', 'en', style)).toHaveLength(1);
    expect(styleProblems('第 7 课有两个进程', 'zh', style)).toHaveLength(1);
    expect(styleProblems('(and root: lesson 6 (shmctl), step 4)', 'en', style)).toEqual([]);
    expect(styleProblems('（见第 6 课（shmctl）第 4 步）', 'zh', style)).toEqual([]);
    // a step of the lesson itself, and a call's own name, are no reference to a lesson
    expect(styleProblems('the next step (8) detaches; shmctl(IPC_STAT) then', 'en', style)).toEqual([]);
    expect(styleProblems('下一步（第 8 步）', 'zh', style)).toEqual([]);
    // by its id alone (nc92: "serv-clnt 则给消息编号"), where the id is no call's name
    expect(styleProblems('serv-clnt 则给消息编号', 'zh', style)).toHaveLength(1);
    expect(styleProblems('and numbered messages in serv-clnt.', 'en', style)).toHaveLength(1);
    expect(styleProblems('第 8 课（服务端与客户端）则给消息编号', 'zh', style)).toEqual([]);
    // a file, a diagram and code named after it are not the lesson
    expect(styleProblems('serv-clnt.c 和 `ipclab run serv-clnt` 以及 serv-clnt-2', 'zh', style)).toEqual([]);
  });

  it('ipclab check finds a broken rule in any text of a lesson, the glossary or the errata', () => {
    const lessons = copy();
    lessons[0].steps[0].notice = { ...lessons[0].steps[0].notice, en: 'Rows ipclab didn’t make: see shmctl step 4.' };
    const problems = validateLessons(lessons);
    expect(problems.filter((p) => p.startsWith("lesson 'overview': the en text"))).toHaveLength(2);
    expect(textStyleProblems('glossary', [{ name: { en: 'x', zh: 'x' }, text: { en: 'the kernel’s', zh: '见 shmat 第 2 步' } }], style)).toHaveLength(2);
  });

  it('holds in the source of every lesson, with the texts built while a lesson runs', () => {
    // an explanation is a function of the live run: ipclab check cannot read it, its source can
    const dir = join(__dirname, '../../src/lessons');
    const literals = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'text-style.ts')
      .flatMap((f) => (readFileSync(join(dir, f), 'utf8').match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? []).map((l) => ({ f, l })));
    const broken = literals.flatMap(({ f, l }) => styleProblems(l, /[\u4e00-\u9fff]/.test(l) ? 'zh' : 'en', style).map((p) => `${f}: ${l.slice(0, 50)} ${p}`));
    expect(broken).toEqual([]);
  });
});

describe('glossary entries are findable', () => {
  it('by every word a "New terms" line names them by: their heading shows it, before any bracket', () => {
    expect(validateLessons(LESSONS)).toEqual([]);
    const owner = GLOSSARY.find((e) => e.id === 'uid')!;
    expect(owner.name.zh).toContain('owner');
    // a heading without the word fails, though g's search finds the entry by it (s25b let such a
    // word pass: st_dev, key_t, kill, FIFO, do_msgrcv, 属主 were in no heading; s26d#1)
    const broken = GLOSSARY.map((e) => (e.id === 'uid' ? { ...e, name: { en: e.name.en, zh: '属主：uid、gid' } } : e));
    expect(validateLessons(LESSONS, undefined, broken)).toContain(
      `lesson 'overview' step 'ipcs': its "New terms" line (zh) names 'owner', which the heading of glossary entry 'uid' ("属主：uid、gid") does not show before any bracket: put the word the text uses first, the other name in brackets`,
    );
    // a word the search finds by the entry's terms alone: msg 4's do_msgrcv, under wchan's heading as
    // it was before s26d (g's search found it, the headings did not show it)
    const planted = GLOSSARY.map((e) => (e.id === 'wchan' ? { ...e, name: { en: 'wchan: where a process sleeps', zh: e.name.zh } } : e));
    expect(validateLessons(LESSONS, undefined, planted).join('\n')).toMatch(/lesson 'msg' step 'blocked': its "New terms" line \(en\) names 'do_msgrcv', which the heading of glossary entry 'wchan'/);
    // nor does a heading that holds the word only in brackets: the learner scans the headings' first words
    const bracketed = GLOSSARY.map((e) => (e.id === 'cas' ? { ...e, name: { en: e.name.en, zh: 'compare-and-swap（比较并交换）' } } : e));
    // a text that says 比较并交换 (serv-clnt 2's said it until fix23a)
    const casing = LESSONS.map((l) => (l.id === 'serv-clnt' ? { ...l, steps: l.steps.map((st, i) => (i === 1 ? { ...st, say: { en: st.say.en, zh: `${st.say.zh}用比较并交换。` } } : st)) } : l));
    expect(validateLessons(casing, undefined, bracketed).join('\n')).toContain(`names '比较并交换', which the heading of glossary entry 'cas' ("compare-and-swap（比较并交换）") does not show before any bracket`);
    // a lesson started from the menu names more words on its lines: they are held to it too
    // (key_t first at shmget 1 for a learner who starts there; at ftok 2 it is step 1's key, met)
    const keyless = GLOSSARY.map((e) => (e.id === 'key' ? { ...e, name: { en: 'key', zh: 'key' } } : e));
    expect(validateLessons(LESSONS, undefined, keyless).join('\n')).toMatch(/lesson 'shmget' step 'first': its "New terms" line \(en\) names 'key_t'/);
  }, 120_000);
});
