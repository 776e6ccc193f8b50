// Lesson 5: shmdt takes a mapping away and leaves the segment; the old address is
// dead (ipclab refuses, a child dies of SIGSEGV); a second shmdt gives EINVAL; the
// data waits in the kernel for the next attach.
import type { Segment } from '../native/index.js';
import { attach, childAttached, createPrivate, createWithText, expectErrno, expectGone, expectOk, expectRow, explain, guarded, inLang, need, readText, row, writeText } from './kit.js';
import { defineLesson } from './define.js';
import { explainBack, explainOwnRun, explainTurn } from './turn/explain.js';
import { numberValue, textValue, type TurnRule } from './turn/fields.js';
import type { StepContext } from './types.js';
import type { Lang } from '../lang.js';
import { accessAnswer, choice, choiceOf, type ChildEnd, lastCall, outcomeOf } from './checkpoint-kit.js';

const AGAIN = [
  choice({ en: '0, success', zh: '0，成功' }, { en: 'only if something were attached there again; nothing is, so the address is refused.', zh: '只有那个地址上又有映射时才成功；现在没有，这个地址被拒绝。' }),
  choice('EINVAL', { en: 'EINVAL is Linux\'s answer for an address with no segment attached; this kernel said otherwise.', zh: '地址上没有映射共享内存段时，Linux 回答 EINVAL；这个内核说的却不同。' }),
  // man 2 shmdt lists EINVAL alone: shmdt reads and writes nothing through addr
  choice('EFAULT', { en: 'shmdt reads nothing through the address, so it has no bad-pointer error; that one is shmctl\'s, for a bad buf.', zh: 'shmdt 不经这个地址读写内存，所以没有坏指针错误；那是 shmctl 在 buf 指针无效时的错误。' }),
];
/** where a second shmat(shmid, NULL, 0) lands: the kernel picks, so only "where it picks" is
 *  true of every run (the old address or another; the explanation says which it was) */
const LANDS = [
  choice({ en: 'always at the old address', zh: '总在旧地址' }, { en: 'it may land there, but nothing promises it; the kernel picks any free stretch (where it landed this time is said below).', zh: '它可能落在那里，但没有任何保证；内核挑任意一块空闲地址（这次落在哪里，下面有说明）。' }),
  // "maybe the old one": a run that lands there shows the same address, and must not read as [1] (a newcomer pass)
  choice({ en: 'where the kernel picks (maybe the old one)', zh: '在内核挑的地址（可能就是旧地址）' }, { en: 'so it lands when shmat succeeds; this time it failed, as its errno says.', zh: 'shmat 成功时才如此；这次它失败了，errno 说明了原因。' }),
  choice({ en: 'nowhere, shmat fails', zh: '哪儿也不，shmat 失败' }, { en: 'detaching does not harm the segment; the same shmid maps again as long as it exists.', zh: '解除映射不伤及共享内存段；只要它还在，同一个 shmid 就能再映射。' }),
];

/** what a child's read through its old address after shmdt does: a load is no call, so no errno */
const OLD_READ = [
  choice({ en: 'it reads the text (still stored)', zh: '它读到那行文字（文字还在）' }, { en: 'the text is still in the segment, but nothing is mapped at that address now.', zh: '文字还在共享内存段里，但那个地址上已经没有映射了。' }),
  choice({ en: 'it gets EFAULT and runs on', zh: '读取得到 EFAULT，它接着运行' }, { en: 'a load is no call, so nothing returns an errno. EFAULT is for a bad pointer handed to a call.', zh: '读内存不是调用，没有东西返回 errno。EFAULT 是把坏指针交给调用时的错误。' }),
  choice({ en: 'it dies of SIGSEGV (segmentation fault)', zh: '它被 SIGSEGV（段错误）杀死' }, { en: 'SIGSEGV is what Linux sends for a load where nothing is mapped; this child ended otherwise.', zh: '读取没有映射的地址时，Linux 发 SIGSEGV；这个子进程却是别的结局。' }),
];

const UNMAP = 'shmdt-unmap';
/** the lesson's text, in the learner's language as the step runs (inLang): an English run
 *  shows no Chinese and a Chinese run no English. Both are 12 bytes of UTF-8 (a Chinese
 *  character is 3), so the room the form leaves it (CLEAR) is the same in both. */
const NOTE: Record<Lang, string> = { en: 'still stored', zh: '还在这里' };
/** the form's text to start from: the program's name, the same word in both languages */
const YOUR_TEXT = 'ipclab';
/** the size createPrivate gives the segment */
const PAGE = 4096;
/** the first byte after the lesson's own text and its NUL, which step 1 writes at +0 after
 *  the learner's: text the learner puts before it would be covered */
const CLEAR = Math.max(Buffer.byteLength(NOTE.en), Buffer.byteLength(NOTE.zh)) + 1;

/** An offset as the texts write it: decimal, as the form takes it, with its hex beside it, as the
 *  Kernel pane's dump numbers its rows (issue 16: "+16" beside the row 0010 read as one number). */
const at = (n: number): string => (n < 10 ? `+${n}` : `+${n} (0x${n.toString(16)})`);

/** `yours`: the learner's text and where it was written in step 1, when it was */
/** the title of the step that reattaches: named by reference where another step's text points to it */
/** The number of the step that reads the learner's text back: named by number, as the lesson pane numbers steps. */
const reattachStep = (): number => shmdt.steps.findIndex((st) => st.id === 'reattach') + 1;

/** `oldRead`: how the child that read through its old address ended */
type ShmdtState = { shmid?: number; seg?: Segment; again?: Segment; yours?: { offset: number; text: string }; oldRead?: ChildEnd };

/** A segment, attached, with the lesson's text at +0; with the learner's values, their text
 *  at their offset first (the form keeps it inside and clear of the lesson's; values
 *  that did not pass the form and pass the end are refused), then the lesson's own, which
 *  the notices after read. */
function attachAndWrite(ctx: StepContext, state: ShmdtState): string[] {
  const shmid = createPrivate(ctx);
  if (Array.isArray(shmid)) return shmid;
  state.shmid = shmid;
  const seg = attach(ctx, shmid);
  if (Array.isArray(seg)) return seg;
  state.seg = seg;
  if (ctx.turn.custom) {
    const yours = { offset: numberValue(ctx.turn.values, 'offset'), text: textValue(ctx.turn.values, 'text') };
    if (guarded(ctx, () => writeText(ctx, seg, yours.offset, yours.text))) {
      const bytes = Buffer.byteLength(yours.text) + 1;
      explainTurn(ctx, {
        en: `Your values: ipclab refused the write. ${bytes} bytes (the text and its NUL) from ${at(yours.offset)} pass the end of the ${seg.size} bytes (the last offset is ${seg.size - 1}); in C, strcpy would write beyond the segment.`,
        zh: `你的取值：ipclab 拒绝了这次写入。从 ${at(yours.offset)} 起写 ${bytes} 字节（文字加结尾的 NUL）会越过 ${seg.size} 字节的末尾（最后一个偏移是 ${seg.size - 1}）；C 里 strcpy 会写到共享内存段外面去。`,
      });
    } else {
      // the Kernel pane dumps 64 bytes at a time (DUMP_BYTES), from the start: say where the text went
      const end = yours.offset + Buffer.byteLength(yours.text);
      const seen = end <= 64
        ? { en: 'in the Kernel pane\'s dump', zh: '就在“内核”窗格的字节转储里' }
        : yours.offset < 64
          ? { en: 'in the Kernel pane\'s dump; it runs past the first 64 bytes the dump shows (press ] for the rest)', zh: '在“内核”窗格的字节转储里，但越过了先显示的 64 字节（按 ] 看其余部分）' }
          : { en: 'past the first 64 bytes the Kernel pane dumps (} jumps to it)', zh: '在“内核”窗格先转储的 64 字节之后（按 } 跳过去）' };
      // an empty text writes its NUL alone, on a byte a new segment holds as 00 already: said plainly
      explainTurn(ctx, yours.text === ''
        ? {
            en: `Your values: an empty text, so only its terminating NUL was written, at ${at(yours.offset)}; that byte was 00 already (a new segment is all zeros), so nothing changed. Step ${reattachStep()} reads it back.`,
            zh: `你的取值：空文字，所以只写了结尾的 NUL，在 ${at(yours.offset)}；那个字节本来就是 00（新的共享内存段全是 0），什么也没变。第 ${reattachStep()} 步会把它读回来。`,
          }
        : {
            en: `Your values: "${yours.text}" written at ${at(yours.offset)}, ${seen.en}; step ${reattachStep()} reads it back.`,
            zh: `你的取值：“${yours.text}”已写在 ${at(yours.offset)}，${seen.zh}；第 ${reattachStep()} 步会把它读回来。`,
          });
      state.yours = yours;
    }
    explainOwnRun(ctx, 'later');
  }
  writeText(ctx, seg, 0, inLang(ctx, NOTE));
  const problems = expectRow(ctx, shmid, { nattch: 1 });
  if (row(ctx, shmid)?.dtime !== 0) problems.push('dtime is set before any detach');
  return problems;
}

/** After reattaching, the learner's text read back at their offset: it waited in the
 *  segment too (the form kept it clear of the lesson's own). */
function readYours(ctx: StepContext, segment: Segment, yours: { offset: number; text: string }): string[] {
  const now = readText(ctx, segment, yours.offset);
  explainBack(ctx, yours.text === '' && now === ''
    ? {
        en: `Your empty text from step 1: ${at(yours.offset)} still holds 00, the NUL you wrote over a 00, which reads as an empty string.`,
        zh: `你在第 1 步写的空文字：${at(yours.offset)} 处仍是 00，你在 00 上写的 NUL，读出来是空字符串。`,
      }
    : {
        en: `Your text from step 1 waited in the segment too: at ${at(yours.offset)} it holds "${now}", as you wrote it.`,
        zh: `你在第 1 步写的文字也留在了共享内存段里：${at(yours.offset)} 处现在是“${now}”，和你写的一样。`,
      });
  return now === yours.text ? [] : [`read ${JSON.stringify(now)} at +${yours.offset} after reattaching, not ${JSON.stringify(yours.text)}`];
}

/** The form's rule: the text and its NUL end inside the segment (the offset's hint says so). */
const fitsInSegment: TurnRule = {
  field: 'offset',
  holds: (v) => numberValue(v, 'offset') + Buffer.byteLength(textValue(v, 'text')) + 1 <= PAGE,
  error: (v) => {
    const bytes = Buffer.byteLength(textValue(v, 'text')) + 1;
    const offset = numberValue(v, 'offset');
    return {
      en: `offset: ${offset} + ${bytes} bytes (the text and its NUL) pass the end of the ${PAGE} bytes; type an offset up to ${PAGE - bytes}, or a shorter text`,
      zh: `偏移：${offset} 加 ${bytes} 字节（文字和结尾的 NUL）越过了 ${PAGE} 字节的末尾；偏移请填不超过 ${PAGE - bytes} 的数，或者缩短文字`,
    };
  },
};

export const shmdt = defineLesson<ShmdtState>({
  id: 'shmdt',
  title: { en: 'shmdt — unmap a segment', zh: 'shmdt——解除映射' },
  intro: {
    en: '`int shmdt(const void *shmaddr)` removes the System V shared memory mapping at shmaddr from your address space. It does not delete the segment; that is shmctl\'s job, in the next lesson. It returns 0, or -1 with errno set.',
    zh: '`int shmdt(const void *shmaddr)` 把位于 shmaddr 的 System V 共享内存映射从地址空间中拿掉。它并不删除共享内存段本身，那是下一课 shmctl 的事。成功返回 0，失败返回 -1 并设置 errno。',
  },
  outro: {
    en: 'Detaching ends one view of the segment, not the segment. The old pointer leads nowhere until something is mapped there again, then to that: set it to NULL. The data waits until shmctl removes it.',
    zh: '解除映射只结束一个映射，共享内存段还在。旧指针不再指向任何映射；等那里又有了映射，它就指向那个新映射，所以应把它置为 NULL。数据留到 shmctl 删除它。',
  },
  diagrams: [UNMAP],
  summary: 'unmap; the segment stays; the old address is refused; detach twice',
  code: [
    { path: 'shmdt.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'attach',
      code: 'char *p = shmat(shmid, NULL, 0)',
      title: { en: 'Create, attach, write', zh: '创建、映射、写入' },
      say: {
        en: `Make a segment, attach it and write "${NOTE.en}" into it, as in the shmat lesson.`,
        zh: `和 shmat 一课一样：建一个共享内存段，映射它，写入“${NOTE.zh}”。`,
      },
      notice: {
        en: 'nattch 1; dtime is 0 because nobody has detached yet.',
        zh: 'nattch 为 1；dtime 为 0，因为还没有人解除过映射。',
      },
      diagram: UNMAP,
      highlight: ['map', 'map->shm', 'shm'],
      turn: {
        say: {
          en: `The lesson's text takes +0 to ${at(CLEAR - 1)}; yours, with its closing NUL, ends inside the ${PAGE} bytes.`,
          zh: `本课的文字占 +0 到 ${at(CLEAR - 1)}；你的文字连同结尾的 NUL 要放得进这 ${PAGE} 字节。`,
        },
        yours: { en: `first your own text, at ${at(CLEAR)} or later; then the lesson's, at +0`, zh: `先写你自己的文字，从 ${at(CLEAR)} 或更后处起；再写本课的，在 +0` },
        fields: [
          { name: 'text', label: { en: 'text', zh: '文字' }, kind: { kind: 'text', maxBytes: 64 }, default: YOUR_TEXT },
          {
            name: 'offset',
            label: { en: 'offset', zh: '偏移' },
            // below CLEAR the lesson's own text, written after the learner's, would cover it
            kind: { kind: 'number', min: CLEAR, max: PAGE - 1, unit: { en: 'bytes', zh: '字节' } },
            default: String(CLEAR),
            help: {
              en: `+0 to ${at(CLEAR - 1)} hold the lesson's own text; offset + text bytes + 1 (the closing NUL) at most ${PAGE}`,
              zh: `+0 到 ${at(CLEAR - 1)} 是本课自己的文字；偏移 + 文字字节数 + 1（结尾的 NUL）不超过 ${PAGE}`,
            },
          },
        ],
        rules: [fitsInSegment],
        own: { text: NOTE.en, offset: 0 },
        // the lesson's text as the learner reads it, in their language (own holds one language's)
        ownSaid: { en: `text = "${NOTE.en}", offset = 0`, zh: `文字 = “${NOTE.zh}”、偏移 = 0` },
      },
      run: attachAndWrite,
    },
    {
      id: 'detach',
      code: 'shmdt(p)',
      title: { en: 'Detach: shmdt', zh: '解除映射：shmdt' },
      say: {
        en: 'Detach the mapping by its address.',
        zh: '按地址解除这个映射。',
      },
      notice: {
        // the record as the pane draws it beside the row: one "record:" line (issue 16: "record lines" named rows not on screen)
        // only what the Kernel pane shows: shmdt's 0 is the Trace's (issue 16 item 5)
        en: 'nattch is 0; lpid is this pid, dtime now (the Kernel pane\'s "record:" line). Still listed: detaching is not deleting.',
        zh: 'nattch 为 0；lpid 是本课进程，dtime 是此刻（见“内核”窗格“记录：”那一行）。它仍在列表里：解除映射不等于删除。',
      },
      diagram: UNMAP,
      highlight: ['map', 'map->old', 'old', 'shm'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const problems = expectOk(ctx.sys.shmdt(need(state, 'seg')));
        problems.push(...expectRow(ctx, shmid, { nattch: 0, lpid: ctx.sys.getpid() }));
        if (!(row(ctx, shmid)?.dtime ?? 0)) problems.push('dtime is still 0 after shmdt');
        return problems;
      },
    },
    {
      id: 'use-after',
      code: 'volatile char c = p[0]',
      title: { en: 'Use the old address', zh: '继续使用旧地址' },
      say: {
        // the child's end is the question: why a child reads, never how it ends (issue 16);
        // ipclab's own read is refused (its trace line): said before it runs, why in the notice
        // whose old address the child reads: its own, from its own shmat and shmdt, said before
        // the run (newcomer pass 10 could not tell which address)
        en: 'ipclab refuses its own read of the old address. A throw-away child (a C program would fork() here; ipclab starts a separate program) attaches, detaches, then reads its old address.',
        zh: 'ipclab 拒绝自己通过旧地址读取。再由一个临时子进程（C 程序在这里会 fork()；ipclab 另起一个独立程序）自己先映射、再解除映射，得到自己的旧地址，再通过它读。',
      },
      notice: {
        // (set the old pointer to NULL: the outro and check 2 say it)
        // and why ipclab refused its own read: the aside that said it folded away for the question (issue 16)
        en: 'The old address got SIGSEGV (nothing mapped there), which killed the reader, a child, not ipclab: why ipclab refused its own read.',
        zh: '通过旧地址读取收到 SIGSEGV，读的子进程被杀死，ipclab 没事：那里没有映射。这次读取会杀死 ipclab，它拒绝了自己的读取，所以才让子进程来读。',
      },
      diagram: UNMAP,
      // the question is what the read does: the child's SIGSEGV, a line of the Trace (issue 16, fixS);
      // ipclab's refusal, 8 rows above it at 80x24, the notice says itself (s27a)
      traceFocus: ['SIGSEGV'],
      highlight: ['old', 'old->SIGSEGV', 'SIGSEGV'],
      async run(ctx, state) {
        const seg = need(state, 'seg');
        const problems: string[] = [];
        const refusal = guarded(ctx, () => readText(ctx, seg, 0));
        if (refusal?.code !== 'DETACHED') problems.push('ipclab did not refuse a read through a detached segment');
        const shmid = need(state, 'shmid');
        const death = await ctx.sys.crashInChild({ shmid, op: 'use-after-detach' });
        state.oldRead = { signal: death.signal, code: death.code };
        childAttached(ctx, shmid, death, { en: 'In C, a fork() child would get a copy of this pointer, unmapped for it too; reading through it is a plain memory read, and gets the same SIGSEGV.', zh: '在 C 里，fork() 出的子进程会得到这个指针的副本，在它那里同样没有映射；通过它读只是普通的内存读取，同样会收到 SIGSEGV。' });
        if (row(ctx, shmid)?.lpid !== death.pid) problems.push(`lpid is not the child (${death.pid}) after its attach and detach`);
        if (death.signal !== 'SIGSEGV') problems.push(`the child ended with ${death.signal ?? `exit code ${death.code}`}, not SIGSEGV`);
        return problems;
      },
    },
    {
      id: 'again',
      code: 'int again = shmdt(p)',
      title: { en: 'shmdt the same address again', zh: '对同一地址再 shmdt 一次' },
      short: { en: 'shmdt it again', zh: '再 shmdt 同一地址' },
      say: {
        en: 'Call shmdt again with the same address.',
        zh: '用同一个地址再调用一次 shmdt。',
      },
      notice: {
        en: '-1 with EINVAL: no segment is attached at that address. The kernel reports the double detach; nothing else happens.',
        zh: '返回 -1，errno 为 EINVAL：这个地址上没有映射任何共享内存段。内核报告了这次重复解除，除此之外什么也没发生。',
      },
      diagram: UNMAP,
      highlight: ['old', 'old->EINVAL', 'EINVAL'],
      run: (ctx, state) => expectErrno(ctx.sys.shmdt(need(state, 'seg')), 'EINVAL'),
    },
    {
      id: 'reattach',
      code: 'char *q = shmat(shmid, NULL, 0)',
      title: { en: 'Attach the same shmid again', zh: '对同一个 shmid 重新映射' },
      short: { en: 'Attach it again', zh: '同一 shmid 再映射' },
      say: {
        en: 'Attach the same shmid once more and read. The trace sets the new address beside the one the program still holds from before shmdt.',
        zh: '对同一个 shmid 再映射一次，然后读取。跟踪里把新地址和程序在 shmdt 之前拿到、至今还留着的旧地址并排列出。',
      },
      notice: {
        en: 'The text is back: data lives in the segment. At the same address the old pointer works again, on whatever is mapped there.',
        zh: '文字又出现了：数据在共享内存段里，不在映射里。新地址若和旧地址相同，旧指针就悄悄“复活”了，读写的是那里现在映射的东西。',
      },
      diagram: UNMAP,
      // the question is where shmat lands: its address, in the Trace (issue 16, fixS)
      traceFocus: ['shmat('],
      highlight: ['map2', 'map2->shm', 'shm'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const old = need(state, 'seg');
        const segment = attach(ctx, shmid);
        if (Array.isArray(segment)) return segment;
        state.again = segment;
        const text = readText(ctx, segment, 0);
        if (segment.address === old.address) {
          explain(
            ctx,
            `old pointer ${old.address}, new mapping ${segment.address}: the same address, which the kernel picked as shmdt had freed it; nothing promises that. A C program that kept the old pointer reads ${JSON.stringify(text)} through it again. Had another segment landed there, it would read that one's bytes. After shmdt, set it to NULL.`,
            `旧指针 ${old.address}，新映射 ${segment.address}：地址相同，是内核挑的，因为 shmdt 让它空了出来；这并没有任何保证。C 程序若还留着旧指针，现在又能通过它读到“${text}”。要是落在这里的是另一个共享内存段，它读到的就是那个段的字节。所以 shmdt 之后要把指针置为 NULL。`,
          );
        } else {
          explain(
            ctx,
            `old pointer ${old.address}, new mapping ${segment.address}: different this time, but the kernel often reuses the address, and then the old pointer reads whatever is mapped there: set it to NULL after shmdt, so it is not used by mistake.`,
            `旧指针 ${old.address}，新映射 ${segment.address}：这次不同；但内核常会重用同一地址，那时旧指针又能读写那里的东西。所以 shmdt 之后要把指针置为 NULL。`,
          );
        }
        const yours = state.yours ? readYours(ctx, segment, state.yours) : [];
        const note = inLang(ctx, NOTE);
        return [...yours, ...(text === note ? expectRow(ctx, shmid, { nattch: 1 }) : [`read ${JSON.stringify(text)} after reattaching, not ${JSON.stringify(note)}`])];
      },
    },
    {
      id: 'cleanup',
      code: ['shmdt(q);', 'shmctl(shmid, IPC_RMID, NULL)'],
      title: { en: 'Detach and remove', zh: '解除映射并删除' },
      say: {
        en: 'Detach, then remove the segment with shmctl(IPC_RMID), which the next lesson explains.',
        zh: '解除映射，再用 shmctl(IPC_RMID) 删除这个共享内存段，下一课会细讲它。',
      },
      notice: {
        en: 'The segment is gone from the kernel.',
        zh: '这个共享内存段已经从内核中消失。',
      },
      diagram: UNMAP,
      highlight: ['map2', 'map2->old', 'old', 'proc', 'proc->shm', 'shm', 'shm->gone', 'gone'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        ctx.focus(null);
        return [...expectOk(ctx.sys.shmdt(need(state, 'again'))), ...expectOk(ctx.sys.shmctlRmid(shmid)), ...expectGone(ctx, shmid)];
      },
    },
  ],
  checkpoints: {
    'use-after': {
      question: { en: 'On Linux: after its shmdt, the child reads through its old address. What happens?', zh: '在 Linux 上，子进程 shmdt 之后通过旧地址读取，会怎样？' },
      choices: OLD_READ,
      answer: (live) => accessAnswer(need(live.state, 'oldRead')),
      hint: { en: 'A read from memory is an instruction, not a system call. What is at that address now?', zh: '读内存是一条指令，不是系统调用。那个地址上现在有什么？' },
      explain: (live) => {
        const { signal } = need(live.state, 'oldRead');
        return signal
          ? {
              // what a later mapping there does is step 5's question: not said here
              en: `Nothing promises what a read through a detached address does; here Linux unmapped the page at shmdt, so the load faulted: ${signal}.`,
              zh: `通过已解除映射的地址读取会怎样，没有任何规定保证；这里 Linux 在 shmdt 时已解除那一页的映射：读取出错，内核给子进程发了 ${signal}。`,
            }
          : { en: 'The child read and exited 0: something was mapped at that address again.', zh: '子进程读完以 0 退出：那个地址上又有了映射。' };
      },
    },
    again: {
      question: { en: 'shmdt on the same address a second time gives…', zh: '对同一个地址再调用一次 shmdt，会得到……' },
      choices: AGAIN,
      answer: (live) => choiceOf(AGAIN, lastCall(live, 'shmdt').errno, 0),
      hint: { en: 'Nothing is mapped at that address any more.', zh: '那个地址上已经没有映射了。' },
      explain: (live) => ({
        en: `${outcomeOf(lastCall(live, 'shmdt')).en}: no segment is attached at that address now.`,
        zh: `${outcomeOf(lastCall(live, 'shmdt')).zh}：那个地址上现在没有映射任何共享内存段。`,
      }),
    },
    reattach: {
      question: { en: 'shmat(shmid, NULL, 0) of the same shmid again: where does it land?', zh: '对同一个 shmid 再调用 shmat(shmid, NULL, 0)：映射到哪里？' },
      choices: LANDS,
      answer: (live) => (lastCall(live, 'shmat').errno !== null ? 2 : 1),
      hint: { en: 'With NULL the kernel picks a free stretch of addresses; shmdt freed the old one.', zh: '地址传 NULL 时由内核挑一块空闲的地址；shmdt 让旧的那块空了出来。' },
      explain: (live) => {
        const call = lastCall(live, 'shmat');
        const old = need(live.state, 'seg').address;
        if (call.errno !== null) return outcomeOf(call);
        return call.ret === old
          // the danger, then the cure: "works again, so set it to NULL" read as a non sequitur (issue 16)
          ? { en: `${call.ret}: the old address again, which nothing promises. A pointer kept from before reads whatever is mapped there: set it to NULL after shmdt.`, zh: `${call.ret}：内核这次挑了旧地址（shmdt 后它空了）；这没有保证，所以不是“总在旧地址”。之前留下的指针会读到那里映射的任何东西：shmdt 后要把它置为 NULL。` }
          : { en: `${call.ret}: the kernel picked another address than the old ${old} this time; it often reuses it, so set the old pointer to NULL after shmdt.`, zh: `${call.ret}：这次内核挑的不是旧的 ${old}；但它常会重用旧地址，所以 shmdt 后要把旧指针置为 NULL。` };
      },
    },
  },
  check: [
    {
      question: { en: 'What does shmdt take?', zh: 'shmdt 的参数是什么？' },
      choices: [
        { en: 'the shmid', zh: 'shmid', whyNot: { en: 'one segment may be mapped at several addresses; only the address says which mapping to end.', zh: '同一个共享内存段可以映射在几个地址上；只有地址能指明结束哪个映射。' } },
        { en: 'the address shmat returned', zh: 'shmat 返回的地址' },
        { en: 'the key', zh: 'key', whyNot: { en: 'a key is only for shmget, to find a segment; shmdt ends one mapping of it.', zh: 'key 只给 shmget 找共享内存段用；shmdt 结束的是其中一个映射。' } },
      ],
      answer: 1,
      explain: { en: 'shmdt(addr) unmaps what shmat mapped at addr.', zh: 'shmdt(addr) 解除 shmat 在 addr 处建立的映射。' },
    },
    {
      // step 3 showed the fault and step 5 the reuse: this asks for the rule that holds of both
      question: { en: 'On Linux, after shmdt, a program keeps using the old\u00a0pointer. It…', zh: '在 Linux 上，shmdt 之后程序继续使用旧指针。它……' },
      choices: [
        { en: 'always dies of SIGSEGV', zh: '总会被 SIGSEGV 杀死', whyNot: { en: 'only while nothing is mapped there; once a later shmat (or mmap) lands there, the access silently works.', zh: '只在那里没有映射时才如此；之后的 shmat（或 mmap）落到那里，访问就悄悄成功了。' } },
        { en: 'dies of SIGSEGV until something maps there', zh: '在那里又有映射之前，会被 SIGSEGV 杀死' },
        { en: 'still reaches the detached segment', zh: '仍能访问已解除映射的共享内存段', whyNot: { en: 'the data is still in the segment, but the process no longer has it mapped at that address.', zh: '数据还在共享内存段里，但进程在那个地址上已经没有映射了。' } },
      ],
      answer: 1,
      explain: { en: 'Nothing promises what it does. On Linux, with nothing mapped there it faults (SIGSEGV); with something mapped there again it silently uses that. Set it to NULL after shmdt.', zh: '没有任何规定保证使用它会怎样。在 Linux 上，那里没有映射时访问出错（SIGSEGV）；那里又有了映射时，它悄悄读写那个映射。shmdt 之后应把它置为 NULL。' },
    },
    {
      question: { en: 'Detach, then attach again. The text written before…', zh: '解除映射后再映射，之前写的文字……' },
      choices: [
        { en: 'is still there', zh: '还在' },
        { en: 'is zeroed', zh: '被清零', whyNot: { en: 'only a new segment starts zeroed; detaching leaves the kernel\'s pages as they are.', zh: '只有新建的共享内存段才从零开始；解除映射不动内核里的页。' } },
      ],
      answer: 0,
      explain: { en: 'The data lives in the kernel\'s segment, not in the mapping.', zh: '数据存在内核的共享内存段里，不在映射里。' },
    },
  ],
});
