// Lesson 3: ftok keys. The key is arithmetic on a file's inode and device (E7); shmget
// with a key creates with IPC_CREAT (E1), refuses with IPC_EXCL, opens with no flag (E6), and a
// second program opens by key (E3). Files live in a private temp folder removed on reset.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expectErrno, expectGone, expectOk, expectRow, explain, need, privateFolder, removeFolder, row } from './kit.js';
import { defineLesson } from './define.js';
import { explainOwnRun, explainTurnCall } from './turn/explain.js';
import { numberValue, textValue } from './turn/fields.js';
import type { LiveResult, StepContext, Text } from './types.js';
import type { CallRecord } from '../native/types.js';
import { formatProjId } from '../native/format.js';
import { choice, choiceOf, firstCall, lastCall, outcomeOf } from './checkpoint-kit.js';
import { ERRNO_MEANINGS } from '../text/errno.js';

const NO_CREAT = [
  choice({ en: 'a shmid (a new segment\'s id)', zh: '一个 shmid（新共享内存段的标识符）' }, { en: 'only a segment already under the key (one you may use) or IPC_CREAT gives a shmid.', zh: '只有 key 下已有（你能用的）共享内存段，或者带了 IPC_CREAT，才会得到 shmid。' }),
  choice({ en: 'fails with ENOENT (no such entry)', zh: '失败，得到 ENOENT（没有这一项）', value: 'ENOENT' }, { en: 'ENOENT is for a key with no segment; this time one already had the key.', zh: 'ENOENT 表示 key 下没有共享内存段；这次 key 下已经有一个。' }),
  choice({ en: 'fails with EEXIST (already exists)', zh: '失败，得到 EEXIST（已经存在）', value: 'EEXIST' }, { en: 'EEXIST needs IPC_CREAT plus the flag step 6 adds, and a segment under the key; this call has no flag.', zh: 'EEXIST 要带 IPC_CREAT 再加第 6 步讲的标志，且 key 下已有共享内存段；这次一个标志都没带。' }),
  choice({ en: 'fails with EACCES (access denied)', zh: '失败，得到 EACCES（无权访问）', value: 'EACCES' }, { en: 'EACCES needs a segment under the key whose mode shuts you out; none did this time.', zh: 'EACCES 要 key 下有一个权限位不让你进的共享内存段；这次没有段拒绝你。' }),
];
const EXCL = [
  choice({ en: 'the shmid of that segment', zh: '那个共享内存段的 shmid' }, { en: 'IPC_EXCL never opens an existing segment; the call creates one or fails.', zh: 'IPC_EXCL 从不打开已有的共享内存段，这次调用要么新建，要么失败。' }),
  choice('EEXIST', { en: 'EEXIST comes when the key has a segment; this time it had none, so the call made one.', zh: 'key 下已有共享内存段时才是 EEXIST；这次没有，于是调用新建了一个。' }),
  choice('ENOENT', { en: 'ENOENT needs a call without IPC_CREAT; with it, a missing segment is created.', zh: 'ENOENT 只在不带 IPC_CREAT 时出现；带了它，没有的共享内存段就新建。' }),
  choice('EINVAL', { en: 'EINVAL is for a size the segment cannot take; IPC_EXCL on a taken key fails before the size is looked at.', zh: 'EINVAL 是 size 不合适；带 IPC_EXCL 时 key 已被占用就先失败，根本不看 size。' }),
];
const ID_BITS = [
  choice({ en: 'the same key', zh: '同一个 key' }, { en: 'a C library that keeps only the id\'s low 8 bits gives that; this one keeps more.', zh: '只取 id 低 8 位的 C 库才会如此；这个 C 库保留的位更多。' }),
  choice({ en: 'a different key', zh: '不同的 key' }, { en: 'ftok keeps only the id\'s low 8 bits, and \'A\' + 256 and \'A\' share them (0x41).', zh: 'ftok 只取 id 的低 8 位，而 \'A\' + 256 和 \'A\' 的低 8 位一样，都是 0x41。' }),
];
const SMALLER = [
  choice({ en: 'the same shmid', zh: '同一个 shmid' }, { en: 'opening returns the segment\'s shmid only when it is at least the size asked; this call failed.', zh: '只有共享内存段不小于所要的 size，打开才返回它的 shmid；这次调用失败了。' }),
  choice({ en: 'a new shmid', zh: '一个新的 shmid' }, { en: 'without IPC_CREAT shmget never creates; it opens what the key names or fails.', zh: '不带 IPC_CREAT 时 shmget 从不新建，只打开 key 指向的共享内存段，或者失败。' }),
  choice('EINVAL', { en: 'EINVAL is for a size above the segment\'s own, as 8192 is; 100 fits in its 4096 bytes.', zh: 'size 大于共享内存段本身（比如 8192）才 EINVAL；100 在它的 4096 字节之内。' }),
];

/** The shmget of the step that asked for `size` bytes. */
function sizeCall(live: LiveResult<unknown>, size: number): CallRecord {
  const call = live.calls.find((c) => c.call === 'shmget' && c.c.includes(`, ${size}, `));
  if (!call) throw new Error(`the step made no shmget of size ${size}`);
  return call;
}

/** The ftok call through the hard link, or (when the file system refused the link) the repeated first call. */
function linkCall(live: LiveResult<{ key?: number }>): CallRecord {
  return live.calls.find((c) => c.call === 'ftok' && c.c.includes('another-name')) ?? firstCall(live, 'ftok');
}

const KEY = 'ftok-key';
const OPEN = 'shmget-key';
const S = 'S'.charCodeAt(0);
const T = 'T'.charCodeAt(0);
const A = 'A'.charCodeAt(0);

const hex = (n: number, digits: number) => `0x${(n >>> 0).toString(16).padStart(digits, '0')}`;

/** glibc's ftok: id's low 8 bits, then the device's low 8 bits, then the inode's low 16 bits. */
function ftokByHand(path: string, id: number): { key: number; dev: number; ino: number } {
  const st = statSync(path);
  return { key: (((id & 0xff) << 24) | ((st.dev & 0xff) << 16) | (st.ino & 0xffff)) >>> 0, dev: st.dev, ino: st.ino };
}

/** Problems when a shmget that should open `shmid` did not return it. */
function expectSame(call: CallRecord, shmid: number): string[] {
  if (call.errno !== null) return expectOk(call);
  return call.ret === shmid ? [] : [`${call.c} returned ${call.ret}, not ${shmid}`];
}

/** Makes the file at path (mode 0600) as the C program does, each call in the trace. */
function makeFile(ctx: StepContext, path: string, text = ''): string[] {
  return ctx.sys.writeFile(path, 0o600, text).flatMap(expectOk);
}

/** Replaces the file at path by a new one, as an editor saves: write path.new, rename it
 *  over path. The new file exists before the old one goes, so it cannot get the old inode. */
function replaceFile(ctx: StepContext, path: string): string[] {
  const made = makeFile(ctx, `${path}.new`);
  return made.length ? made : expectOk(ctx.sys.rename(`${path}.new`, path));
}

function keyOf(ctx: StepContext, path: string, id: number): number | null {
  const call = ctx.sys.ftok(path, id);
  return call.errno === null ? (call.ret as number) >>> 0 : null;
}

/** `remade`: the learner's file was replaced or deleted (and made again) in step 2: its inodes and keys, for the notice */
type FtokState = { dir?: string; path?: string; key?: number; shmid?: number; remade?: { before: number; ino: number; oldKey: number; key: number } };

/** Why the learner's key differs from the first step's: the id's low 8 bits, the inode, or both. */
function keyCause(got: number, key: number, id: number, file: string): Text {
  const idDiffers = (id & 0xff) !== (S & 0xff);
  const inodeDiffers = file !== 'keep';
  const cause = idDiffers && inodeDiffers
    ? { en: 'both the id and the inode differ (a new file)', zh: 'id 和 inode 都不同了（文件是新的）' }
    : idDiffers
      ? { en: `the id differs: ${formatProjId(id)} is not 'S'`, zh: `id 不同：${formatProjId(id)} 不是 'S'` }
      : { en: 'the inode differs: the file is a new one, with the same name', zh: 'inode 不同：同名的文件是新建的' };
  return { en: `The key is ${hex(got, 8)}, not ${hex(key, 8)}, because ${cause.en}.`, zh: `key 是 ${hex(got, 8)}，不是 ${hex(key, 8)}，因为 ${cause.zh}。` };
}

/** What ftok made of an id outside 0..255 (typed as an int: -1, 340): the key's top byte it
 *  gave, and that step 3 shows where it comes from. Not why: which bits of the id go in is
 *  step 3's question, asked after this line (issue 16: "ftok kept the id's low 8 bits" here
 *  answered it). */
function lowByte(id: number): Text | null {
  const low = id & 0xff;
  if (low === id) return null;
  const kept = `${hex(low, 2)} (${formatProjId(low) === String(low) ? low : `${low}, ${formatProjId(low)}`})`;
  return { en: `With the id ${id}, the key's top byte is ${kept}; where it comes from, step 3 shows.`, zh: `id 为 ${id} 时，key 的最高字节是 ${kept}；它从哪里来，第 3 步会讲。` };
}

/** The learner's ftok: their id, on the file kept, replaced or deleted first. A file
 *  replaced or deleted is a new file afterwards (deleted: the lesson makes it again, and the
 *  file system may hand it the old inode number back), so the lesson takes its key for 'S'
 *  from then on (newFileKey), and the trace says what became of the file. */
function ftokTurn(ctx: StepContext, state: FtokState): { problems: string[]; remade?: { before: number; ino: number } } {
  const path = need(state, 'path');
  const key = need(state, 'key');
  const file = textValue(ctx.turn.values, 'file');
  const before = statSync(path).ino;
  const problems: string[] = [];
  if (file === 'recreate') {
    problems.push(...replaceFile(ctx, path));
    explain(ctx, `A new file written beside it and renamed over it: inode ${before} became ${statSync(path).ino}.`, `在旁边写一个新文件，再改名覆盖它：inode 从 ${before} 变成 ${statSync(path).ino}。`);
  } else if (file === 'delete') {
    problems.push(...expectOk(ctx.sys.unlink(path)));
    explain(ctx, `The file (inode ${before}) is deleted.`, `文件（inode ${before}）已删除。`);
  }
  const id = numberValue(ctx.turn.values, 'id');
  const call = ctx.sys.ftok(path, id);
  const got = call.errno === null ? (call.ret as number) >>> 0 : null;
  // what is true of the values given: another id with 'S''s low byte (339) is no "same id" (issue
  // 16); why it gives the same key, said plainly with the learner's own figures (issue 16 item 8:
  // a "same" beside "339 is not 'S'" read as a contradiction)
  const lowS = `${id} & 0xff = ${hex(id & 0xff, 2)} = ${formatProjId(S)}`;
  const idSame: Text = id === S ? { en: 'the same id', zh: 'id 相同' } : { en: `only the id's low 8 bits count (${lowS})`, zh: `只有 id 的低 8 位参与计算（${lowS}）` };
  const same: Text = file === 'keep'
    ? { en: `The key is ${hex(key, 8)}, the first step's: ${idSame.en}, and the same inode.`, zh: `key 是 ${hex(key, 8)}，与第一步相同：${idSame.zh}，inode 也相同。` }
    : { en: `The key is ${hex(key, 8)}, the first step's: ${idSame.en}, and the new file's inode has the same low 16 bits.`, zh: `key 是 ${hex(key, 8)}，与第一步相同：${idSame.zh}，新文件的 inode 低 16 位也和旧的一样。` };
  const result = got === key ? same : keyCause(got ?? 0, key, id, file);
  // the same key says where its top byte came from itself (idSame)
  const top = got === key ? null : lowByte(id);
  explainTurnCall(ctx, call, top ? { en: `${top.en} ${result.en}`, zh: `${top.zh}${result.zh}` } : result);
  if (file === 'keep') return { problems };
  if (file === 'delete') {
    problems.push(...makeFile(ctx, path));
    const ino = statSync(path).ino;
    explain(
      ctx,
      ino === before
        ? `The lesson makes the file again: the file system gave it the freed inode ${ino} back, so ftok cannot tell it from the old one.`
        : `The lesson makes the file again: inode ${ino}, not ${before}.`,
      ino === before
        ? `本课重新建立这个文件：文件系统把刚释放的 inode ${ino} 又给了它，所以 ftok 分不出它和旧文件。`
        : `本课重新建立这个文件：inode 是 ${ino}，不是 ${before}。`,
    );
  }
  return { problems, remade: { before, ino: statSync(path).ino } };
}

/** After a learner's file made anew: the lesson's own ftok(path, 'S'), just traced, gives the
 *  new file's key, which the next steps use; the line under it says so (one call, not a repeat). */
function newFileKey(ctx: StepContext, state: FtokState, remade: { before: number; ino: number }, fresh: number | null): string[] {
  const oldKey = need(state, 'key');
  if (fresh === null) return [`ftok(${need(state, 'path')}, 'S') failed on the new file`];
  state.key = fresh;
  state.remade = { ...remade, oldKey, key: fresh };
  explain(
    ctx,
    fresh === oldKey
      // the same inode said so, not as a match of low bits (issue 16: read under "gave it the freed inode back")
      ? `That is the new file's key with 'S': still ${hex(fresh, 8)}, ${remade.ino === remade.before ? 'the same inode, so the same key' : 'as its inode has the same low 16 bits'}. The next steps use it.`
      : `That is the new file's key with 'S': ${hex(fresh, 8)}, not the first step's ${hex(oldKey, 8)}. The next steps use it.`,
    fresh === oldKey
      ? `这是新文件配 'S' 的 key：仍是 ${hex(fresh, 8)}，${remade.ino === remade.before ? 'inode 相同，key 也就相同' : '因为它的 inode 低 16 位相同'}。后面的步骤用它。`
      : `这是新文件配 'S' 的 key：${hex(fresh, 8)}，不是第一步的 ${hex(oldKey, 8)}。后面的步骤改用它。`,
  );
  return [];
}

export const ftok = defineLesson<FtokState>({
  id: 'ftok',
  title: { en: 'ftok — a key from a file', zh: 'ftok——从文件得到 key' },
  // the file from the first sentence on as what both name, not a channel to do without (s36: "to meet
  // without one [a file] they need a key", then ftok needing a file, read as a contradiction)
  intro: {
    en: 'Two programs started separately share no shmid, but they can agree on a file: both know its path. `key_t ftok(const char *path, int id)` turns that existing file (which file it is, not what it holds) and a small id into a System V key, the same for both, and shmget returns one segment for that key to both.',
    zh: '两个各自启动的程序没有共同的 shmid，但可以约定一个文件：双方都知道它的路径。`key_t ftok(const char *path, int id)` 根据这个已存在的文件（看它是哪个文件，不看内容）和一个小整数 id 算出 System V 的 key，双方算得相同，shmget 再让双方通过这个 key 找到同一个共享内存段。',
  },
  outro: {
    en: 'A key is a name both sides compute: IPC_CREAT creates if need be, IPC_CREAT|IPC_EXCL creates or fails with EEXIST, shmget(key, 0, 0) opens. It comes from the file\'s inode: keep that file, for a file made anew may give another key. Next, shmat maps a new segment and reads and writes it through an address.',
    zh: 'key 是双方都能算出来的名字：IPC_CREAT 在需要时创建，IPC_CREAT|IPC_EXCL 要么新建、要么以 EEXIST 失败，shmget(key, 0, 0) 则只管打开。key 来自 inode，所以约定的文件要一直保留：重新建的文件可能算出另一个 key。下一课 shmat 会映射一个新的共享内存段并通过地址读写。',
  },
  diagrams: [KEY, OPEN],
  summary: 'a key from a file; `\'A\'` and `\'A\'+256` give one key; open with and without `IPC_CREAT`, with `IPC_EXCL`, with sizes 0, 100 and 8192; recreate the file, get a new key',
  code: [
    { path: 'ftok.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'make-key',
      code: 'key_t key = ftok(path, \'S\')',
      title: { en: "ftok(path, 'S'): a key in hex", zh: "ftok(path, 'S')：十六进制的 key" },
      say: {
        en: "ipclab makes an empty rendezvous file (one both programs agree on; O_CREAT|O_TRUNC) in a private folder (0700). `ftok(path, 'S')` reads its device and inode numbers.",
        zh: "ipclab 在私有目录（0700）里用 O_CREAT|O_TRUNC 建一个空的会合文件（两个程序约定好的文件）。`ftok(path, 'S')` 读取它的设备号（st_dev）和 inode 号（st_ino）。key 用十六进制显示。",
      },
      notice: {
        // st_dev and st_ino, the trace's words, said with the run: the step's text before it names
        // fewer new terms at once (issue 16: eight)
        en: 'A key is only a number, from the file\'s st_dev and st_ino and the id: the trace shows the parts. The kernel holds nothing new.',
        zh: 'key 只是一个数，由文件的 st_dev、st_ino 和 id 算出来；跟踪里列出了它的几个部分。内核里没有多出任何东西。',
      },
      traceFocus: ['st_dev'],
      diagram: KEY,
      highlight: ['id', 'path', 'path->st', 'st', 'st->dev', 'dev', 'st->ino', 'ino', 'dev->key', 'ino->key', 'key'],
      run(ctx, state) {
        state.dir = privateFolder(ctx, 'ipclab-ftok-');
        const path = join(state.dir, 'rendezvous');
        const made = makeFile(ctx, path);
        if (made.length) return made;
        state.path = path;
        const key = keyOf(ctx, path, S);
        if (key === null) return [`ftok(${path}, 'S') failed`];
        state.key = key;
        const hand = ftokByHand(path, S);
        explain(
          ctx,
          `'S' = 0x53; st_dev = ${hex(hand.dev, 1)}, low 8 bits ${hex(hand.dev & 0xff, 2)}; st_ino = ${hand.ino} (${hex(hand.ino, 1)}), low 16 bits ${hex(hand.ino & 0xffff, 4)}; together ${hex(hand.key, 8)}.`,
          `'S' = 0x53；st_dev = ${hex(hand.dev, 1)}，低 8 位 ${hex(hand.dev & 0xff, 2)}；st_ino = ${hand.ino}（${hex(hand.ino, 1)}），低 16 位 ${hex(hand.ino & 0xffff, 4)}；拼起来是 ${hex(hand.key, 8)}。`,
        );
        return hand.key === key ? [] : [`ftok gave ${hex(key, 8)} but the arithmetic gives ${hex(hand.key, 8)}`];
      },
    },
    {
      id: 'same-key',
      code: ['ftok(path, \'S\') != key || ftok(path, \'T\')', 'link(path, linked) != 0 || ftok(linked, \'S\')'],
      title: { en: "Same call, id 'T', a hard link", zh: "同样的调用、id 换成 'T'、硬链接" },
      say: {
        en: "Call ftok again with the same arguments, then with 'T'. Then link() gives the file a second name, a hard link, and ftok(link, 'S') runs on that name with the first id.",
        zh: "用同样的参数再调用一次 ftok，再把 id 换成 'T'。然后用 link() 给这个文件起第二个名字（硬链接），再对这个名字用第一个 id 调用 ftok(link, 'S')。",
      },
      notice: {
        en: "Same arguments, same key: how programs meet. 'T' gives another; the link with 'S', the first: ftok reads the inode, not names.",
        zh: "参数相同，key 就相同，程序正是靠这一点会合。换成 'T' 是另一个 key；硬链接配 'S' 仍是第一个 key：ftok 看 inode，不看文件名。",
      },
      diagram: KEY,
      highlight: ['id', 'path', 'path->st', 'st', 'st->dev', 'dev', 'st->ino', 'ino', 'dev->key', 'ino->key', 'key'],
      // a deleted file: ftok's stat of the path fails, no key is made
      litBy: { call: 'ftok', paths: { ok: ['id', 'path', 'path->st', 'st', 'st->dev', 'dev', 'st->ino', 'ino', 'dev->key', 'ino->key', 'key'], failed: ['path'] } },
      turn: {
        say: {
          en: 'The form sets the id, and what is done to the file before your call.',
          zh: '表单可设 id，以及在你的调用之前怎样处理文件。',
        },
        ownSaid: { en: "'S', 'T', then 'S' on a hard link", zh: "'S'、'T'，再对硬链接用 'S'" },
        yours: { en: "first your own ftok(path, id), then the lesson's calls", zh: '先运行你自己的一次 ftok(path, id)，再运行本课的几次调用' },
        fields: [
          {
            name: 'id',
            label: { en: 'id', zh: 'id' },
            kind: { kind: 'char' },
            default: 'T',
            help: {
              en: "C's ftok takes an int: a character (T, C's 'T') or a number (84, 0x54, -1). A lone digit is the character: 7 is '7', i.e. 55",
              zh: "C 的 ftok 接受一个 int：字符（T，C 里写作 'T'）或数（84、0x54、-1）都行。单独一个数字是字符：7 就是 '7'，即 55",
            },
          },
          {
            name: 'file',
            label: { en: 'file', zh: '文件' },
            kind: {
              kind: 'choice',
              choices: [
                { value: 'keep', label: { en: 'unchanged', zh: '不变' } },
                { value: 'recreate', label: { en: 'replaced by a new file', zh: '换成新文件' } },
                { value: 'delete', label: { en: 'deleted before ftok', zh: 'ftok 前删掉' } },
              ],
            },
            default: 'keep',
            // a new file's key is step 8's point and the lesson's check's question: what each choice
            // does to the file is said before it is chosen, not what comes of it for the key
            help: {
              en: 'replaced: the name leads to a file written just before ftok. Deleted: ftok finds no file; the lesson writes the file again after it. What this does to the key, step 8 shows.',
              zh: '换成新文件：ftok 之前刚写好的一个文件占用这个名字。ftok 前删掉：ftok 找不到文件，本课在它之后重写这个文件。这对 key 有什么影响，第 8 步会讲。',
            },
          },
        ],
      },
      // after the learner's file was made anew, the key 'S' gives (and the link's) is the new file's: the notice says which
      noticeBy(live) {
        const r = live.state.remade;
        if (!r || r.key === r.oldKey) return undefined;
        return {
          en: `Same arguments, same key; 'T' gives another. Your file is a new one now, inode ${r.ino} (it was ${r.before}). So ftok(path, 'S') gives a new key, ${hex(r.key, 8)} (it was ${hex(r.oldKey, 8)}), and the hard link gives it too: ftok reads the inode, not the name.`,
          zh: `参数相同，key 就相同；换成 'T' 就是另一个 key。你的文件现在是新的，inode ${r.ino}（原来是 ${r.before}）。所以 ftok(path, 'S') 得到新的 key ${hex(r.key, 8)}（原来是 ${hex(r.oldKey, 8)}），硬链接也一样：ftok 看的是 inode，不是文件名。`,
        };
      },
      run(ctx, state) {
        state.remade = undefined;
        const yours = ctx.turn.custom ? ftokTurn(ctx, state) : { problems: [] };
        if (ctx.turn.custom) explainOwnRun(ctx, 'question');
        const path = need(state, 'path');
        const again = keyOf(ctx, path, S);
        const problems = [...yours.problems, ...(yours.remade ? newFileKey(ctx, state, yours.remade, again) : [])];
        const key = need(state, 'key');
        const other = keyOf(ctx, path, T);
        if (again !== key) problems.push(`the same ftok call gave ${again} the second time, not ${hex(key, 8)}`);
        if (other === null || other === key) problems.push(`ftok with 'T' should give a key other than ${hex(key, 8)}`);
        const link = join(need(state, 'dir'), 'another-name');
        const linked = ctx.sys.link(path, link);
        if (linked.errno !== null) {
          explain(ctx, `This file system refused a hard link (${linked.errno}); the point stands: ftok reads the inode.`, `这个文件系统不允许建硬链接（${linked.errno}）；道理不变：ftok 读的是 inode。`);
          return problems;
        }
        if (keyOf(ctx, link, S) !== key) problems.push(`ftok through the hard link should give ${hex(key, 8)}`);
        return problems;
      },
    },
    {
      id: 'id-bits',
      code: 'key_t a = ftok(path, \'A\')',
      title: { en: "'A' and 'A'+256", zh: "'A' 与 'A'+256" },
      say: {
        en: "Call `ftok(path, 'A')`, then `ftok(path, 'A' + 256)`. The trace draws which bits of the key come from where, over its hex digits.",
        zh: "调用 `ftok(path, 'A')`，再调用 `ftok(path, 'A' + 256)`。跟踪里标出了 key 的每一部分十六进制数字从哪里来。",
      },
      notice: {
        // 0: POSIX leaves ftok unspecified when the id's low 8 bits are 0 (glibc computes a key; z/OS gives EINVAL)
        en: "Same key: the id gives 8 bits, so use 1..255 (0: undefined in POSIX). The file: 8 bits of device, 16 of inode; files can share a key.",
        zh: 'key 相同：key 只取 id 的低 8 位，所以 id 用 1 到 255（为 0 时 POSIX 没有规定）。文件只取设备号和 inode 的低位，不同文件可能同 key。',
      },
      diagram: KEY,
      highlight: ['id', 'id->key', 'dev', 'dev->key', 'ino', 'ino->key', 'key'],
      run(ctx, state) {
        const path = need(state, 'path');
        const a = keyOf(ctx, path, A);
        const wrapped = keyOf(ctx, path, A + 256);
        if (a === null || wrapped === null) return [`ftok(${path}, 'A') failed`];
        const digits = hex(a, 8).slice(2);
        // the labels stand under the hex digits they explain (the trace keeps inner spaces)
        const drawn = `key   0x ${digits.slice(0, 2)}  ${digits.slice(2, 4)}  ${digits.slice(4)}`;
        explain(ctx, drawn, drawn);
        explain(ctx, 'bits     id  dev inode', '来自     id  dev inode');
        explain(
          ctx,
          `id: 'A' = 0x41 and 'A'+256 = 0x141 both end in 0x41; dev: st_dev & 0xff; inode: st_ino & 0xffff. ` +
            (a === wrapped ? `So both calls give the one key ${hex(a, 8)}.` : `Yet 'A' gave ${hex(a, 8)} and 'A'+256 gave ${hex(wrapped, 8)}.`),
          `id：'A' = 0x41，'A'+256 = 0x141，低 8 位都是 0x41；dev：st_dev & 0xff；inode：st_ino & 0xffff。` +
            (a === wrapped ? `所以两次调用得到同一个 key：${hex(a, 8)}。` : `可 'A' 得到 ${hex(a, 8)}，'A'+256 却得到 ${hex(wrapped, 8)}。`),
        );
        return a === wrapped ? [] : [`ftok with 'A' gave ${hex(a, 8)}, with 'A'+256 ${hex(wrapped, 8)}: they should be equal`];
      },
    },
    {
      id: 'no-creat',
      code: 'expect("shmget(key, 4096, 0600)"',
      title: { en: 'shmget(key, …) without IPC_CREAT', zh: '不带 IPC_CREAT 的 shmget(key, …)' },
      say: {
        en: 'This call has no IPC_CREAT. The notes (the study notes ipclab follows) spell it IPC_CREATE; ipclab then compiles a C line using that name, to see if C knows it.',
        zh: '这次调用不带 IPC_CREAT。ipclab 沿用的那份学习笔记把 IPC_CREAT 错写成 IPC_CREATE；ipclab 随后编译一行用这个名字的 C 代码，看 C 认不认识它。',
      },
      notice: {
        en: 'ENOENT: no segment has this key. Creating needs IPC_CREAT, no final E: the notes\' IPC_CREATE does not exist and does not compile.',
        zh: 'ENOENT：这个 key 下没有共享内存段。要创建就得加 IPC_CREAT，结尾没有 E：笔记里的 IPC_CREATE 并不存在，也编译不过。',
      },
      traceFocus: ['ENOENT', 'undeclared', '| IPC_CREAT'],
      diagram: OPEN,
      highlight: ['call', 'call->find', 'find', 'find->creat', 'creat', 'creat->ENOENT', 'ENOENT'],
      async run(ctx, state) {
        const key = need(state, 'key');
        const problems = expectErrno(ctx.sys.shmget(key, 4096, 0o600), 'ENOENT');
        explain(ctx, '"No such file or directory" is only the generic text of errno ENOENT; no file is involved here, only the key.', `“${ERRNO_MEANINGS.ENOENT.zh}”只是 errno ENOENT 的通用说明；这里不涉及任何文件，只涉及 key。`);
        const source = join(need(state, 'dir'), 'typo.c');
        problems.push(...makeFile(ctx, source, '#include <sys/ipc.h>\nint flags = IPC_CREATE | 0600;\n'));
        const { text, exitCode } = await ctx.exec('cc', ['-fsyntax-only', source]);
        if (exitCode === null) {
          explain(ctx, '<sys/ipc.h> defines IPC_CREAT (01000) and no IPC_CREATE.', '<sys/ipc.h> 只定义了 IPC_CREAT（01000），没有 IPC_CREATE。');
        } else if (exitCode === 0) problems.push('the C compiler accepted IPC_CREATE');
        else if (!text.includes('IPC_CREATE')) {
          explain(ctx, 'The compiler failed for another reason (are the C headers installed?); <sys/ipc.h> defines IPC_CREAT, not IPC_CREATE.', '编译器因为别的原因失败了（C 头文件装了吗？）；<sys/ipc.h> 定义的是 IPC_CREAT，不是 IPC_CREATE。');
        }
        return problems;
      },
    },
    {
      id: 'creat',
      code: 'shmid = shmget(key, 4096, IPC_CREAT | 0600)',
      title: { en: 'shmget(key, …) with IPC_CREAT', zh: '带 IPC_CREAT 的 shmget(key, …)' },
      say: {
        en: 'Now `shmget(key, 4096, IPC_CREAT|0600)`: open the segment if one exists, create it if not.',
        zh: '现在调用 `shmget(key, 4096, IPC_CREAT|0600)`：有就打开，没有就创建。',
      },
      notice: {
        en: 'Created. The Kernel pane lists it under the ftok key, not 0x00000000: any program that computes this key can find it.',
        zh: '创建成功。“内核”窗格里它的 key 就是 ftok 算出的值，而不是 0x00000000：凡是能算出这个 key 的程序都能找到它。',
      },
      diagram: OPEN,
      highlight: ['call', 'call->find', 'find', 'find->creat', 'creat', 'creat->seg', 'seg'],
      run(ctx, state) {
        const key = need(state, 'key');
        const call = ctx.sys.shmget(key, 4096, ctx.sys.IPC_CREAT | 0o600);
        if (call.errno !== null) return expectOk(call);
        const shmid = call.ret as number;
        const found = row(ctx, shmid);
        if (found && found.cpid !== ctx.sys.getpid()) {
          // IPC_CREAT opened a segment someone else made under the same key: never ours to remove
          explain(
            ctx,
            `This key already named segment ${shmid}, made by pid ${found.cpid}: IPC_CREAT opened it (two files, one key: a collision). ipclab leaves it alone.`,
            `这个 key 已经属于 pid ${found.cpid} 创建的共享内存 ${shmid}：IPC_CREAT 打开了它（两个文件撞上同一个 key：碰撞）。ipclab 不会动它。`,
          );
          return [`key ${ctx.sys.formatKey(key)} already named segment ${shmid} of pid ${found.cpid}; left alone`];
        }
        state.shmid = shmid;
        ctx.focus(shmid);
        return expectRow(ctx, shmid, { key: ctx.sys.formatKey(key), size: 4096 });
      },
    },
    {
      id: 'excl',
      code: 'expect("shmget(key, 4096, IPC_CREAT|IPC_EXCL|0600)"',
      title: { en: 'IPC_CREAT|IPC_EXCL, then no IPC_EXCL', zh: 'IPC_CREAT|IPC_EXCL，再只带 IPC_CREAT' },
      say: {
        // IPC_EXCL said where the lesson text first uses it, as the hint says it (issue 16: only g did)
        en: 'The key names step 5\'s segment. Call shmget with `IPC_CREAT|IPC_EXCL|0600` (IPC_EXCL: only if this call creates it), then with `IPC_CREAT|0600`.',
        zh: '这个 key 指向第 5 步的共享内存段。先用 `IPC_CREAT|IPC_EXCL|0600` 调用 shmget（IPC_EXCL：必须由这次调用新建），再只用 `IPC_CREAT|0600`。',
      },
      notice: {
        en: 'EEXIST: the key is taken. IPC_CREAT alone returns the same shmid: it creates only if the key is free, so all sides can make one call.',
        zh: 'EEXIST：key 已被占用。只带 IPC_CREAT 则返回同一个 shmid：该 key 下还没有共享内存段时才创建，所以双方可以用同一个调用。',
      },
      diagram: OPEN,
      highlight: ['call', 'call->find', 'find', 'find->excl', 'excl', 'excl->EEXIST', 'EEXIST', 'excl->fits', 'fits', 'fits->seg', 'seg'],
      run(ctx, state) {
        const key = need(state, 'key');
        const shmid = need(state, 'shmid');
        const problems = expectErrno(ctx.sys.shmget(key, 4096, ctx.sys.IPC_CREAT | ctx.sys.IPC_EXCL | 0o600), 'EEXIST');
        return [...problems, ...expectSame(ctx.sys.shmget(key, 4096, ctx.sys.IPC_CREAT | 0o600), shmid)];
      },
    },
    {
      id: 'open-sizes',
      code: 'int again = shmget(key, 0, 0)',
      title: { en: 'Open by key with other sizes', zh: '按 key 打开，换几种 size' },
      say: {
        // the notes' claim this step corrects (errata E6), said in words
        en: 'The notes pass IPC_CREAT in every program, even one that only opens. Test it: open by key without IPC_CREAT, with size 0, then 100, then 8192, more than it has.',
        zh: '笔记让每个程序都带 IPC_CREAT，只打开共享内存段的也不例外。验证一下：不带 IPC_CREAT 按 key 打开，size 分别用 0、100、8192（比这个段大）。',
      },
      notice: {
        en: 'Size is only a check: 0 to 4096 opens the same shmid, 8192 is EINVAL. The key alone opened it, no IPC_CREAT, whatever the notes say.',
        zh: 'size 只是检查：0 到 4096 都返回同一个 shmid，8192 是 EINVAL。只凭 key 就打开了：不用 IPC_CREAT（笔记说错了），也没人交来 shmid。',
      },
      diagram: OPEN,
      highlight: ['call', 'call->find', 'find', 'find->excl', 'excl', 'excl->fits', 'fits', 'fits->seg', 'seg', 'fits->EINVAL', 'EINVAL'],
      run(ctx, state) {
        const key = need(state, 'key');
        const shmid = need(state, 'shmid');
        const problems = [...expectSame(ctx.sys.shmget(key, 0, 0), shmid), ...expectSame(ctx.sys.shmget(key, 100, 0), shmid)];
        // shmflg 0 looks like "no permission" (issue 16): the kernel's ipcperms checks only the
        // rwx bits the open asks for, and 0 asks for none
        explain(
          ctx,
          'shmflg 0 is not refused: its low 9 bits set a new segment\'s mode; an open asks for the access they name, and 0 asks for none, so no perms check fails.',
          'shmflg 为 0 也不会被拒绝：它的低 9 位在新建时成为段的权限；打开时它们是要求的访问权限，0 什么也不要求，所以权限检查不会失败。',
        );
        problems.push(...expectErrno(ctx.sys.shmget(key, 8192, 0), 'EINVAL'));
        return [...problems, ...expectRow(ctx, shmid, { size: 4096 })];
      },
    },
    {
      id: 'new-file',
      code: 'if (touch(fresh) == 0 && rename(fresh, path) == 0)',
      title: { en: 'Replace the file, then ftok again', zh: '替换文件，再调用 ftok' },
      say: {
        // the notes' claim this step corrects (errata E7), said in words
        // what the step does, not what ftok gives (issue 16 item 8: "with a new key" answered it)
        en: 'The notes take a key for the path\'s name. Test it: a new file is renamed over it (as editors save); ftok again, shmget(key, 0, 0) with what it gives, then ftok on a missing path.',
        zh: '笔记把 key 当成路径的名字。验证一下：用 rename 让新文件顶替它（编辑器保存就是这样）；再 ftok，用它给的 key 调 shmget(key, 0, 0)，再对不存在的路径 ftok。',
      },
      notice: {
        // the old segment is still there under the old key (issue 16: said nowhere)
        en: 'New inode, new key (unless the low 16 bits match): a key names no path. The old segment keeps its old key, no longer the path\'s.',
        zh: 'inode 变了，key 也变（除非低 16 位相同）：key 不是路径的名字。旧共享内存段留着路径已给不出的旧 key。',
      },
      traceFocus: ['no-such-file'],
      diagram: KEY,
      highlight: ['id', 'id->key', 'path', 'path->st', 'st', 'st->dev', 'dev', 'st->ino', 'ino', 'dev->key', 'ino->key', 'key'],
      run(ctx, state) {
        const path = need(state, 'path');
        const key = need(state, 'key');
        const before = statSync(path).ino;
        const problems = replaceFile(ctx, path);
        if (problems.length) return problems;
        const hand = ftokByHand(path, S);
        const fresh = keyOf(ctx, path, S);
        if (fresh !== hand.key) problems.push(`ftok after the rename gave ${fresh}, the arithmetic ${hex(hand.key, 8)}`);
        else if (fresh === key) {
          // the low 16 bits of two inode numbers can be equal: the collision E7 warns about
          explain(
            ctx,
            `Inode ${before} became ${hand.ino}, yet the low 16 bits are equal, so the key is too: a collision.`,
            `inode 从 ${before} 变成了 ${hand.ino}，但低 16 位相同，所以 key 也相同：这就是碰撞。`,
          );
        } else {
          explain(
            ctx,
            `Inode ${before} became ${hand.ino}: key ${hex(key, 8)} became ${hex(fresh, 8)}.`,
            `inode 从 ${before} 变成 ${hand.ino}：key 从 ${hex(key, 8)} 变成了 ${hex(fresh, 8)}。`,
          );
          problems.push(...expectErrno(ctx.sys.shmget(fresh, 0, 0), 'ENOENT'));
        }
        const missing = ctx.sys.ftok(join(need(state, 'dir'), 'no-such-file'), S);
        return [...problems, ...expectErrno(missing, 'ENOENT')];
      },
    },
    {
      id: 'remove',
      code: 'if (shmid != -1) shmctl(shmid, IPC_RMID, NULL)',
      title: { en: 'Remove the segment and the files', zh: '删除共享内存段和文件' },
      say: {
        en: 'The lesson removes its segment (shmctl IPC_RMID) and its private folder: its file was a demo. A real rendezvous file two programs agree on stays.',
        zh: '本课用 shmctl(IPC_RMID) 删除自己的共享内存段，并删掉私有目录：本课的文件只是临时演示用的。真正两个程序约定的会合文件要一直保留，留给下一次运行。',
      },
      notice: {
        en: 'The row with the ftok key is gone, and so is the folder.',
        zh: '带着 ftok key 的那一行消失了，私有目录也删掉了。',
      },
      diagram: OPEN,
      // the row gone in the Kernel pane; the folder's removal only in the Trace (issue 16 item 5)
      alsoIn: { pane: 'trace', shows: { en: 'the unlinks and the rmdir', zh: 'unlink 和 rmdir' } },
      highlight: ['me', 'me->seg', 'seg', 'seg->gone', 'gone'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        ctx.focus(null);
        const problems = expectOk(ctx.sys.shmctlRmid(shmid));
        // as ftok.c's cleanup: path, then linked; typo.c, which only the lesson makes, after them
        problems.push(...removeFolder(ctx, need(state, 'dir'), ['rendezvous', 'another-name']));
        return [...problems, ...expectGone(ctx, shmid)];
      },
    },
  ],
  checkpoints: {
    'same-key': {
      question: { en: 'ftok through a hard link to the same file: which key?', zh: '通过指向同一文件的硬链接调用 ftok，得到哪个 key？' },
      choices: [
        { en: "the key ftok(path, 'S') gives", zh: "ftok(path, 'S') 得到的那个 key", whyNot: { en: 'that needs the same inode and device; this time the link led to another inode.', zh: '那要 inode 和设备号都相同；这次链接指向了另一个 inode。' } },
        { en: 'another key', zh: '另一个 key', whyNot: { en: 'only another inode or device changes the key; a hard link is the same inode.', zh: '只有换了 inode 或设备号 key 才会变；硬链接就是同一个 inode。' } },
      ],
      answer: (live) => (linkCall(live).ret === need(live.state, 'key') ? 0 : 1),
      // ftok is libc's arithmetic, not a system call: the run answers, not the kernel
      answeredBy: 'run',
      hint: { en: 'ftok mixes the id with the file\'s inode number. Does a link have its own inode?', zh: 'ftok 用 id 和文件的 inode 号组合。硬链接有自己的 inode 吗？' },
      explain: (live) => ({
        en: `${outcomeOf(linkCall(live)).en}: a hard link is another name for the same inode, and ftok reads the inode.`,
        zh: `${outcomeOf(linkCall(live)).zh}：硬链接只是同一个 inode 的另一个名字，而 ftok 读的是 inode。`,
      }),
    },
    'no-creat': {
      // which key: step 3 made the 'A' keys last; this is 'S''s, step 1's or, after y at step 2, the new file's (issue 16)
      question: { en: "The key is step 1's, made with id 'S' (not step 3's 'A' keys). No segment has it yet. shmget(key, 4096, 0600) gives…", zh: "key 是第 1 步用 id 'S' 算出的（不是第 3 步 'A' 的），还没有共享内存段用它。shmget(key, 4096, 0600) 得到……" },
      choices: NO_CREAT,
      answer: (live) => choiceOf(NO_CREAT, firstCall(live, 'shmget').errno, 0),
      hint: { en: 'Without IPC_CREAT, shmget only opens.', zh: '不带 IPC_CREAT 时，shmget 只负责打开。' },
      explain: (live) => ({
        en: `${outcomeOf(firstCall(live, 'shmget')).en}: without IPC_CREAT nothing is created, and no segment has the key.`,
        zh: `${outcomeOf(firstCall(live, 'shmget')).zh}：不带 IPC_CREAT 就不会新建，而这个 key 还没有对应的共享内存段。`,
      }),
    },
    excl: {
      question: { en: 'The key has a segment now. IPC_CREAT|IPC_EXCL gives…', zh: '这个 key 已经有共享内存段了。带 IPC_CREAT|IPC_EXCL 会得到……' },
      choices: EXCL,
      answer: (live) => choiceOf(EXCL, firstCall(live, 'shmget').errno, 0),
      hint: { en: 'IPC_EXCL means: only if this call creates it.', zh: 'IPC_EXCL 的意思是：必须由这次调用新建。' },
      explain: (live) => ({
        en: `${outcomeOf(firstCall(live, 'shmget')).en}: IPC_CREAT with IPC_EXCL refuses a key that already names a segment.`,
        zh: `${outcomeOf(firstCall(live, 'shmget')).zh}：key 已经指向一个共享内存段时，IPC_CREAT 加上 IPC_EXCL 就会被拒绝。`,
      }),
    },
    'id-bits': {
      question: { en: "ftok(path, 'A') and ftok(path, 'A' + 256) give…", zh: "ftok(path, 'A') 与 ftok(path, 'A' + 256) 得到……" },
      choices: ID_BITS,
      answer: (live) => (firstCall(live, 'ftok').ret === lastCall(live, 'ftok').ret ? 0 : 1),
      // ftok is libc's arithmetic, not a system call: the run answers, not the kernel
      answeredBy: 'run',
      hint: { en: 'The key has 8 bits for the id. How many does 256 need?', zh: 'key 里留给 id 的只有 8 位。256 需要几位？' },
      explain: (live) => {
        const [a, b] = [firstCall(live, 'ftok'), lastCall(live, 'ftok')].map((c) => hex(Number(c.ret), 8));
        return a === b
          ? { en: `${a} both times: only the id's low 8 bits go into the key, and 'A' + 256 ends in 0x41 too.`, zh: `两次都是 ${a}：key 只取 id 的低 8 位，'A' + 256 的低 8 位也是 0x41。` }
          : { en: `${a} and ${b}: this C library keeps more of the id than glibc's low 8 bits.`, zh: `${a} 与 ${b}：这个 C 库保留的 id 位数比 glibc 的低 8 位多。` };
      },
    },
    'open-sizes': {
      question: { en: 'The segment has 4096 bytes. shmget(key, 100, 0) gives…', zh: '这个共享内存段有 4096 字节。shmget(key, 100, 0) 得到……' },
      choices: SMALLER,
      answer: (live) => {
        const call = sizeCall(live, 100);
        return call.errno === null ? (call.ret === need(live.state, 'shmid') ? 0 : 1) : choiceOf(SMALLER, call.errno);
      },
      hint: { en: 'Without IPC_CREAT, shmget only opens. When the segment is already there, what can size still mean?', zh: '不带 IPC_CREAT，shmget 只打开。共享内存段已经存在时，size 还能表示什么？' },
      explain: (live) => ({
        en: `${outcomeOf(sizeCall(live, 100)).en}, and size 8192: ${sizeCall(live, 8192).errno ?? 'no error'}. When opening, size is the least the caller needs: the segment's 4096 bytes are enough for 100, not for 8192.`,
        zh: `${outcomeOf(sizeCall(live, 100)).zh}；size 8192：${sizeCall(live, 8192).errno ?? '没有出错'}。打开时 size 是调用者至少需要的字节数：这个段的 4096 字节够 100，不够 8192。`,
      }),
    },
  },
  check: [
    {
      question: { en: 'What makes two programs compute the same key?', zh: '两个程序凭什么算出同一个 key？' },
      choices: [
        { en: 'same file and id', zh: '同一个文件和同一个 id' },
        { en: 'same pid', zh: '同一个 pid', whyNot: { en: 'ftok reads no pid; two programs, two pids, compute one key from one file.', zh: 'ftok 不读 pid；两个程序、两个 pid，用同一个文件算出同一个 key。' } },
        { en: 'same start time', zh: '同时启动', whyNot: { en: 'ftok reads no clock; while the file stays, a key computed today or tomorrow is the same.', zh: 'ftok 不看时间；只要文件不变，今天算和明天算都是同一个 key。' } },
      ],
      answer: 0,
      explain: { en: 'ftok(path, id) depends only on the file\'s inode and device and the id.', zh: 'ftok(path, id) 只取决于文件的 inode、设备号和 id。' },
    },
    {
      question: { en: 'The file is deleted and made again. The key…', zh: '文件删掉后重新建立，key……' },
      choices: [
        { en: 'stays the same', zh: '不变', whyNot: { en: 'only if the new inode has the old one\'s low 16 bits (the freed one handed back, say), which nothing promises.', zh: '只有新 inode 的低 16 位恰好和旧的一样（比如释放的 inode 又给了它）才不变，而这没有任何保证。' } },
        { en: 'may change', zh: '可能改变' },
      ],
      answer: 1,
      explain: { en: 'The file system may give the new file another inode, then the key changes; or hand back the freed one, or one with the same low 16 bits, then it stays: no program can count on either.', zh: '文件系统可能给新文件另一个 inode，key 就变了；也可能把刚释放的 inode 还给它，或给一个低 16 位相同的 inode，key 就不变：哪一种都不能指望。' },
    },
    {
      question: { en: 'How do you open an existing segment by key?', zh: '怎样按 key 打开已有的共享内存段？' },
      choices: [
        { en: 'shmget(key, 0, 0)', zh: 'shmget(key, 0, 0)' },
        { en: 'shmget(IPC_PRIVATE, 0, 0)', zh: 'shmget(IPC_PRIVATE, 0, 0)', whyNot: { en: 'IPC_PRIVATE never opens; it always creates, and size 0 then fails with EINVAL.', zh: 'IPC_PRIVATE 从不打开，总是新建，size 为 0 时就以 EINVAL 失败。' } },
        { en: 'shmat(key, NULL, 0)', zh: 'shmat(key, NULL, 0)', whyNot: { en: 'shmat takes a shmid, not a key; shmget turns the key into one first.', zh: 'shmat 要的是 shmid，不是 key；先由 shmget 把 key 换成 shmid。' } },
      ],
      answer: 0,
      explain: { en: 'Size 0 and no IPC_CREAT: open what the key names, or fail.', zh: '大小为 0、不带 IPC_CREAT：打开 key 指向的共享内存段，没有就失败。' },
    },
  ],
});
