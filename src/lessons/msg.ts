// The msg lesson: a System V message queue. Messages carry a type; msgrcv chooses by
// type 0 (the first), a positive type (the first of it) or a negative one (the lowest
// type up to it); reading takes a message out. IPC_NOWAIT turns waiting into ENOMSG
// (empty) and EAGAIN (full). A reader blocked in msgrcv is a second process (a blocking
// call here would freeze the screen): a send wakes it, IPC_RMID wakes it with EIDRM.
import { untilInMsgrcv } from './blocked.js';
import { defineLesson } from './define.js';
import { expectErrno, expectOk, explain, inLang, LESSON_PROCESS, need } from './kit.js';
import type { Lang } from '../lang.js';
import { peerEnded, peerReached, startPeer } from './peer-process.js';
import { BLOCKER_EXIT, MSG_MAX } from '../proto/blocker.js';
import { describeExit, type PeerProcess } from '../proto/spawn.js';
import type { CallRecord } from '../native/types.js';
import { NO_BREAK } from '../text/cells.js';
import { TERMS } from '../text/terms.js';
import type { LiveResult, StepContext, Text } from './types.js';
import { OUR_ROW } from './types.js';
import { choice, choiceOf, counts, lastCall, outcomeOf } from './checkpoint-kit.js';
import { noMessageFits } from './turn/errno-why.js';
import { explainOwnRun, explainTurn, explainTurnCall } from './turn/explain.js';
import { numberValue, textValue, type Turn } from './turn/fields.js';

const FLOW = 'msg-queue';
const READER: Text = TERMS.reader;
/** the lesson's own process sends and reads (steps 2-6): no "sender" alone, as sem and race call theirs */
/** the messages of the first step: [type, text], the text in the learner's language as the
 *  step runs (inLang): an English run shows no Chinese and a Chinese run no English. The byte
 *  counts the texts name are each language's own (UTF-8: a Chinese character is 3 bytes). */
const SENT_IN: Record<Lang, [number, string][]> = {
  en: [[1, 'one'], [2, 'two'], [1, 'one again'], [3, 'three']],
  zh: [[1, '一'], [2, '二'], [1, '又是一'], [3, '三']],
};
/** the types sent, the same in both languages (what is said of types alone reads it) */
const SENT = SENT_IN.en;
const quoted = (lang: Lang, i: number) => JSON.stringify(SENT_IN[lang][i][1]);
/** "type 1 "one", type 2 …" in each language */
const SENT_LIST: Text = {
  en: SENT.map(([type], i) => `type ${type} ${quoted('en', i)}`).join(', '),
  zh: SENT.map(([type], i) => `类型 ${type} ${quoted('zh', i)}`).join('、'),
};
/** each text's bytes as msgsnd is given them: UTF-8, no terminating NUL */
const sentBytes = (lang: Lang): number[] => SENT_IN[lang].map(([, text]) => Buffer.byteLength(text));
const sentSum = (lang: Lang): string => `${sentBytes(lang).join(' + ')} = ${sentBytes(lang).reduce((a, b) => a + b, 0)}`;
/** what step 6 sends to wake the reader */
const WAKE: Record<Lang, string> = { en: 'wake up', zh: '醒醒' };
/** the form's mtext to start from: the program's name, the same word in both languages */
const YOUR_TEXT = 'ipclab';
/** how big the messages that fill the queue are */
const FILL_BYTES = 4000;
const FILL_MAX = 64;

const TYPES = counts({ en: 'type', zh: '类型' }, [1, 2, 3], [
  { en: 'this time no type 1 message was left, so -3, which takes the lowest type up to 3, could not take type 1.', zh: '这次队列里没有类型 1 的消息了，所以 -3 虽取不超过 3 的最小类型，也取不到类型 1。' },
  { en: 'the one type 2 message was taken by the type 2 call before; none is left.', zh: '唯一一条类型 2 的消息已被前面类型 2 的调用取走，没有剩下。' },
  { en: '-3 does not ask for type 3; it takes the lowest type up to 3, and a type 1 message still waits.', zh: '-3 不是要类型 3，而是取不超过 3 的最小类型，而类型 1 的消息还在。' },
]);
// What the call does, which a learner can reason out from the flag's name; the errno comes
// with the result, named and explained there. A choice naming an errno with its meaning
// answered the question (issue 16: "ENOMSG (no message of desired type)" under "the queue is
// empty", "EIDRM (identifier removed)" under "the queue is removed"; tests/lessons/choice-gloss).
const EMPTY_NOWAIT = [
  choice({ en: 'returns at once with an error', zh: '立刻返回一个错误', value: 'error' }, { en: 'this kernel said otherwise, though Linux\'s msgrcv fails at once (ENOMSG) on an empty queue with IPC_NOWAIT.', zh: '这个内核的回答不同，虽然队列空且带 IPC_NOWAIT 时 Linux 的 msgrcv 会立刻失败（ENOMSG）。' }),
  choice({ en: 'sleeps until a message comes', zh: '睡眠，直到有消息来' }, { en: 'it sleeps only without IPC_NOWAIT; that flag makes msgrcv return at once.', zh: '只有不带 IPC_NOWAIT 才会睡眠；这个标志让 msgrcv 立刻返回。' }),
  choice({ en: 'returns at once with an empty message', zh: '立刻返回一条空消息' }, { en: 'an empty message is one somebody sent (step 2\'s form can); with none queued there is nothing to return.', zh: '空消息也得有人发过（第 2 步的表单就能发）；队列里一条都没有，就没有可返回的。' }),
];
const REMOVED = [
  choice({ en: 'wakes at once with an error', zh: '立刻醒来，带着一个错误', value: 'failed' }, { en: 'this reader had not returned, or got a message, though a sleeper wakes with an error (EIDRM) when its queue goes.', zh: '这次读者还没返回，或收到了消息，虽然队列被删时睡眠的读者会带着错误（EIDRM）醒来。' }),
  choice({ en: 'sleeps on (nothing wakes it)', zh: '继续睡眠（没有什么唤醒它）' }, { en: 'removing a queue wakes every process asleep on it; none sleeps on a queue that is gone.', zh: '删除队列会唤醒所有睡在它上面的进程；没有进程会睡在已不存在的队列上。' }),
  choice({ en: 'is killed with the queue', zh: '随队列一起被杀死' }, { en: 'IPC_RMID sends no signal. The kernel wakes the sleeper, its msgrcv returns -1, and the reader goes on.', zh: 'IPC_RMID 不发信号。内核唤醒睡眠者，它的 msgrcv 返回 -1，读者接着运行。' }),
];

/** The reader's msgrcv as it returned in this step; undefined while it has not returned. */
function readerCall(live: LiveResult<MsgState>): CallRecord | undefined {
  const pid = need(live.state, 'reader').pid;
  return live.calls.filter((c) => c.call === 'msgrcv' && c.pid === pid).at(-1);
}

interface MsgState {
  msqid?: number;
  reader?: PeerProcess;
  /** msg.mtype of the last message msgrcv took (the by-type checkpoint reads it) */
  taken?: number;
  /** how many messages the full queue of step 5 holds, for step 6 to read them out */
  full?: number;
  /** the messages sent and not yet taken, oldest first, as msgsnd and msgrcv passed them: what
   *  the checkpoints quote and the trace lists (showQueued), so both say what the calls did */
  queued?: [number, string][];
}

/** msg_qnum right now, from IPC_STAT (traced: the learner sees where the figure comes from). */
function qnum(ctx: StepContext, msqid: number): number | undefined {
  return ctx.sys.msgctlStat(msqid).ds?.qnum;
}

function expectQnum(ctx: StepContext, msqid: number, want: number): string[] {
  const got = qnum(ctx, msqid);
  return got === want ? [] : [`queue ${msqid}: msg_qnum is ${got}, expected ${want}`];
}

/** msgrcv(msqid, buf, max, type, flags); problems unless it gave `want` (text) or failed with `errno`. */
function receive(ctx: StepContext, state: MsgState, type: number, want: { text: string } | { errno: string }, flags = 0, max = MSG_MAX): string[] {
  const { call, message } = ctx.sys.msgrcv(need(state, 'msqid'), max, type, flags);
  const text = message?.data.toString('utf8');
  if (message) {
    state.taken = message.mtype;
    const at = state.queued?.findIndex(([type, queued]) => type === message.mtype && queued === text) ?? -1;
    if (at >= 0) state.queued!.splice(at, 1);
  }
  if ('errno' in want) return expectErrno(call, want.errno);
  const problems = expectOk(call);
  if (message && max === MSG_MAX) explain(ctx, `got msg.mtype ${message.mtype}, msg.mtext ${JSON.stringify(text)}`, `收到 msg.mtype ${message.mtype}，msg.mtext ${JSON.stringify(text)}`);
  if (!problems.length && text !== want.text) problems.push(`msgrcv(type ${type}) gave ${JSON.stringify(text)}, not ${JSON.stringify(want.text)}`);
  return problems;
}

/** msgsnd of {type, text}, with what the message holds said first (the call shows only its size). */
function send(ctx: StepContext, state: MsgState, type: number, text: string): string[] {
  explain(ctx, `msg.mtype = ${type}; msg.mtext = ${JSON.stringify(text)}`, `msg.mtype = ${type}；msg.mtext = ${JSON.stringify(text)}`);
  const call = ctx.sys.msgsnd(need(state, 'msqid'), type, text, 0);
  if (call.errno === null) (state.queued ??= []).push([type, text]);
  return expectOk(call);
}

/** The messages waiting in the queue, each as msgrcv would return it, on one trace line. The
 *  kernel lists only counts (msg_qnum, used-bytes), never a message, so the line says it is
 *  ipclab's own record of what it sent (issue 16: newcomers never saw what waited in the queue). */
function showQueued(ctx: StepContext, state: MsgState): void {
  const each = (lang: Lang) => (state.queued ?? []).map(([type, text]) => (lang === 'en' ? `type ${type} ${JSON.stringify(text)} (${Buffer.byteLength(text)} bytes)` : `类型 ${type} ${JSON.stringify(text)}（${Buffer.byteLength(text)} 字节）`));
  explain(
    ctx,
    `waiting in the queue, oldest first: ${each('en').join(', ')}. (No tool lists a queue's messages; this is ipclab's own record of what it sent.)`,
    `队列里等着的消息，从早到晚：${each('zh').join('，')}。（没有工具能列出队列里的消息；这是 ipclab 自己记下的发送内容。）`,
  );
}

/** The range of msgrcv's type field (mtype's starts at 1): mtype and msgtyp are C longs, 64 bits on
 *  Linux x86-64 and arm64 (up to 2^63 - 1), but the kernel treats every type above 0 alike,
 *  and a field's error line must name its limits in one line; the helps say the form's
 *  limit is narrower than the type's. An int's range, as sem's val field has: two forms
 *  with one range (newcomers met -2147483647 here and -2147483648 there and asked why). */
const TYPE_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** "N > 0" kept on one line: an expression is not broken between lines */
const nb = (s: string) => s.replaceAll(' ', NO_BREAK);

/** msgsnd's form: a message of the learner's own, sent first and taken back out. */
const SEND_TURN: Turn = {
  say: {
    en: 'ipclab reads yours back out, so the lesson\'s four go into an empty queue.',
    zh: 'ipclab 随即把你的读回来，本课的四条仍放进空队列。',
  },
  ownSaid: { en: 'the four messages', zh: '那四条消息' },
  yours: { en: "first your own message (mtype, mtext), then the lesson's four", zh: '先发你自己的消息（mtype、mtext），再发本课的四条' },
  fields: [
    {
      name: 'mtype',
      label: { en: 'mtype', zh: 'mtype' },
      // the range msgsnd takes (fix28a#10: the form offered -2^31.. and its help said only > 0;
      // a type below 1 is EINVAL, and msgrcv's form takes those as its rules of choice)
      kind: { kind: 'number', min: 1, max: TYPE_RANGE.max },
      default: '1',
      help: {
        en: `a long, 64 bits on Linux; this form stops at ${nb('2^31 - 1')}, more types than a program needs. A type starts at 1: msgrcv reads 0 and negatives as rules for which message to take`,
        zh: `long 类型，Linux 上为 64 位；本表单只接受不超过 ${nb('2^31 - 1')} 的值，任何程序都够用了。类型从 1 起：msgrcv 把 0 和负数当作挑选消息的规则`,
      },
    },
    {
      name: 'text',
      label: { en: 'mtext', zh: 'mtext' },
      kind: { kind: 'text', maxBytes: MSG_MAX },
      default: YOUR_TEXT,
      help: { en: "what the buffer of the lesson's msgrcv holds; empty is a message too", zh: '即本课 msgrcv 的缓冲区大小；空文字也是一条消息' },
    },
  ],
};

/** Step 2 with the learner's message: sent, shown in msg_qnum and used-bytes (IPC_STAT),
 *  then taken back by its type so the queue is empty again for the lesson's four. */
function sendTurn(ctx: StepContext, state: MsgState): string[] {
  const msqid = need(state, 'msqid');
  const type = numberValue(ctx.turn.values, 'mtype');
  const text = textValue(ctx.turn.values, 'text');
  explain(ctx, `msg.mtype = ${type}; msg.mtext = ${JSON.stringify(text)}`, `msg.mtype = ${type}；msg.mtext = ${JSON.stringify(text)}`);
  const call = ctx.sys.msgsnd(msqid, type, text, 0);
  if (call.errno !== null) {
    explainTurnCall(ctx, call, { en: '', zh: '' });
    explainOwnRun(ctx, 'later');
    return type < 1 ? expectErrno(call, 'EINVAL') : [];
  }
  const ds = ctx.sys.msgctlStat(msqid).ds;
  const bytes = Buffer.byteLength(text);
  explainTurnCall(ctx, call, {
    en: `The queue holds it: messages ${ds?.qnum}, used-bytes ${ds?.cbytes}, the text's ${bytes} bytes (mtype is not counted). ipclab takes it back with msgrcv type ${type}, so the lesson's four go into an empty queue.`,
    zh: `队列收下了它：messages 为 ${ds?.qnum}，used-bytes 为 ${ds?.cbytes}，即正文的 ${bytes} 字节（mtype 不计）。ipclab 用类型 ${type} 的 msgrcv 把它取回，本课的四条仍放进空队列。`,
  });
  const problems = ds?.qnum === 1 && ds.cbytes === bytes ? [] : [`after your message: messages ${ds?.qnum}, used-bytes ${ds?.cbytes}, not 1 and ${bytes}`];
  const back = ctx.sys.msgrcv(msqid, MSG_MAX, type, ctx.sys.IPC_NOWAIT);
  const got = back.message?.data.toString('utf8');
  if (back.call.errno !== null || got !== text) problems.push(`msgrcv(type ${type}) gave ${back.call.errno ?? JSON.stringify(got)}, not your message`);
  explainOwnRun(ctx, 'later');
  return problems;
}

/** msgrcv's form: one call with the learner's msgtyp and msgsz on the four messages of step 2. */
const BY_TYPE_TURN: Turn = {
  say: {
    // what IPC_NOWAIT is for, in step 4's own neutral words, not what it makes msgrcv do: that
    // is step 4's question (issue 16: "(step 4 shows what it does)" left it unsaid here). The
    // lesson's own three pass 0 (each finds its message), and the trace shows both (nc: the text said all had it)
    en: 'Yours has IPC_NOWAIT in msgflg, a flag for when no message of your type is there; the lesson\'s own three msgrcv pass 0.',
    zh: '你的调用在 msgflg 里带 IPC_NOWAIT，这个标志决定没有你要的类型的消息时怎么办；本课自己的三次 msgrcv 传的是 0。',
  },
  yours: { en: "first your own msgrcv (msgtyp: type wanted; msgsz: most bytes copied), then the lesson's", zh: '先用你自己的 msgrcv（msgtyp：要的类型；msgsz：最多复制的字节数），再用本课的' },
  ownSaid: { en: `msgtyp 0, 2 and -3 with msgsz ${MSG_MAX}`, zh: `msgtyp 0、2、-3，msgsz ${MSG_MAX}` },
  fields: [
    {
      name: 'msgtyp',
      label: { en: 'msgtyp', zh: 'msgtyp' },
      kind: { kind: 'number', ...TYPE_RANGE },
      default: '-3',
      help: {
        en: `a long, 64 bits on Linux; this form takes an int's range, ${nb('-2^31')} to ${nb('2^31 - 1')}, as mtype's, more than a program needs. 0: the first message; ${nb('N > 0')}: the first of type N; -N: the first of the lowest type up to N`,
        zh: `long 类型，Linux 上为 64 位；本表单和 mtype 的一样只接受 int 范围内的值（${nb('-2^31')} 到 ${nb('2^31 - 1')}），任何程序都够用了。0：队首那条；${nb('N > 0')}：第一条类型为 N 的；-N：类型不超过 N 的消息中类型最小的第一条`,
      },
    },
    {
      name: 'msgsz',
      label: { en: 'msgsz', zh: 'msgsz' },
      kind: { kind: 'number', min: 0, max: MSG_MAX, unit: { en: 'bytes', zh: '字节' } },
      default: String(MSG_MAX),
      help: { en: "the most text msgrcv may copy, up to the size of the lesson's buffer", zh: 'msgrcv 最多复制的正文字节数，不超过本课缓冲区的大小' },
    },
  ],
};

/** Which of `queue` ([type, text], oldest first) msgrcv with `msgtyp` takes, by the kernel's
 *  rule; -1 when none fits. */
function pickByType(queue: readonly (readonly [number, string])[], msgtyp: number): number {
  if (msgtyp === 0) return queue.length ? 0 : -1;
  if (msgtyp > 0) return queue.findIndex(([type]) => type === msgtyp);
  const fits = queue.map(([type], i) => ({ type, i })).filter(({ type }) => type <= -msgtyp);
  if (!fits.length) return -1;
  const lowest = Math.min(...fits.map(({ type }) => type));
  return fits.find(({ type }) => type === lowest)!.i;
}

/** The rule msgtyp follows, for the line after the learner's msgrcv. */
function typeRule(msgtyp: number): Text {
  if (msgtyp === 0) return { en: 'msgtyp 0 takes the first message in the queue, whatever its type', zh: 'msgtyp 为 0 取队首那条，不管类型' };
  if (msgtyp > 0) return { en: `msgtyp ${msgtyp} takes the first message of type ${msgtyp}`, zh: `msgtyp 为 ${msgtyp} 取第一条类型为 ${msgtyp} 的消息` };
  return { en: `msgtyp ${msgtyp} takes, among the types up to ${-msgtyp}, the lowest, and of it the first message`, zh: `msgtyp 为 ${msgtyp} 在类型不超过 ${-msgtyp} 的消息里取类型最小的，同类型取最早的一条` };
}

/** Step 3 with the learner's msgtyp and msgsz: one msgrcv (IPC_NOWAIT) on the queue of step 2,
 *  explained by the rule of its msgtyp and checked against it; if it took a message, the queue
 *  is emptied and the four sent again, so the lesson's own calls meet the queue of step 2. */
function byTypeTurn(ctx: StepContext, state: MsgState): string[] {
  const msqid = need(state, 'msqid');
  const msgtyp = numberValue(ctx.turn.values, 'msgtyp');
  const msgsz = numberValue(ctx.turn.values, 'msgsz');
  const sent = inLang(ctx, SENT_IN);
  const want = pickByType(sent, msgtyp);
  const { call, message } = ctx.sys.msgrcv(msqid, msgsz, msgtyp, ctx.sys.IPC_NOWAIT);
  const rule = typeRule(msgtyp);
  const problems: string[] = [];
  if (message) {
    const text = message.data.toString('utf8');
    explainTurnCall(ctx, call, {
      en: `It took type ${message.mtype} ${JSON.stringify(text)}: ${rule.en}.`,
      zh: `取到类型 ${message.mtype} 的 ${JSON.stringify(text)}：${rule.zh}。`,
    });
    if (want < 0 || sent[want][0] !== message.mtype || sent[want][1] !== text) problems.push(`msgrcv(type ${msgtyp}) took type ${message.mtype} ${JSON.stringify(text)}, not what the rule picks`);
  } else {
    // ENOMSG's usual why ends "and IPC_NOWAIT forbids waiting", which answered step 4's
    // question a step early (a newcomer pass): the line after says why no message fits
    if (call.errno === 'ENOMSG') {
      const none = noMessageFits(msgtyp);
      explainTurn(ctx, { en: `Your values: ${call.c} failed with ENOMSG: ${none.en}.`, zh: `你的取值：${call.c} 失败，errno 为 ENOMSG：${none.zh}。` });
    }
    else explainTurnCall(ctx, call, { en: '', zh: '' });
    if (call.errno === 'E2BIG' && want >= 0) {
      const [type, text] = sent[want];
      explainTurn(ctx, {
        en: `The kernel picks type ${type} ${JSON.stringify(text)}: ${rule.en}. Its ${Buffer.byteLength(text)} bytes are more than msgsz ${msgsz}, so it is still queued.`,
        zh: `内核选中的是类型 ${type} 的 ${JSON.stringify(text)}：${rule.zh}。它有 ${Buffer.byteLength(text)} 字节，比 msgsz ${msgsz} 长，所以仍在队列里。`,
      });
    }
    if (call.errno === 'ENOMSG' && want < 0) {
      const types = SENT.map(([type]) => type);
      explainTurn(ctx, {
        en: `The queue holds types ${types.slice(0, -1).join(', ')} and ${types.at(-1)}, and ${rule.en}: none fits.`,
        zh: `队列里的类型是 ${types.join('、')}，而 ${rule.zh}：没有一条符合。`,
      });
      // the kernel picks a message first and checks its size only then (do_msgrcv): a msgsz
      // too small for the messages never got to fail
      const largest = Math.max(...sent.map(([, text]) => Buffer.byteLength(text)));
      if (msgsz < largest) {
        explainTurn(ctx, {
          en: `Your msgsz ${msgsz} is smaller than some messages here (up to ${largest} bytes), but that case did not run: the kernel checks the size only once it has picked a message, and ENOMSG came first. A type that matches shows E2BIG.`,
          zh: `你的 msgsz ${msgsz} 比这里的一些消息小（最长 ${largest} 字节），但这种情况没有发生：内核先选出消息，再检查大小，而 ENOMSG 在前。换一个能匹配的类型，就会看到 E2BIG。`,
        });
      }
    }
    const expected = want < 0 ? 'ENOMSG' : 'E2BIG';
    if (call.errno !== expected) problems.push(`msgrcv(type ${msgtyp}, msgsz ${msgsz}) failed with ${call.errno}, not ${expected}`);
  }
  if (message) {
    explainTurn(ctx, {
      en: 'ipclab reads the three left out and sends the four again, so the lesson\'s own calls meet the queue of step 2.',
      zh: 'ipclab 把剩下的三条读出，再重发那四条，让本课自己的调用面对第 2 步的队列。',
    });
    for (let i = 1; i < SENT.length; i++) if (ctx.sys.msgrcv(msqid, MSG_MAX, 0, ctx.sys.IPC_NOWAIT).call.errno !== null) problems.push('emptying the queue failed');
    for (const [type, text] of sent) problems.push(...expectOk(ctx.sys.msgsnd(msqid, type, text, 0)));
    state.queued = sent.map(([type, text]) => [type, text]);
  }
  explainOwnRun(ctx, 'question');
  return [...problems, ...expectQnum(ctx, msqid, SENT.length)];
}

/** Starts a reader that blocks in msgrcv(msqid, type 0) and waits until it sleeps there. */
async function blockedReader(ctx: StepContext, state: MsgState): Promise<{ reader: PeerProcess; problems: string[] }> {
  const msqid = need(state, 'msqid');
  const reader = startPeer(ctx, { role: 'blocker', call: { kind: 'msgrcv', msqid, type: 0 }, parent: ctx.sys.getpid() }, READER, () => showProcesses(ctx, state));
  state.reader = reader;
  showProcesses(ctx, state);
  const problems = await peerReached(reader, 'calling');
  if (problems.length) return { reader, problems };
  const asleep = await untilInMsgrcv(reader.pid);
  if (!asleep.length) explain(ctx, `process ${reader.pid} sleeps in msgrcv (/proc/${reader.pid}/wchan: do_msgrcv)`, `进程 ${reader.pid} 在 msgrcv 里睡眠（/proc/${reader.pid}/wchan：do_msgrcv）`);
  return { reader, problems: asleep };
}

function showProcesses(ctx: StepContext, state: MsgState): void {
  const { reader } = state;
  ctx.setProcesses([
    { pid: ctx.sys.getpid(), role: LESSON_PROCESS, attached: false, alive: true },
    ...(reader ? [{ pid: reader.pid, role: READER, attached: false, alive: !reader.exit }] : []),
  ]);
}

/** Problems unless the reader's msgrcv returned with `errno` (null: it got a message). */
async function readerReturned(reader: PeerProcess, errno: string | null): Promise<string[]> {
  const problems = await peerReached(reader, 'returned');
  if (problems.length) return problems;
  const exit = await peerEnded(reader);
  const call = reader.events.find((e) => e.type === 'call' && e.call === 'msgrcv');
  const got = call?.type === 'call' ? call.errno : undefined;
  if (got !== errno) return [`the reader's msgrcv ended with ${got ?? 'success'}, not ${errno ?? 'a message'}`];
  // as msg.c's blocked_reader: exit 0 with a message, 2 after EIDRM
  const want = errno === null ? BLOCKER_EXIT.ok : errno === 'EIDRM' ? BLOCKER_EXIT.removed : BLOCKER_EXIT.failed;
  return exit.code === want ? [] : [`the reader ended with ${describeExit(exit)}, not exit code ${want} as msg.c's reader after ${errno ?? 'a message'}`];
}

export const msg = defineLesson<MsgState>({
  id: 'msg',
  title: { en: 'message queues — msgsnd, msgrcv', zh: '消息队列——msgsnd、msgrcv' },
  // names no step that asks a question (issue 16: "tried twice: with IPC_NOWAIT (step 4), then
  // without it (step 6)" beside step 6's title "A reader sleeps in msgrcv" answered msg 4); the
  // flag is met here, neutrally, as step 3's form offers it
  intro: {
    en: 'The second System V object. A queue holds messages, each a type (a long > 0) and text. msgsnd adds one at the end; msgrcv takes one out, chosen by type. Both take flags, IPC_NOWAIT among them. "lesson" in the list of processes is the lesson process, ipclab itself.',
    zh: 'System V 的第二种对象。消息队列存放消息，每条有一个类型（大于 0 的 long）和正文。msgsnd 放到队尾；msgrcv 按类型取走一条，读过的消息就不在队列里了。两者都可以带标志，IPC_NOWAIT 是其中之一。进程列表里的“本课”是本课进程，即 ipclab 自己。',
  },
  aside: {
    en: 'a reader that sleeps in msgrcv is a second process, ipclab\'s program started again (asleep in ipclab, it would freeze the screen).',
    zh: '在 msgrcv 里睡眠的读者是另起的进程（ipclab 的程序再启动一次），因为在 ipclab 里睡眠会卡住界面。',
  },
  outro: {
    en: 'A queue delivers each message once, in order within a type, and does the waiting.',
    zh: '消息队列把每条消息只交给一个读者，同一类型内按发送顺序，还自带等待。',
  },
  diagrams: [FLOW],
  summary: 'send typed messages, receive by type 0, a type and a negative type; ENOMSG, EAGAIN on a full queue; a blocked reader woken by a send, then by IPC_RMID with EIDRM',
  code: [
    { path: 'msg.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'create',
      code: 'int q = msgget(IPC_PRIVATE, 0600)',
      title: { en: 'msgget: a new queue', zh: 'msgget：新建一个消息队列' },
      say: {
        // no IPC_CREAT beside IPC_PRIVATE, which always creates (issue 16: "IPC_CREAT is not
        // needed" under a call that passed it); sem and race call semget so too
        en: 'msgget(IPC_PRIVATE, 0600) makes a new queue, as shmget(IPC_PRIVATE, …) makes a segment, and returns its msqid (like a shmid).',
        zh: 'msgget(IPC_PRIVATE, 0600) 新建一个消息队列（如同 shmget(IPC_PRIVATE, …) 新建共享内存段），返回它的 msqid，相当于 shmid。',
      },
      notice: {
        // lspid, lrpid: not ipcs -q's columns (nc); which pane shows ipcs's output: the Trace (issue 16);
        // ipcs -q's row is above the window at 80x24: said without its figures (issue 16)
        en: 'ipcs -q lists the queue empty. In the Trace pane, ipcs -q -p, msgctl IPC_STAT: lspid, lrpid (last sender, receiver) 0.',
        zh: 'ipcs -q 列出了这个队列，是空的：没有字节，也没有消息。“跟踪”窗格里 ipcs -q -p 与 msgctl 的 IPC_STAT：lspid、lrpid（最后收发者）为 0。',
      },
      // ipcs -q -p with its heading in view: ipcs -q's row above it is said in the notice (issue 16 pass 8: ~9 presses)
      traceFocus: ['$ ipcs -q -p'],
      diagram: FLOW,
      highlight: ['queue'],
      async run(ctx, state) {
        const call = ctx.sys.msgget(ctx.sys.IPC_PRIVATE, 0o600);
        if (call.errno !== null) return expectOk(call);
        const msqid = call.ret as number;
        state.msqid = msqid;
        // removed on reset and on every way out; gone already after the last step
        ctx.onReset(() => {
          if (ctx.sys.readQueues().some((q) => q.msqid === msqid)) ctx.sys.msgctlRmid(msqid);
        });
        showProcesses(ctx, state);
        await ctx.exec('ipcs', ['-q']);
        // the notice reads lspid and lrpid, which only -p prints (issue 16: only ipcs -q was shown)
        await ctx.exec('ipcs', ['-q', '-p']);
        // the fields the notice reads, under the IPC_STAT call as shmctl's are (issue 16: the
        // trace showed only "= 0"); msg_qnum is step 2's to name
        const { ds } = ctx.sys.msgctlStat(msqid);
        if (!ds) return [`msgctl(${msqid}, IPC_STAT) failed`];
        const fields = `lspid ${ds.lspid}  lrpid ${ds.lrpid}`;
        explain(ctx, fields, fields);
        return ds.qnum === 0 && ds.lspid === 0 && ds.lrpid === 0 ? [] : [`new queue ${msqid}: msg_qnum ${ds.qnum}, ${fields}, not all 0`];
      },
    },
    {
      id: 'send',
      code: ['send_note(q, 1, "one"', 'send_note(q, 2, "two"', 'send_note(q, 1, "one again"', 'send_note(q, 3, "three"'],
      title: { en: 'msgsnd: four messages, three types', zh: 'msgsnd：四条消息，三种类型' },
      say: {
        en: `msgsnd four messages: ${SENT_LIST.en}.`,
        zh: `用 msgsnd 发四条消息：${SENT_LIST.zh}。`,
      },
      notice: {
        en: `messages 4 (the field msg_qnum); used-bytes ${sentSum('en')}: the texts' bytes only, with no NUL; the types are not counted.`,
        zh: `messages 为 4（即字段 msg_qnum）；used-bytes 为 ${sentSum('zh')}：只算正文的字节，没有 NUL，类型也不计。`,
      },
      aside: {
        en: 'texts go as UTF-8 (one byte for each of these letters, three for a Chinese character), and the length given to msgsnd counts the text alone.',
        zh: 'ipclab 把正文按 UTF-8 发送（一个汉字 3 字节）；传给 msgsnd 的长度只算正文。',
      },
      // the notice reads the Kernel pane's columns (this step runs no ipcs): that pane is the result
      // (issue 16 pass 6: the Trace was shown under "messages 4 … used-bytes 20")
      resultPane: 'kernel',
      traceFocus: [OUR_ROW, 'IPC_STAT'],
      diagram: FLOW,
      highlight: ['lesson', 'lesson->queue', 'queue'],
      turn: SEND_TURN,
      run(ctx, state) {
        const msqid = need(state, 'msqid');
        const yours = ctx.turn.custom ? sendTurn(ctx, state) : [];
        const problems = [...yours, ...inLang(ctx, SENT_IN).flatMap(([type, text]) => send(ctx, state, type, text))];
        showQueued(ctx, state);
        return [...problems, ...expectQnum(ctx, msqid, SENT.length)];
      },
    },
    {
      id: 'by-type',
      code: 'expect(take(q, 0, 0) == 1',
      title: { en: 'msgrcv by type: 0, 2, -3', zh: 'msgrcv 按类型取：0、2、-3' },
      say: {
        en: 'Type 0 takes the first message; type 2 the first of type 2. Then type -3. A negative type -N looks at the messages of type N or lower, and takes the first of the lowest type among them.',
        zh: '类型 0 取队首的消息；类型 2 取第一条类型为 2 的消息。然后是类型 -3。类型为负数 -N 时，只看类型不超过 N 的消息，在其中取类型最小的第一条。',
      },
      notice: {
        en: `Type 0 gave ${quoted('en', 0)}, 2 gave ${quoted('en', 1)}, -3 gave ${quoted('en', 2)}: the lowest type up to 3; within a type, the order sent.`,
        zh: `类型 0 取到 ${quoted('zh', 0)}，类型 2 取到 ${quoted('zh', 1)}，-3 取到 ${quoted('zh', 2)}：不超过 3 的最小类型，同一类型内按发送顺序。`,
      },
      diagram: FLOW,
      highlight: ['queue', 'queue->lesson', 'lesson'],
      turn: BY_TYPE_TURN,
      run(ctx, state) {
        const msqid = need(state, 'msqid');
        const yours = ctx.turn.custom ? byTypeTurn(ctx, state) : [];
        return [
          ...yours,
          ...receive(ctx, state, 0, { text: inLang(ctx, SENT_IN)[0][1] }),
          ...receive(ctx, state, 2, { text: inLang(ctx, SENT_IN)[1][1] }),
          ...receive(ctx, state, -3, { text: inLang(ctx, SENT_IN)[2][1] }),
          ...expectQnum(ctx, msqid, 1),
        ];
      },
    },
    {
      id: 'taken',
      code: 'expect(take(q, 0, 0) == 3',
      title: { en: 'Read the last, then the empty queue', zh: '读出最后一条，再读空队列' },
      say: {
        en: 'Read the last message, then once more from the empty queue with IPC_NOWAIT in msgflg: a flag that tells msgrcv what to do when no message is there to take.',
        zh: '读出最后一条，再在 msgflg 里带上 IPC_NOWAIT，对空队列读一次：这个标志告诉 msgrcv，没有消息可取时该怎么做。',
      },
      notice: {
        en: 'The queue is empty now: a message read is gone, where shared memory keeps its bytes. On the empty queue IPC_NOWAIT gave ENOMSG.',
        zh: '队列空了：消息读完就没了，共享内存则把字节留给每个读者。空队列上 IPC_NOWAIT 不睡眠，返回 ENOMSG。',
      },
      // the ENOMSG line in view; the queue said empty, with no count the Trace does not show (issue 16:
      // ENOMSG named with the Kernel pane shown)
      traceFocus: ['ENOMSG'],
      diagram: FLOW,
      highlight: ['queue', 'queue->lesson', 'lesson'],
      run(ctx, state) {
        const msqid = need(state, 'msqid');
        return [...receive(ctx, state, 0, { text: inLang(ctx, SENT_IN)[3][1] }), ...expectQnum(ctx, msqid, 0), ...receive(ctx, state, 0, { errno: 'ENOMSG' }, ctx.sys.IPC_NOWAIT)];
      },
    },
    {
      id: 'full',
      code: 'if (msgctl(q, IPC_STAT, &ds)',
      title: { en: 'Fill the queue to msg_qbytes', zh: '把队列填到 msg_qbytes 为止' },
      say: {
        en: `IPC_STAT gives msg_qbytes, the most text the queue holds. Send ${FILL_BYTES}-byte messages with IPC_NOWAIT until one does not fit.`,
        zh: `IPC_STAT 给出 msg_qbytes，即队列最多容纳的正文字节数。用 IPC_NOWAIT 发 ${FILL_BYTES} 字节的消息，直到放不下。`,
      },
      notice: {
        en: 'EAGAIN: that send would pass msg_qbytes, whose value is in the Trace (no queue table shows it). Without IPC_NOWAIT it waits.',
        zh: '会超过 msg_qbytes 的那条以 EAGAIN 失败；不带 IPC_NOWAIT 就会等到有空间。msg_qbytes 的值见跟踪，队列的表里没有这一列。',
      },
      traceFocus: ['EAGAIN'],
      diagram: FLOW,
      highlight: ['lesson', 'lesson->queue', 'queue'],
      run(ctx, state) {
        const msqid = need(state, 'msqid');
        const qbytes = ctx.sys.msgctlStat(msqid).ds?.qbytes;
        if (qbytes === undefined) return [`IPC_STAT of queue ${msqid} failed`];
        // on screen where it is used: /proc/sysvipc/msg, which the Kernel pane reads, has no msg_qbytes (nc)
        explain(ctx, `msg_qbytes = ${qbytes}: the most text bytes this queue may hold. The Kernel pane has no column for it, as /proc/sysvipc/msg does not list it.`, `msg_qbytes = ${qbytes}：这个队列最多能容纳的正文字节数。“内核”窗格没有这一列，因为它读的 /proc/sysvipc/msg 不列出它。`);
        const text = 'x'.repeat(FILL_BYTES);
        let sent = 0;
        let last = ctx.sys.msgsnd(msqid, 1, text, ctx.sys.IPC_NOWAIT);
        while (last.errno === null && sent < FILL_MAX) {
          sent += 1;
          last = ctx.sys.msgsnd(msqid, 1, text, ctx.sys.IPC_NOWAIT);
        }
        // one IPC_STAT for both figures (issue 16 pass 6: two in a row, the second unexplained)
        const ds = ctx.sys.msgctlStat(msqid).ds;
        const used = ds?.cbytes ?? 0;
        explain(ctx, `${sent} messages fit: ${used} of msg_qbytes = ${qbytes} bytes; one more would exceed it`, `放下了 ${sent} 条：msg_qbytes = ${qbytes} 字节，用了 ${used}；再来一条就超过它`);
        const problems = expectErrno(last, 'EAGAIN');
        if (used > qbytes || used + FILL_BYTES <= qbytes) problems.push(`${used} bytes queued: the send that failed should not have fit in ${qbytes}`);
        if (ds?.qnum !== sent) problems.push(`queue ${msqid}: msg_qnum is ${ds?.qnum}, expected ${sent}`);
        state.full = sent;
        return problems;
      },
    },
    {
      id: 'blocked',
      code: 'pid_t reader = blocked_reader(q)',
      title: { en: 'A reader calls msgrcv; then a send', zh: '读者调用 msgrcv；再发送一条' },
      short: { en: 'A reader; then a send', zh: '读者，再发送一条' },
      say: {
        en: 'The lesson process reads the full queue empty. A second process calls msgrcv(type 0) and sleeps (Trace: wchan do_msgrcv, where it waits). Then the lesson process sends.',
        zh: '本课进程先把满的队列读空，每条消息一次 msgrcv。接着第二个进程对空队列调用 msgrcv（类型 0），进入睡眠（跟踪窗格显示它的 wchan，即睡在哪里：do_msgrcv）；然后本课进程发一条消息。',
      },
      notice: {
        // where the sleep shows: the reader has exited when the step ends, so the Kernel pane lists it
        // ended, never asleep (issue 16: described, never seen there)
        en: 'Trace: the reader sleeps in msgrcv till the send wakes it with the message. It exits within the step: no other pane shows it asleep.',
        zh: '见“跟踪”窗格：读者在 msgrcv 里睡眠（wchan 为 do_msgrcv），直到发来的消息把它唤醒；它在这一步结束前就退出了，别的窗格看不到它睡眠。',
      },
      // the result is the reader's sleep and its wake-up, the Trace's lines, where the run
      // opens (issue 16: the notice named lrpid, and the Kernel pane it chose shows the reader
      // only as ended)
      traceFocus: [{ en: 'sleeps in msgrcv', zh: '在 msgrcv 里睡眠' }, { en: 'got msg.mtype', zh: '收到 msg.mtype' }],
      diagram: FLOW,
      highlight: ['lesson', 'lesson->queue', 'queue', 'queue->lesson', 'queue->receiver', 'receiver'],
      async run(ctx, state) {
        const msqid = need(state, 'msqid');
        const fill = 'x'.repeat(FILL_BYTES);
        const drained = Array.from({ length: state.full ?? 0 }, () => receive(ctx, state, 0, { text: fill }, ctx.sys.IPC_NOWAIT, FILL_BYTES)).flat();
        if (drained.length) return drained;
        const emptied = expectQnum(ctx, msqid, 0);
        if (emptied.length) return emptied;
        const { reader, problems } = await blockedReader(ctx, state);
        if (problems.length) return problems;
        const sent = send(ctx, state, 5, inLang(ctx, WAKE));
        const returned = await readerReturned(reader, null);
        // the reader took it: the queue is empty again
        if (!returned.length) state.queued = [];
        return [...sent, ...returned];
      },
    },
    {
      id: 'rmid',
      code: 'msgctl(q, IPC_RMID, NULL)',
      title: { en: 'IPC_RMID under a reader in msgrcv', zh: '读者在 msgrcv 里时 IPC_RMID' },
      say: {
        en: 'Another reader sleeps in msgrcv. The lesson process removes the queue with msgctl(IPC_RMID).',
        zh: '又一个读者在 msgrcv 里睡眠。本课进程用 msgctl(IPC_RMID) 删除队列。',
      },
      notice: {
        // why code 2, said rather than pointed to (issue 16: "as msg.c's reader does" left it to the C
        // pane, and a bare 2 was not explained): the reader's own code, as the trace's exit line says;
        // msg.c named as what it is, where it is: the lesson's first word of it (issue 16)
        en: 'Gone at once. The sleeping msgrcv failed with EIDRM, so the reader exited 2, its code for that (0: got one), as msg.c\'s (C pane: c) does.',
        zh: '队列立刻消失。msgrcv 以 EIDRM 失败，读者以 2 退出，即它为此约定的退出码（0 为收到消息），和 C 窗格（按 c）里 msg.c 的一样。',
      },
      diagram: FLOW,
      highlight: ['lesson', 'lesson->queue#2', 'queue', 'queue->gone', 'gone'],
      async run(ctx, state) {
        const msqid = need(state, 'msqid');
        const { reader, problems } = await blockedReader(ctx, state);
        if (problems.length) return problems;
        const removed = expectOk(ctx.sys.msgctlRmid(msqid));
        const gone = ctx.sys.readQueues().some((q) => q.msqid === msqid) ? [`queue ${msqid} is still in the kernel`] : [];
        return [...removed, ...gone, ...(await readerReturned(reader, 'EIDRM'))];
      },
    },
  ],
  checkpoints: {
    'by-type': {
      question: { en: 'After type 0 and type 2, msgrcv with type -3 takes a message of type…', zh: '取过类型 0 和类型 2 之后，用类型 -3 的 msgrcv 取到的消息类型是……' },
      choices: TYPES,
      answer: (live) => choiceOf(TYPES, need(live.state, 'taken')),
      hint: { en: `Step 2 queued types ${SENT.map(([t]) => t).join(', ')}. Cross out what type 0 and type 2 took; apply the rule to the two left.`, zh: `第 2 步排进的类型依次是 ${SENT.map(([t]) => t).join('、')}。划掉类型 0 和类型 2 取走的两条，再对剩下的两条套用规则。` },
      explain: (live) => {
        const waiting = (sep: string) => need(live.state, 'queued').map(([, text]) => JSON.stringify(text)).join(sep);
        return {
          en: `It took type ${need(live.state, 'taken')}: -3 takes the first message of the lowest type <= 3, so ${waiting(', ')} waits.`,
          zh: `取到的是类型 ${need(live.state, 'taken')}：-3 在类型不超过 3 的消息里，取类型最小的第一条，所以 ${waiting('、')} 只能等着。`,
        };
      },
    },
    taken: {
      question: { en: 'Once the last message is read, the queue is empty. msgrcv with IPC_NOWAIT then…', zh: '读出最后一条后队列就空了。这时带 IPC_NOWAIT 的 msgrcv……' },
      choices: EMPTY_NOWAIT,
      // succeeded: it returned a message (none is queued, so an empty one, were it so)
      answer: (live) => choiceOf(EMPTY_NOWAIT, lastCall(live, 'msgrcv').errno === null ? null : 'error', 2),
      hint: { en: 'What does the name IPC_NOWAIT tell the call not to do? And is "no message" a message?', zh: 'IPC_NOWAIT 这个名字叫调用不要做什么？“没有消息”算一条消息吗？' },
      explain: (live) => ({
        // the errno's meaning is the trace line's, right above (ERRNO_FOR_CALL): not said again in
        // other words, nor in strerror's, which the trace does not show (issue 16)
        en: `${outcomeOf(lastCall(live, 'msgrcv')).en}: the queue was empty, and IPC_NOWAIT said not to wait.`,
        zh: `${outcomeOf(lastCall(live, 'msgrcv')).zh}：队列是空的，IPC_NOWAIT 又不许等待。`,
      }),
    },
    rmid: {
      question: { en: 'A reader sleeps in msgrcv and the queue is removed. The reader…', zh: '读者在 msgrcv 里睡眠时队列被删除。这个读者……' },
      choices: REMOVED,
      answer: (live) => {
        const call = readerCall(live);
        // still asleep when the step ended: it slept on
        return call ? choiceOf(REMOVED, call.errno === null ? null : 'failed') : 1;
      },
      hint: { en: 'IPC_RMID removes a queue at once, whoever waits on it.', zh: '不管谁在等，IPC_RMID 都立即删除队列。' },
      explain: (live) => {
        const call = readerCall(live);
        return call
          ? { en: `The reader's ${outcomeOf(call).en}: removing a queue wakes its waiters, and their msgrcv fails.`, zh: `读者的 ${outcomeOf(call).zh}：队列被删时，内核唤醒所有在等它的进程，它们的 msgrcv 失败。` }
          : { en: 'The reader had not returned when the step ended.', zh: '这一步结束时读者还没有返回。' };
      },
    },
  },
  check: [
    {
      question: { en: 'Queued in order: "a" (type 2), "b" (1), "c" (2), "d" (1). Two msgrcv with type -2 get…', zh: '按发送顺序排队："a"（类型 2）、"b"（1）、"c"（2）、"d"（1）。两次类型 -2 的 msgrcv 依次得到……' },
      choices: [
        { en: '"a", then "b"', zh: '"a"，然后 "b"', whyNot: { en: 'that is the order sent, what type 0 would take; -2 looks at the lowest type first.', zh: '那是发送顺序，类型 0 才这样取；-2 先看最小的类型。' } },
        { en: '"b", then "a"', zh: '"b"，然后 "a"', whyNot: { en: 'after "b", type 1 still holds "d", and type 2 waits until no type 1 is left.', zh: '取走 "b" 后类型 1 还有 "d"，类型 2 要等类型 1 的都取完。' } },
        { en: '"b", then "d"', zh: '"b"，然后 "d"' },
      ],
      answer: 2,
      explain: {
        en: 'Type 1 is the lowest queued up to 2, and within it the oldest goes first. Both type 2 messages stay.',
        zh: '不超过 2 的类型里最小的是类型 1，同类型内最早的先出。两条类型 2 的消息都留着。',
      },
    },
    {
      question: { en: 'msg_qbytes is 16384, and the queue holds four messages of 4000 bytes. msgsnd with IPC_NOWAIT of a 300-byte text…', zh: 'msg_qbytes 为 16384，队列里已有四条 4000 字节的消息。带 IPC_NOWAIT 用 msgsnd 发一条 300 字节的正文，结果……' },
      choices: [
        { en: 'returns 0', zh: '返回 0' },
        { en: 'fails with EAGAIN', zh: '以 EAGAIN 失败', whyNot: { en: 'these 300 bytes keep the queue under msg_qbytes, and only a send that does not fit fails.', zh: '这 300 字节不会让总数超过 msg_qbytes，只有放不下的发送才会失败。' } },
        { en: 'sleeps', zh: '睡眠', whyNot: { en: 'IPC_NOWAIT never sleeps; where a send does not fit, it fails at once.', zh: 'IPC_NOWAIT 从不睡眠，放不下时立刻失败。' } },
      ],
      answer: 0,
      // the bytes alone, as step 5 showed them; the kernel's limit on the count (msg_fits_inqueue:
      // q_qnum + 1 <= q_qbytes) is no step's, so not said here (issue 16)
      explain: { en: '16000 + 300 = 16300 bytes, under msg_qbytes: it fits, and the send returns 0.', zh: '16000 + 300 = 16300 字节，没有超过 msg_qbytes，放得下，msgsnd 返回 0。' },
    },
    {
      question: { en: 'A new queue gets "hi" (type 1) and "你好" (type 7), as UTF-8 with no NUL. ipcs -q then shows…', zh: '新队列收到 "hi"（类型 1）和 "你好"（类型 7），都按 UTF-8 发送，不带 NUL。ipcs -q 显示……' },
      choices: [
        { en: 'used-bytes 8', zh: 'used-bytes 8' },
        { en: 'used-bytes 4', zh: 'used-bytes 4', whyNot: { en: 'used-bytes counts bytes, not characters; 你好 is 6 bytes in UTF-8.', zh: 'used-bytes 数的是字节，不是字符；“你好”在 UTF-8 里是 6 字节。' } },
        { en: 'used-bytes 24', zh: 'used-bytes 24', whyNot: { en: 'that adds an 8-byte type to each; the kernel keeps types apart, and used-bytes adds up texts.', zh: '那是给每条加上了 8 字节的类型；内核把类型另外存放，used-bytes 只累加正文。' } },
      ],
      answer: 0,
      explain: { en: '2 + 6 = 8: msgsnd is given the length of the text alone, and the queue counts those bytes against msg_qbytes.', zh: '2 + 6 = 8：传给 msgsnd 的长度只是正文的长度；队列拿这些字节与上限 msg_qbytes 比较。' },
    },
  ],
});
