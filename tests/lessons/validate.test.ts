// The validator passes on the real lessons and catches each rule broken on purpose;
// the orphan check finds a C file or diagram no lesson uses. That `ipclab check` passes on
// the repository: tests/lessons/add-lesson.test.ts, with the other runs of the CLI's check,
// so this file runs side by side (tests/helpers/side-by-side.ts).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { orphanFiles } from '../../src/lessons/orphans.js';
import type { Lesson } from '../../src/lessons/types.js';
import { cCommentProblems, cDefined, documentedHelperProblems, helperCallProblems, screenWordProblems, stringStyleProblems, validateLessons } from '../../src/lessons/validate.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
const ROOT = join(import.meta.dirname, '..', '..');
import { testTempDir } from '../helpers/temp-dir.js';

/** A copy deep enough to break one field without touching the real lessons. */
function copy(): Lesson[] {
  return LESSONS.map((l) => ({
    ...l,
    title: { ...l.title },
    code: l.code.map((f) => ({ ...f })),
    steps: l.steps.map((s) => ({ ...s, say: { ...s.say }, notice: { ...s.notice } })),
  }));
}

function broken(change: (lessons: Lesson[]) => void): string[] {
  const lessons = copy();
  change(lessons);
  return validateLessons(lessons);
}

/** broken, without what the open-screens rule finds: a fixture that adds a diagram or a file,
 *  or lights less, also opens labels and lines before questions (tests/lessons/open-screens.test.ts). */
/** Overview 1's Chinese say replaced by `zh`, a text with no glossary term, and "key",
 *  the one term only that say names, left out of the English too: else the two
 *  languages would meet it at different steps, another rule's problem. */
const overviewSayZh = (zh: string) =>
  broken((ls) => {
    const say = ls[0].steps[0].say;
    ls[0].steps[0].say = { en: say.en.replace(': key names it, id numbers it', ''), zh };
  });

const brokenOnly = (change: (lessons: Lesson[]) => void) => broken(change).filter((p) => !p.includes('which the learner can open before answering'));

describe('validateLessons', () => {
  it('finds nothing wrong with the lessons as shipped', () => {
    expect(validateLessons(LESSONS)).toEqual([]);
  });

  it('catches a step title that names what a question of its lesson answers: an errno, the answer\'s label or its words (fix16f#2)', () => {
    const retitle = (ls: Lesson[], lesson: string, step: string, title: { en: string; zh: string }) => {
      const l = ls.find((x) => x.id === lesson)!;
      l.steps = l.steps.map((s) => (s.id === step ? { ...s, title } : s));
    };
    const problems = broken((ls) => {
      // (msg 5 naming EAGAIN was found here while msg 4's choices were ENOMSG and EAGAIN; since
      // issue 16 they say what the call does, and no choice names an errno with its meaning:
      // tests/lessons/choice-gloss.test.ts)
      // shmat 6 saying the check's "the same memory" (check 2's "is stored, and the first mapping
      // reads it" was, until it answered check 3: issue 16), shmat 7 its "(void *) -1"
      retitle(ls, 'shmat', 'rdonly', { en: 'SHM_RDONLY: the same memory', zh: 'SHM_RDONLY 映射，再写入' });
      retitle(ls, 'shmat', 'bad-id', { en: 'shmat(-1, NULL, 0): what comes back', zh: 'shmat 失败：(void *) -1' });
      // a Chinese title naming a choice of a later step's checkpoint (any choice: the run answers it)
      retitle(ls, 'shmctl', 'perms-other', { en: 'Another user maps it', zh: '还在，key 变为 0x00000000' });
    });
    const mine = problems.filter((p) => p.includes('say what the step does')).sort();
    expect(mine).toEqual([
      "lesson 'shmat' step 'rdonly': its title (en) names 'the same memory', the answer of check question 3: say what the step does, not what comes of it",
      "lesson 'shmat' step 'rdonly': its title (en) says 'the same memory' of 'the same memory', the answer of check question 3: say what the step does, not what comes of it",
      "lesson 'shmat' step 'bad-id': its title (zh) names '(void *) -1', the answer of check question 1: say what the step does, not what comes of it",
      "lesson 'shmctl' step 'perms-other': its title (zh) names '还在，key 变为 0x00000000', the answer of checkpoint 'rmid': say what the step does, not what comes of it",
    ].sort());
    // the errno every choice names, or the question does, points at none; nor does the step's call
    expect(broken((ls) => retitle(ls, 'msg', 'full', { en: 'Fill the queue to msg_qbytes with msgsnd', zh: '用 msgsnd 把队列填到 msg_qbytes 为止' })).filter((p) => p.includes('say what the step does'))).toEqual([]);
  });

  it("catches a later step's title that removes the object a question asks is still there (fix20b)", () => {
    const retitle = (ls: Lesson[], lesson: string, step: string, en: string) => {
      const l = ls.find((x) => x.id === lesson)!;
      l.steps = l.steps.map((s) => (s.id === step ? { ...s, title: { ...s.title, en } } : s));
    };
    // the titles before fix20b: overview 6 asks whether the segment outlives both detaches, shmat 11 whether it outlives exit
    const problems = broken((ls) => {
      retitle(ls, 'overview', 'ipcrm', 'Remove it with ipcrm -m');
      retitle(ls, 'shmat', 'cleanup', 'Remove the segment');
    }).filter((p) => p.includes('removes the object'));
    const fix = 'name what the step does without removing or cleaning up (its call: "Last call: shmctl")';
    expect(problems).toEqual([
      `lesson 'overview' step 'ipcrm': its title (en) removes the object, which says it outlived step 'detach', the question of checkpoint 'detach': ${fix}`,
      `lesson 'shmat' step 'cleanup': its title (en) removes the object, which says it outlived step 'exit', the question of checkpoint 'exit': ${fix}`,
    ]);
    // nor a title that cleans up: only what is still there is cleaned up (fix28d#3, the titles before it)
    const cleaned = broken((ls) => {
      retitle(ls, 'overview', 'ipcrm', 'Clean up, then ipcs -m again');
      retitle(ls, 'shmat', 'cleanup', 'Clean up');
    }).filter((p) => p.includes('removes the object'));
    expect(cleaned).toEqual([
      `lesson 'overview' step 'ipcrm': its title (en) removes the object, which says it outlived step 'detach', the question of checkpoint 'detach': ${fix}`,
      `lesson 'shmat' step 'cleanup': its title (en) removes the object, which says it outlived step 'exit', the question of checkpoint 'exit': ${fix}`,
    ]);
    // before the question's step it says nothing of what that step leaves
    expect(broken((ls) => retitle(ls, 'shmat', 'create', 'Remove any old one, make a segment')).filter((p) => p.includes('removes the object'))).toEqual([]);
    // a word the question says itself is no news: overview 6 asks with "no one has run ipcrm yet" (issue 16)
    expect(broken((ls) => retitle(ls, 'overview', 'ipcrm', 'ipcrm -m ID, then ipcs -m')).filter((p) => p.includes('removes the object'))).toEqual([]);
  });

  it("catches the screen's own words that no one glossary entry holds whole (issue 16: g found nothing for \"┄\" or \"changed:\")", () => {
    expect(screenWordProblems([{ where: 'the Flow\'s legend', lang: 'en', words: ['━━', 'just run', '┄┄', 'used'] }])).toEqual([]);
    // each word alone is somewhere, but no entry holds them together
    expect(screenWordProblems([{ where: 'somewhere', lang: 'en', words: ['┄┄', 'semncnt'] }])).toEqual([
      'somewhere (en): no glossary entry holds all of "┄┄", "semncnt", so g finds no one place that explains them (src/lessons/glossary.ts)',
    ]);
    // the record's labels before their entry (the glossary without it)
    const without = GLOSSARY.filter((e) => e.id !== 'record-words');
    expect(screenWordProblems([{ where: 'the record', lang: 'zh', words: ['记录：', '改动：', '课文提到：'] }], without)).toHaveLength(1);
  });

  it('catches a term read in a hint, a whyNot or the check before any step announces it', () => {
    // overview's step 6 (detach) whyNot naming CAP_IPC_OWNER, which only shmctl announces
    const problems = broken((ls) => {
      const cps = { ...ls[0].checkpoints };
      const cp = cps.detach!;
      cps.detach = { ...cp, choices: cp.choices.map((c, i) => (i === 0 ? { ...c, whyNot: { en: 'only root (CAP_IPC_OWNER) keeps it.', zh: '只有 root（CAP_IPC_OWNER）留着它。' } } : c)) };
      ls[0].checkpoints = cps;
    });
    expect(problems.filter((p) => p.includes("uses 'CAP_IPC_OWNER' (glossary entry 'CAP_IPC_OWNER') before any step's text announces it"))).toEqual([
      expect.stringContaining("lesson 'overview' step 'detach' choice 1 whyNot: its en text"),
      expect.stringContaining("lesson 'overview' step 'detach' choice 1 whyNot: its zh text"),
    ]);
    // a hint is read before the run: what the step's own notice or aside names first is too late for it
    const hint = broken((ls) => {
      const l = ls.find((x) => x.id === 'shmctl')!;
      const cps = { ...l.checkpoints };
      cps['perms-owner'] = { ...cps['perms-owner']!, hint: { en: 'only CAP_IPC_OWNER skips it.', zh: '只有 CAP_IPC_OWNER 能跳过。' } };
      l.checkpoints = cps;
    }).filter((p) => p.includes("'perms-owner' hint"));
    expect(hint).toHaveLength(2);
    // and so is a flag the your-turn form offers (shmat's bad-id: SHM_EXEC, named in its text)
    const flag = broken((ls) => {
      const step = ls.find((x) => x.id === 'shmat')!.steps.find((s) => s.id === 'bad-id')!;
      step.say = { en: step.say.en.replace('SHM_EXEC, ', ''), zh: step.say.zh.replace('SHM_EXEC、', '') };
    }).filter((p) => p.includes("'bad-id' turn field 'flags' flag") && p.includes('SHM_EXEC'));
    expect(flag).toHaveLength(2);
    // the same word in the check, after the step that announces it, is fine; a word no step announces is not
    const check = (explain: string) =>
      broken((ls) => (ls[0].check = ls[0].check!.map((q, i) => (i === 0 ? { ...q, explain: { en: `${q.explain.en} ${explain}`, zh: `${q.explain.zh}${explain}` } } : q)))).filter((p) => p.includes('before any step'));
    expect(check('IPC_RMID removes it.')).toEqual([]);
    expect(check('SIGUSR1 is no use.')).toHaveLength(2);
  });

  it('catches a lesson id used twice', () => {
    expect(broken((ls) => (ls[1].id = ls[0].id))).toContain("lesson id 'overview' is used more than once");
  });

  it('catches a step id used twice within a lesson', () => {
    expect(broken((ls) => (ls[2].steps[1].id = ls[2].steps[0].id))).toContain("lesson 'ftok': step id 'make-key' is used more than once");
  });

  it('allows the same step id in two lessons', () => {
    expect(LESSONS.filter((l) => l.steps.some((s) => s.id === 'cleanup')).length).toBeGreaterThan(1);
  });

  it('catches a missing or empty language', () => {
    expect(broken((ls) => (ls[0].title.zh = ''))).toContain("lesson 'overview' title: the zh text is missing or empty");
    expect(broken((ls) => delete (ls[3].steps[0].say as Partial<Record<string, string>>).en)).toContain("lesson 'shmat' step 'create' say: the en text is missing or empty");
    expect(broken((ls) => (ls[4].steps[1].notice.zh = '   '))).toContain("lesson 'shmdt' step 'detach' notice: the zh text is missing or empty");
  });

  it("catches a lesson's short title that is not the start of its title (issue 16: the title bar and the menu named one lesson two ways)", () => {
    const problems = broken((ls) => (ls[0].short = { en: 'kernel objects', zh: ls[0].title.zh.slice(0, 4) }));
    expect(problems.some((p) => p.startsWith("lesson 'overview': the short title (en) should be the start of the title")), problems.join('\n')).toBe(true);
    expect(problems.some((p) => p.includes('short title (zh)'))).toBe(false);
  });

    it("catches a step's short title longer than its title, or empty", () => {
    expect(broken((ls) => (ls[0].steps[0].short = { en: `${ls[0].steps[0].title.en} and more`, zh: '现在' }))).toContain("lesson 'overview' step 'ipcs': the short title (en) is longer than the title");
    expect(broken((ls) => (ls[0].steps[0].short = { en: 'now', zh: '' }))).toContain("lesson 'overview' step 'ipcs' short title: the zh text is missing or empty");
  });

  it('catches a notice that points into the Trace with no traceFocus (the lines the Trace shows after the run)', () => {
    const at = "lesson 'shmctl' step 'last-detach': its notice points into the Trace, so it declares traceFocus (the lines the Trace shows after the run)";
    expect(broken((ls) => {
      ls[5].steps[7].traceFocus = undefined;
      ls[5].steps[7].notice.en = `${ls[5].steps[7].notice.en} See the trace.`;
    })).toEqual([at]);
    expect(broken((ls) => {
      ls[5].steps[7].traceFocus = [];
      ls[5].steps[7].notice.zh = `跟踪里：${ls[5].steps[7].notice.zh}`;
    })).toEqual([at]);
    // two whole validations: slow on a loaded machine
  }, 90_000);

  it('catches a text too long for the lesson pane', () => {
    const problems = broken((ls) => (ls[5].steps[0].notice.en = 'word '.repeat(60)));
    expect(problems).toEqual(["lesson 'shmctl' step 'setup' notice: the en text takes 7 lines of 48 cells, more than 3"]);
  });

  it("catches a Chinese text using a term's rejected variant, outside code", () => {
    expect(broken((ls) => (ls[7].title.zh = '服务端与客户端——按键会合'))).toEqual(["lesson 'serv-clnt' title: the zh text says 键 (use key)"]);
    expect(overviewSayZh('消息队列和信号灯集')).toEqual(["lesson 'overview' step 'ipcs' say: the zh text says 信号灯 (use 信号量集)"]);
    // the broken text keeps the step's terms (lpid, atime), or it would move their first use too
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '挂接之前 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 挂接 (use 映射)"]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '见 `信号灯` 一词：lpid、atime'))).toEqual([]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '内核面板里 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 面板 (use 窗格)"]);
  });

  it("catches 页 after a pane's name in Chinese, but not a page of memory", () => {
    // 页 after a pane's name (newcomers, fix25b#9), but not a page of memory
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '见“内核”页：lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 内核”页 (use 窗格)"]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '流程页里 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 流程页 (use 窗格)"]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '映射的是内核的页：lpid 和 atime 为 0'))).toEqual([]);
  });

  // (a test of its own: each case validates every lesson, and ten in one passed 30 s under load)
  it('catches a Chinese word for a pending signal or a removed segment other than the one chosen', () => {
    // one word for one thing (issue 16): a pending signal is 待处理, a removed segment 已删除
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '信号还挂起时 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 挂起 (use 待处理)"]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '共享内存段已释放之前 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 已释放 (use 已删除)"]);
    expect(broken((ls) => (ls[3].steps[0].notice.zh = '共享内存段被释放之前 lpid 和 atime 为 0'))).toEqual(["lesson 'shmat' step 'create' notice: the zh text says 被释放 (use 已删除)"]);
  });

  it("holds the screen's own strings to the pane's word, in a function's literals too (built with \\u escapes)", () => {
    const zh = (value: unknown) => stringStyleProblems('screen string (zh)', { s: value }, 'zh');
    expect(zh('见“内核”页')).toEqual(["screen string (zh) 's' says 内核”页 (use 窗格)"]);
    // as esbuild writes `${name}页里的 ${terms}`: the pane's name filled in, the Chinese escaped
    const built = new Function('pane', 'terms', 'return `${pane}\\u9875\\u91CC\\u7684 ${terms}`');
    expect(zh(built)).toEqual(["screen string (zh) 's' says 页里 (use 窗格)"]);
    expect(zh((pane: string) => `${pane}窗格里的`)).toEqual([]);
    // and to the one word for a pending signal and a removed segment, as the lessons are (issue 16)
    expect(zh('段已释放')).toEqual(["screen string (zh) 's' says 已释放 (use 已删除)"]);
    expect(zh('信号挂起')).toEqual(["screen string (zh) 's' says 挂起 (use 待处理)"]);
  });

  it('catches a Chinese word for a segment other than 共享内存段 (段 alone after it), outside code', () => {
    // the broken texts keep the step's terms (lpid, atime), or they would move their first use too
    const notice = (zh: string) => broken((ls) => (ls[3].steps[0].notice = { en: 'Before the attach the segment has lpid and atime 0.', zh }));
    const at = "lesson 'shmat' step 'create' notice: the zh text says";
    expect(notice('映射之前，这段内存的 lpid 和 atime 为 0')).toEqual([`${at} 这段内存 (use 共享内存段, then 段)`]);
    expect(notice('映射之前，段的 lpid 和 atime 为 0')).toEqual([`${at} 段 before 共享内存段 (name it 共享内存段 first)`]);
    expect(notice('映射之前，共享内存的 lpid 和 atime 为 0')).toEqual([`${at} 共享内存 for a segment (use 共享内存段)`]);
    expect(notice('映射之前，共享内存段的 lpid 和 atime 为 0；这个段的字段：`一段内存`')).toEqual([]);
  });

  it('catches a Chinese text with no space between Latin and Chinese, outside code', () => {
    // texts without glossary terms: a term would move its first use and fail another rule
    expect(overviewSayZh('消息队列共 3个')).toEqual([`lesson 'overview' step 'ipcs' say: the zh text writes "3个" with no space between Latin and Chinese`]);
    expect(overviewSayZh('消息队列共 3 个，见 `ipcs -q`：列表')).toEqual([]);
  });

  it('catches a space after full-width punctuation, an ASCII ; before Chinese punctuation and an ASCII comma between Chinese words', () => {
    const say = overviewSayZh;
    const at = "lesson 'overview' step 'ipcs' say: the zh text writes";
    const rule = 'no ; before Chinese punctuation, no ASCII comma between Chinese words';
    expect(say('写入 27 字节； 再读')).toEqual([`lesson 'overview': the zh text "写入 27 字节； 再读" has a half-width space after full-width punctuation (" 27 字节； 再读"): remove it`]);
    // backticks are not drawn: the ; of the code ends up beside the ，
    expect(say('循环执行 `x = 1;`，看总数')).toEqual([`${at} ";，": ${rule}`]);
    expect(say('消息队列, 共享内存段')).toEqual([`${at} "列, 共": ${rule}`]);
    expect(say('写入 27 字节；再读 `f(文件, 1)`、g(文件, \'S\')')).toEqual([]);
  });

  it('catches a diagram that does not exist', () => {
    expect(broken((ls) => (ls[0].diagrams = [...ls[0].diagrams, 'no-such-flow']))).toContain("lesson 'overview': diagram 'no-such-flow' does not exist in assets/diagrams");
    const problems = broken((ls) => (ls[1].steps[0].diagram = 'no-such-flow'));
    expect(problems).toContain("lesson 'shmget' step 'first': diagram 'no-such-flow' does not exist in assets/diagrams");
    expect(problems).toContain("lesson 'shmget' step 'first': diagram 'no-such-flow' is not among the lesson's diagrams");
  });

  it('catches a diagram the lesson lists but no step shows', () => {
    expect(brokenOnly((ls) => (ls[3].diagrams = [...ls[3].diagrams, 'shmctl-life']))).toEqual(["lesson 'shmat': diagram 'shmctl-life' is among its diagrams, but no step shows it"]);
  });

  it('catches a step that lights nothing', () => {
    // a step with no checkpoint: one with a question also loses its masked answer (the flow's SIGSEGV);
    // this one is the only step lighting the "removed" box, "?" until it ran (issue 16)
    expect(brokenOnly((ls) => (ls[4].steps[5].highlight = []))).toEqual([
      "lesson 'shmdt': 'gone' of 'shmdt-unmap' is marked '%% hide', but no step lights it, so it is always shown: light it in the step that answers it",
      "lesson 'shmdt' step 'cleanup': lights nothing in 'shmdt-unmap'",
    ]);
  });

  it("catches a lit edge whose box is not lit with it (the box the step reached drawn as done)", () => {
    expect(broken((ls) => (ls[8].steps[3].highlight = ['queue->lesson', 'lesson']))).toEqual(["lesson 'msg' step 'taken': its highlight lights 'queue->lesson' but not its end 'queue'"]);
  });

  it('catches a highlight that names no node, edge or subgraph', () => {
    expect(brokenOnly((ls) => (ls[5].steps[1].highlight = ['shmctl', 'shmctl->nowhere']))).toEqual([
      "lesson 'shmctl' step 'stat': highlight 'shmctl->nowhere' is not a node, edge or subgraph of 'shmctl-functions'",
    ]);
  });

  it('catches a C file that does not exist, or is not of the kind declared', () => {
    expect(broken((ls) => (ls[3].code = [{ path: 'shmat.c', kind: 'check' }, { path: 'nope.c', kind: 'program' }]))).toEqual([
      "lesson 'shmat': C file examples/c/nope.c does not exist",
    ]);
    expect(broken((ls) => (ls[7].code[2].kind = 'program'))).toEqual(["lesson 'serv-clnt': C file examples/c/rv.h cannot be of kind 'program'"]);
    expect(broken((ls) => (ls[7].code[0].kind = 'header'))).toEqual(["lesson 'serv-clnt': C file examples/c/serv.c cannot be of kind 'header'"]);
  });

  it("catches a step's C anchor that its file does not hold, or that names a file of another lesson", () => {
    expect(broken((ls) => (ls[5].steps[1].code = 'shmctl(id, IPC_STAT'))).toEqual([
      "lesson 'shmctl', step stat: its C anchor 'shmctl(id, IPC_STAT' is in none of the lesson's C files (shmctl.c, cleanup.h)",
    ]);
    expect(broken((ls) => (ls[3].steps[8].code = 'shmat.c: execlp('))).toEqual([
      "lesson 'shmat', step fork: its C anchor 'shmat.c: execlp(' is in none of the lesson's C files (shmat.c, inherit.c, cleanup.h, stamp.h)",
    ]);
  });

  it('catches a lesson without C files, a main file that is not the first, a file declared twice', () => {
    expect(broken((ls) => (ls[1].code = []))).toEqual(["lesson 'shmget': declares no C file"]);
    expect(broken((ls) => (ls[1].cFile = 'ftok.c'))).toEqual(["lesson 'shmget': cFile ftok.c is not its first C file, shmget.c"]);
    expect(brokenOnly((ls) => ls[1].code.push({ path: 'ftok.c', kind: 'check' }))).toEqual(['C file examples/c/ftok.c is declared more than once']);
    // a header is shared by the lessons whose C includes it, but given once in each
    expect(broken((ls) => ls[1].code.push({ path: 'cleanup.h', kind: 'header' }))).toEqual([`lesson '${LESSONS[1].id}': C file examples/c/cleanup.h is declared more than once`]);
    // a local header a file includes is offered by f: in the lesson's list
    expect(broken((ls) => (ls[1].code = ls[1].code.filter((f) => f.path !== 'cleanup.h')))).toEqual([`lesson 'shmget': shmget.c includes "cleanup.h", which is not in the lesson's code list: add { path: 'cleanup.h', kind: 'header' }`]);
  });

  it("catches a summary that would break the README's table", () => {
    const problem = "lesson 'ftok': the summary should be one line of text without '|' (it is a row of the README's table)";
    expect(broken((ls) => (ls[2].summary = ''))).toEqual([problem]);
    expect(broken((ls) => (ls[2].summary = 'a | b'))).toEqual([problem]);
    expect(broken((ls) => (ls[2].summary = 'two\nlines'))).toEqual([problem]);
  });

  it("catches a C comment that does not end on its words, in English or in its Chinese (a bare ' * */' row, an empty ' *' row before the close)", () => {
    const file = '/* one\n * two */\nint a;\n';
    const table = (one: string, two: string) => `en: one\nzh: ${one}\nen: two\nzh: ${two}\n`;
    expect(cCommentProblems('x.c', file, table('第一句。', '第二句。'))).toEqual([]);
    // English: a close on a row of its marks alone, an empty row before a close alone, an empty comment, code after a close alone
    expect(cCommentProblems('x.c', 'int a; /* one\n * */\n/*\n * two\n *\n */\n/* */\n/* three\n */ int b;\n', 'en: one\nzh: 一\nen: two\nzh: 二\nen: three\nzh: 三\n')).toEqual([
      'examples/c/x.c: line 2: the comment ends on a row of its marks alone (* */): end it on its last words, `… */`',
      "examples/c/x.c: line 6: an empty row comes before the comment's closing */ (line 5): end it on its last words",
      'examples/c/x.c: line 7: the comment ends on a row of its marks alone (/* */): end it on its last words, `… */`',
      "examples/c/x.c: line 9: code follows the comment's closing */ on its row",
    ]);
    // Chinese: the comment's last line left empty ends it on ' *  */'
    expect(cCommentProblems('x.c', file, table('一二', '')).filter((p) => p.includes('in Chinese, line 2'))).toEqual([
      'examples/c/zh/x.c.txt: in Chinese, line 2: the comment ends on a row of its marks alone (*  */): end it on its last words, `… */`',
    ]);
    // every C file as shipped, in both languages
    for (const path of new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path)))) {
      const text = readFileSync(join(ROOT, 'examples', 'c', path), 'utf8');
      expect(cCommentProblems(path, text, readFileSync(join(ROOT, 'examples', 'c', 'zh', `${path}.txt`), 'utf8')), path).toEqual([]);
    }
  });

  it('catches an erratum named by its code in a C file or its Chinese table (fix23c: shmctl.c\'s "only marked (E5)")', () => {
    const file = 'int a; /* only marked (E5) */\n';
    expect(cCommentProblems('x.c', file, 'en: only marked (E5)\nzh: 只做标记（E5）\n')).toEqual([
      'examples/c/x.c: names erratum E5 by its code; say in words what the notes get wrong',
      'examples/c/zh/x.c.txt: names erratum E5 by its code; say in words what the notes get wrong',
    ]);
    // errno names and hex are no codes
    expect(cCommentProblems('x.c', 'int a; /* EINVAL, 0x1E5 */\n', 'en: EINVAL, 0x1E5\nzh: EINVAL，0x1E5\n')).toEqual([]);
  });

  it("catches a call of one of the lesson's own C helpers with no comment saying why (issue 16: ftok.c's bare cleanup_forget(...))", () => {
    const helpers = new Set(['cleanup_forget', 'stamp']);
    const file = 'int f(void)\n{\n    shmctl(id, IPC_RMID, NULL);\n    cleanup_forget(SHM_OBJECT, id);\n    printf("cleanup_forget(x)\\n");\n    return 0;\n}\n';
    expect(helperCallProblems('x.c', file, helpers)).toEqual([
      "examples/c/x.c, line 4: cleanup_forget() is ours, not libc's, with no comment on its line or the line above saying why it is called",
    ]);
    // a comment on the line above, or on the line, says it; a file's own definition is no call
    expect(helperCallProblems('x.c', file.replace('    cleanup_forget', '    /* ours: gone */\n    cleanup_forget'), helpers)).toEqual([]);
    expect(helperCallProblems('x.c', file.replace('id);\n    printf', 'id); /* ours: gone */\n    printf'), helpers)).toEqual([]);
    expect(helperCallProblems('x.h', 'static void stamp(FILE *to)\n{\n}\n', helpers)).toEqual([]);
    expect(cDefined(readFileSync(join(ROOT, 'examples', 'c', 'cleanup.h'), 'utf8'))).toEqual(expect.arrayContaining(['cleanup_on_exit', 'cleanup_forget', 'run_shell']));
  });

  // s25f: serv.c and clnt.c were exempt (HELPER_COMMENTS_PENDING): rv.h's say/fail/... would have
  // needed ~110 comments. A header that documents its functions (CFile.helpers: each named with
  // its purpose in the opening comment the C pane shows) spares their calls a comment each.
  it('holds every C file of every lesson to the helper rule, none exempt; a documented header spares its calls', () => {
    const bad: string[] = [];
    for (const lesson of LESSONS) {
      const texts = lesson.code.map((f) => readFileSync(join(ROOT, 'examples', 'c', f.path), 'utf8'));
      const documented = new Set(lesson.code.flatMap((f) => f.helpers ?? []));
      const helpers = new Set(texts.flatMap(cDefined).filter((n) => !documented.has(n)));
      lesson.code.forEach((f, i) => {
        bad.push(...helperCallProblems(f.path, texts[i]!, helpers));
        if (f.helpers) bad.push(...documentedHelperProblems(f.path, texts[i]!, f.helpers));
      });
    }
    expect(bad.slice(0, 5)).toEqual([]);
    const servClnt = LESSONS.find((l) => l.id === 'serv-clnt')!;
    expect(servClnt.code.find((f) => f.path === 'rv.h')?.helpers).toEqual(expect.arrayContaining(['say', 'fail', 'ret_text']));
    // the opening comment names each; a function it defines and the lesson does not declare, or a
    // declared one it lacks or does not name, is reported
    const header = '/* h.h: helpers\n * say(): one trace line\n */\nstatic void say(const char *fmt, ...)\n{\n}\nstatic void hidden(void)\n{\n}\nstatic void cleanup(void);\n';
    expect(documentedHelperProblems('h.h', header, ['say', 'hidden'])).toEqual(['examples/c/h.h: its opening comment has no line "hidden(): what it is for"']);
    expect(documentedHelperProblems('h.h', header, ['say'])).toEqual(['examples/c/h.h: hidden() is not among the helpers the lesson declares for it (CFile.helpers)']);
    expect(documentedHelperProblems('h.h', header, ['say', 'hidden', 'cleanup'])).toEqual([
      'examples/c/h.h: its opening comment has no line "hidden(): what it is for"',
      'examples/c/h.h: declared helper cleanup() is not a function it defines',
    ]);
  });

  it("catches a record field (IPC_STAT's uid, cuid, …) that no text of the first lesson to make a segment names (issue 16: overview 5's record showed uid, gid, cuid, cgid at 80x24, named nowhere)", () => {
    // overview 5's say without its sentence on the record, as it was
    const problems = broken((ls) => {
      const read = ls[0].steps.find((s) => s.id === 'read')!;
      read.say = { en: read.say.en.replace(/ Its record .*$/, ''), zh: read.say.zh.replace(/它的记录.*$/, '') };
    });
    for (const lang of ['en', 'zh']) expect(problems).toContain(`lesson 'overview', the first to make a segment: no ${lang} text names the record's uid, gid, cuid, cgid`);
  });

  it('catches a step without an action', () => {
    expect(broken((ls) => ((ls[0].steps[0] as { run: unknown }).run = undefined))).toEqual(["lesson 'overview' step 'ipcs': has no action"]);
  });
});

describe('orphanFiles', () => {
  // made in a hook, not as the file is collected: a run filtered with -t skips this suite's
  // hooks, and a folder made at collection then stayed in /tmp
  let root = '';
  beforeAll(() => {
    root = testTempDir('ipclab-orphans-');
    // the sources only: programs a `make` left there are not the check's business
    cpSync(join(ROOT, 'examples', 'c'), join(root, 'examples', 'c'), { recursive: true, filter: (src) => !/\/examples\/c\/[^/]+$/.test(src) || /\.[ch]$/.test(src) });
    cpSync(join(ROOT, 'assets', 'diagrams'), join(root, 'assets', 'diagrams'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds none in the repository', () => {
    expect(orphanFiles(LESSONS)).toEqual([]);
  });

  it('finds a C file, a header and a diagram that no lesson uses; other files do not count', () => {
    expect(orphanFiles(LESSONS, root)).toEqual([]);
    writeFileSync(join(root, 'examples', 'c', 'stray.c'), 'int main(void) { return 0; }\n');
    writeFileSync(join(root, 'examples', 'c', 'stray.h'), '#define STRAY 1\n');
    writeFileSync(join(root, 'examples', 'c', 'notes.txt'), 'not a C file\n');
    writeFileSync(join(root, 'assets', 'diagrams', 'stray-flow.mmd'), 'flowchart TD\n  a --> b\n');
    expect(orphanFiles(LESSONS, root)).toEqual([
      "examples/c/stray.c: no lesson declares it; add it to a lesson's code, or remove it",
      "examples/c/stray.h: no lesson declares it; add it to a lesson's code, or remove it",
      "assets/diagrams/stray-flow.mmd: no lesson shows it; add it to a lesson's diagrams, or remove it",
    ]);
  });
});
