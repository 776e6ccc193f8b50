// The one keymap: the input handler, the key bar at the bottom and the help overlay
// are all generated from BINDINGS, so what the screen says is what the keys do.
import type { Key } from 'ink';
import type { Lang } from '../lang.js';
import type { Lesson, Text } from '../lessons/types.js';
import { LANGS } from '../lang.js';
import type { ScrollPane, TabId } from './layout.js';
import type { EditAction } from './play/line-editor.js';
import type { Overlay } from './store/navigation.js';
import type { Screen } from './store/play.js';
import { asciiText } from './text-fit.js';
import { strings, type Strings } from './strings.js';

export type Action =
  | 'run' | 'next' | 'prev' | 'aside' | 'reset' | 'menu' | 'code' | 'zoom' | 'file' | 'pick' | 'bytesBack' | 'bytesOn' | 'bytesSeek' | 'lang' | 'help' | 'quit' | 'errata' | 'glossary'
  | 'tab' | 'tabBack' | 'scrollUp' | 'scrollDown' | 'pageUp' | 'pageDown' | 'scrollTop' | 'scrollEnd'
  | 'menuUp' | 'menuDown' | 'menuPageUp' | 'menuPageDown' | 'listPageUp' | 'listPageDown' | 'menuFirst' | 'menuLast' | 'menuOpen' | 'close'
  | 'play' | 'playEnter' | 'playComplete' | 'playInterrupt' | 'playSide' | EditAction
  | 'turn' | 'turnNext' | 'turnPrev' | 'turnRun' | 'turnCancel' | 'turnCycle' | 'turnCycleBack'
  | 'choose' | 'skip' | 'reveal' | 'hint'
  | 'find' | 'findNext' | 'findAgain' | 'findEnd' | 'findErase';

/** The keys a pane acts on itself: only the pane knows how far its content scrolls. */
export type ScrollAction = 'scrollUp' | 'scrollDown' | 'pageUp' | 'pageDown' | 'scrollTop' | 'scrollEnd';
/** The keys a list of entries (errata, glossary) acts on itself: only it knows what is in view. */
export type ListPageAction = 'listPageUp' | 'listPageDown';
/** The keys the store acts on. */
export type StoreAction = Exclude<Action, ScrollAction | ListPageAction>;

/** The keys that act on the lesson's steps and questions (run, answer, skip, reset, go to
 *  a step or a lesson): in one read after a key that ran a step they are not used, as they
 *  came before its screen (store/run.ts keysBegin); the others (Tab, z, l, the lists, q, the
 *  scroll keys) act on the panes shown and count wherever they come. */
export const STEP_ACTIONS: ReadonlySet<StoreAction> = new Set<StoreAction>([
  'run', 'next', 'prev', 'reset', 'menuOpen', 'choose', 'skip', 'hint', 'reveal', 'turn', 'turnRun',
]);

/** Which keys apply: the main screen, the lesson menu, the help overlay, the errata
 *  or the glossary, the closing screen (scrolled like a pane), the "terminal too small" notice (where nothing
 *  else is in sight to act on), the playground, or a your-turn form. The errata and the
 *  glossary are lists like the menu: its keys move in them. In the playground every
 *  printable key is input: its bindings are the editing keys and control keys only.
 *  'turn': a field of a your-turn form has focus, and every key that is not one of its
 *  few is typed into it (store/turn.ts). 'find': the glossary's / search, where every key
 *  but its few is typed into the query (store/find.ts). */
export type Scope = 'main' | 'menu' | 'help' | 'errata' | 'glossary' | 'end' | 'small' | 'play' | 'turn' | 'find';

export interface KeySpec {
  /** how the key is written on screen */
  name: string;
  match(input: string, key: Key): boolean;
  /** how the bar writes it in each language, where that is words ("any key") */
  words?: Text;
}

export interface Binding {
  action: Action;
  scopes: Scope[];
  keys: KeySpec[];
  /** short word for the key bar */
  label: Text;
  /** one line for the help overlay */
  help: Text;
  /** shown in the key bar at the bottom (the rest only in help): in each of its scopes, or in those listed */
  bar: boolean | Scope[];
  /** may be left out of a key bar too full for the terminal (a question's 1-N and x, or z,
   *  take the room): the lowest first */
  spare?: number;
  /** in help, on the line of this action (↓ beside ↑): the two share one line and its text */
  helpWith?: Action;
  /** left out of help: said where it applies instead (the your-turn form names y and its
   *  own keys), as help has no line to spare at 80x24 */
  notInHelp?: true;
}

const char = (c: string, name = c): KeySpec => ({ name, match: (input, key) => input === c && !key.ctrl && !key.meta });
const named = (prop: keyof Key, name: string): KeySpec => ({ name, match: (_input, key) => key[prop] === true });
const shiftTab: KeySpec = { name: 'Shift-Tab', match: (_input, key) => key.tab && key.shift };
const digit: KeySpec = { name: '1-9', match: (input, key) => /^[1-9]$/.test(input) && !key.ctrl && !key.meta };
const ctrl = (c: string): KeySpec => ({ name: `Ctrl-${c.toUpperCase()}`, match: (input, key) => key.ctrl && input === c });

/** Backspace: terminals send DEL (0x7f) for it, which Ink names `delete`, as it names the Delete key. */
// use-keys.ts reports the Backspace key (0x7f) as backspace, the Delete key as delete
const erase: KeySpec = { name: 'Backspace', match: (_input, key) => key.backspace };

export const BINDINGS: Binding[] = [
  { action: 'run', scopes: ['main'], keys: [char(' ', 'Space'), named('return', 'Enter')], bar: true,
    label: { en: 'run', zh: '运行' }, help: { en: 'run the next step; in review Space re-runs it, Enter = →', zh: '运行下一步；回看时空格重新运行该步，Enter 同 →' } },
  // the line says what v does and for whom in words a newcomer knows (--present: a class votes
  // before the grade shows), not "projector" alone, nor "after a class vote" without what v does
  // (issue 16), and that a learner alone has no use for it ("teacher shows answer" read as a key
  // for them; "v: teachers only, after a class vote" said who, not what: issue 16 item 17); help
  // has no row to spare for v's own line at 80x24; g "vote" finds the whole
  { action: 'choose', scopes: ['main'], keys: [digit], bar: false,
    label: { en: 'answer', zh: '作答' }, help: { en: 'answer, x skip, h hint; v: shows the answer to a class only', zh: '回答问题；x 跳过，h 提示；v：只给全班揭晓答案，独自学用不到' } },
  { action: 'skip', scopes: ['main'], keys: [char('x')], bar: false,
    label: { en: 'skip', zh: '跳过' }, help: { en: 'skip the question shown (counted as skipped)', zh: '跳过显示的问题（记为跳过）' }, helpWith: 'choose' },
  { action: 'hint', scopes: ['main'], keys: [char('h')], bar: false,
    label: { en: 'hint', zh: '提示' }, help: { en: 'a hint for the question shown', zh: '显示这道题的提示' }, helpWith: 'choose' },
  { action: 'reveal', scopes: ['main'], keys: [char('v')], bar: false,
    label: { en: 'reveal', zh: '揭晓' }, help: { en: 'projector mode (a class): reveal the kernel\'s answer once the class has voted', zh: '投影模式（全班一起看）：全班投票后揭晓内核的答案' }, helpWith: 'choose' },
  // the last to give way, for z and a key the text names (c at a lesson's end), which never do
  // (after l too: the title bar names the languages; → is how a learner reads on while a question
  // waits behind Space, and the bar lost it there for the keys the step's text names: issue 16);
  // its help names a beside (the help has no row to spare at 80x24); at a lesson's end the bar
  // itself names "→/Enter next lesson"
  { action: 'next', scopes: ['main'], keys: [named('rightArrow', '→'), char('n')], bar: true, spare: 8,
    label: { en: 'next', zh: '后一步' }, help: { en: 'step after / before, with its results if it ran; a: an aside', zh: '显示后一步 / 前一步（已运行的连同结果）；a：展开旁注' } },
  { action: 'prev', scopes: ['main'], keys: [named('leftArrow', '←'), char('p')], bar: true, spare: 6,
    label: { en: 'back', zh: '前一步' }, help: { en: 'read the previous step\'s text again', zh: '重新查看前一步的说明' }, helpWith: 'next' },
  // the folded aside's own line names a (issue 16 item 16: "? says how" sent newcomers to help,
  // where ← and Space read as risky): shown in place and folded again, the step stays; in review
  // it brings the step's aside into view, and where there is none the status line says so. Not on
  // the bar, which holds the same keys at every step (fixR3) and at 80 columns has no room for it
  // at the widest: the folded line does the naming; in help on →'s line
  { action: 'aside', scopes: ['main'], keys: [char('a')], bar: false, helpWith: 'next',
    label: { en: 'aside', zh: '旁注' }, help: { en: 'show the folded aside in place; a again folds it', zh: '就地展开收起的旁注；再按 a 收起' } },
  // "reset": r asks before it resets (a second r resets; the bar says so then: ASKED); a "?" or "…" on the label read as unsure
  { action: 'reset', scopes: ['main'], keys: [char('r')], bar: true, spare: 5,
    label: { en: 'reset', zh: '重置' }, help: { en: 'reset the lesson, removing what it made', zh: '重置本课，删除它创建的对象' } },
  // the last to give way (after l): a question's keys beside y take the room of a Chinese bar
  // in the menu m closes it (as Esc, which the bar names): the menu's bar offers no "m menu" (nc13k#2)
  { action: 'menu', scopes: ['main', 'menu', 'end'], keys: [char('m')], bar: ['main', 'end'], spare: 4,
    label: { en: 'menu', zh: '菜单' }, help: { en: 'lesson menu (and start over)', zh: '课程菜单（也可从头开始）' } },
  // at a small terminal C is a tab too (the tab bar names it), yet c works there as ever: it gives
  // way after e and g, so a key the step's text names takes their room first (fix24a#7: shmctl 3
  // at 120x34 zh lost "c 代码" for "↓")
  { action: 'code', scopes: ['main'], keys: [char('c')], bar: true, spare: 3,
    label: { en: 'C code', zh: '代码' }, help: { en: 'the lesson\'s C program (c, Esc: back); f its next file', zh: '在当前窗格显示本课的 C 程序（c 或 Esc 返回）；f 下一个文件' } },
  { action: 'zoom', scopes: ['main'], keys: [char('z')], bar: true,
    label: { en: 'zoom', zh: '放大' },
    help: { en: 'the pane in focus fills the screen, any size; z again: back', zh: '当前窗格占满屏幕（任何尺寸）；再按 z 回到课程' } },
  { action: 'errata', scopes: ['main', 'errata', 'glossary'], keys: [char('e')], bar: ['main'], spare: 1,
    label: { en: 'errata', zh: '勘误' }, help: { en: 'errata: where the notes are wrong, and the step showing it', zh: '勘误：笔记写错的地方，以及现场演示它的步骤' } },
  { action: 'glossary', scopes: ['main', 'errata', 'glossary'], keys: [char('g')], bar: ['main'], spare: 2,
    label: { en: 'glossary', zh: '术语' }, help: { en: 'glossary: every term, and the marks of the trace and flow', zh: '术语表：每个术语，以及跟踪和流程图里的符号' } },
  // in help on c's line: the room goes to z (at 80x24 the help has no row to spare)
  { action: 'file', scopes: ['main'], keys: [char('f')], bar: false, helpWith: 'code',
    label: { en: 'file', zh: '文件' }, help: { en: 'the lesson\'s next C file (a program, its peer, a header)', zh: '本课的下一个 C 文件（程序、对端、头文件）' } },
  { action: 'pick', scopes: ['main'], keys: [char('s')], bar: false,
    label: { en: 'segment', zh: '段' }, help: { en: 'Kernel pane: s next segment, [ ] its bytes, } next non-zero', zh: '内核窗格：s 换一个段，[ ] 翻字节，} 跳到下一处非零字节' } },
  // in help on the line of s, whose text names them
  { action: 'bytesBack', scopes: ['main'], keys: [char('[')], bar: false, helpWith: 'pick',
    label: { en: 'bytes before', zh: '前面的字节' }, help: { en: 'the Kernel pane dumps the bytes before', zh: '内核窗格显示前面的字节' } },
  { action: 'bytesOn', scopes: ['main'], keys: [char(']')], bar: false, helpWith: 'pick',
    label: { en: 'bytes after', zh: '后面的字节' }, help: { en: 'the Kernel pane dumps the bytes after', zh: '内核窗格显示后面的字节' } },
  // a text written at +4086 of 4096 bytes took 62 presses of ] (newcomers): } skips the zeros
  { action: 'bytesSeek', scopes: ['main'], keys: [char('}')], bar: false, helpWith: 'pick',
    label: { en: 'non-zero bytes', zh: '非零字节' }, help: { en: 'the Kernel pane dumps the next bytes that are not all zero', zh: '内核窗格跳到下一处不全为零的字节' } },
  // the languages named as the title bar names them (EN | 中文), in the bar and in help alike
  { action: 'lang', scopes: ['main', 'menu', 'errata', 'glossary', 'end'], keys: [char('l')], bar: true, spare: 7,
    label: { en: '中文', zh: 'EN' }, help: { en: 'switch language (中文)', zh: '切换语言（EN）' } },
  // Shift-Tab before Tab: Ink reports Shift-Tab as Tab with shift
  { action: 'tabBack', scopes: ['main'], keys: [shiftTab], bar: false,
    label: { en: 'pane back', zh: '上一窗格' }, help: { en: 'the pane before', zh: '上一个窗格' }, helpWith: 'tab' },
  // on the bar in every state it moves between panes, never left out (no spare: fix19a#2, overview
  // step 3 on at 80x24 lost it); there ← gives way for it, and help names ←
  { action: 'tab', scopes: ['main'], keys: [named('tab', 'Tab')], bar: true,
    label: { en: 'pane', zh: '窗格' }, help: { en: 'next pane: Flow | Kernel | Trace | C', zh: '切换窗格：流程 | 内核 | 跟踪 | C' } },
  // the closing screen scrolls with the keys of a pane; its bar names them. k and j as in the
  // menu and the lists, which they move: one keymap (issue 16: "j does nothing here" in a zoomed Flow)
  { action: 'scrollUp', scopes: ['main', 'end'], keys: [named('upArrow', '↑'), char('k')], bar: ['end'],
    label: { en: 'scroll', zh: '滚动' }, help: { en: 'scroll the pane shown (flow, kernel, trace, C code)', zh: '滚动当前窗格（流程、内核、跟踪、C 代码）' } },
  // on the bar only where a text names ↓: then it says what it does, as ↑'s does (fix24a#7: "↓ 下")
  { action: 'scrollDown', scopes: ['main', 'end'], keys: [named('downArrow', '↓'), char('j')], bar: false,
    label: { en: 'scroll', zh: '滚动' }, help: { en: 'scroll the pane shown down', zh: '向下滚动当前窗格' }, helpWith: 'scrollUp' },
  { action: 'pageUp', scopes: ['main', 'end'], keys: [named('pageUp', 'PgUp')], bar: false,
    label: { en: 'text up', zh: '文字上翻' }, help: { en: 'the lesson text; at its end, the pane shown', zh: '滚动课程文字；文字到头时滚动当前窗格' } },
  { action: 'pageDown', scopes: ['main', 'end'], keys: [named('pageDown', 'PgDn')], bar: false,
    label: { en: 'text down', zh: '文字下翻' }, help: { en: 'scroll the lesson text down', zh: '课程文字向下滚动' }, helpWith: 'pageUp' },
  // Home End: not lines of the help, which has no row to spare at 80x24 (ARCHITECTURE names them)
  { action: 'scrollTop', scopes: ['main', 'end'], keys: [named('home', 'Home')], bar: false, notInHelp: true,
    label: { en: 'text top', zh: '文字开头' }, help: { en: 'to the top of the lesson text; there, of the pane shown', zh: '到课程文字开头；已在开头时：当前窗格开头' } },
  { action: 'scrollEnd', scopes: ['main', 'end'], keys: [named('end', 'End')], bar: false, notInHelp: true,
    label: { en: 'text end', zh: '文字末尾' }, help: { en: 'to the end of the lesson text; there, of the pane shown', zh: '到课程文字末尾；已在末尾时：当前窗格末尾' } },
  // not a line of the help itself: the key bar names it, and at 80x24 the help has no row to spare.
  // The bar ends with it: e, g, s… (and a spare key a narrow bar leaves out) are under ?, and its
  // words say so, "? all" (issue 16: e, g, c/f went from some bars unsaid under "? keys"); no wider
  // than "keys", which the widest bars at 80 columns were measured with ("all keys" cost g there)
  { action: 'help', scopes: ['main', 'small'], keys: [char('?')], bar: true, notInHelp: true,
    label: { en: 'all', zh: '全部' }, help: { en: 'this help', zh: '本帮助' } },
  // over help q closes it as any key does (its title says so): Ctrl-C alone quits there
  { action: 'quit', scopes: ['main', 'menu', 'errata', 'glossary', 'end', 'small'], keys: [char('q'), ctrl('c')], bar: true,
    label: { en: 'quit', zh: '退出' }, help: { en: 'quit; removes every object ipclab made', zh: '退出；删除 ipclab 创建的所有对象' } },
  { action: 'menuUp', scopes: ['menu', 'errata', 'glossary'], keys: [named('upArrow', '↑'), char('k')], bar: ['menu', 'errata', 'glossary'],
    label: { en: 'move', zh: '移动' }, help: { en: 'move', zh: '移动' } },
  { action: 'menuDown', scopes: ['menu', 'errata', 'glossary'], keys: [named('downArrow', '↓'), char('j')], bar: false,
    label: { en: 'down', zh: '下' }, help: { en: 'next entry', zh: '下一项' }, helpWith: 'menuUp' },
  // while / searches, k and j are letters of the query: the arrows alone move
  { action: 'menuUp', scopes: ['find'], keys: [named('upArrow', '↑')], bar: false,
    label: { en: 'move', zh: '移动' }, help: { en: 'move', zh: '移动' } },
  { action: 'menuDown', scopes: ['find'], keys: [named('downArrow', '↓')], bar: false,
    label: { en: 'down', zh: '下' }, help: { en: 'next entry', zh: '下一项' }, helpWith: 'menuUp' },
  { action: 'find', scopes: ['glossary'], keys: [char('/')], bar: ['glossary'],
    label: { en: 'find', zh: '查找' }, help: { en: 'find a word in the glossary', zh: '在术语表里查找' } },
  { action: 'findNext', scopes: ['find'], keys: [named('return', 'Enter')], bar: true,
    label: { en: 'go there', zh: '停在这里' }, help: { en: 'end the search on the first entry that holds the word', zh: '结束查找，停在第一个含有这个词的条目' } },
  // as in less and vim: the search over, n goes on to the next match (the status line says so)
  { action: 'findAgain', scopes: ['glossary'], keys: [char('n')], bar: false,
    label: { en: 'next match', zh: '下一个' }, help: { en: 'the next entry that holds the word found last', zh: '下一个含有上次查找的词的条目' } },
  // as in every search box: Esc clears the word typed, and closes the glossary once it holds none (issue 16 item 17)
  { action: 'findEnd', scopes: ['find'], keys: [named('escape', 'Esc')], bar: true,
    label: { en: 'close glossary', zh: '关闭术语表' }, help: { en: 'clear the word typed; with none, close the glossary', zh: '清空输入的词；没有词时关闭术语表' } },
  { action: 'findErase', scopes: ['find'], keys: [erase], bar: true,
    label: { en: 'erase', zh: '删除' }, help: { en: 'erase the last character; any other key is typed into the word', zh: '删除最后一个字符；其他键都输入到要找的词里' } },
  // the key bar names these beside ↑↓ (helpWith), the one key line of a list; the help has
  // no row to spare for them at 80x24
  { action: 'menuPageUp', scopes: ['menu'], keys: [named('pageUp', 'PgUp')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'page up', zh: '上一页' }, help: { en: 'ten entries up', zh: '向上十项' } },
  { action: 'menuPageDown', scopes: ['menu'], keys: [named('pageDown', 'PgDn')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'page down', zh: '下一页' }, help: { en: 'ten entries down', zh: '向下十项' } },
  // the errata and the glossary page by what is in view (their entries are of many lines)
  { action: 'listPageUp', scopes: ['errata', 'glossary'], keys: [named('pageUp', 'PgUp')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'page up', zh: '上一页' }, help: { en: 'a page up', zh: '向上一页' } },
  { action: 'listPageDown', scopes: ['errata', 'glossary'], keys: [named('pageDown', 'PgDn')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'page down', zh: '下一页' }, help: { en: 'a page down', zh: '向下一页' } },
  { action: 'menuFirst', scopes: ['menu', 'errata', 'glossary'], keys: [named('home', 'Home')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'first', zh: '第一项' }, help: { en: 'the first entry', zh: '第一项' } },
  { action: 'menuLast', scopes: ['menu', 'errata', 'glossary'], keys: [named('end', 'End')], bar: false, notInHelp: true, helpWith: 'menuUp',
    label: { en: 'last', zh: '最后一项' }, help: { en: 'the last entry', zh: '最后一项' } },
  { action: 'menuOpen', scopes: ['menu', 'errata'], keys: [named('return', 'Enter'), char(' ', 'Space')], bar: ['menu', 'errata'],
    label: { en: 'open', zh: '打开' }, help: { en: 'open', zh: '打开' } },
  // on the main screen Esc only leaves the C code for the pane before it, as c does (navigation.ts close): help says that, not "close"
  { action: 'close', scopes: ['menu', 'errata', 'glossary', 'end', 'main'], keys: [named('escape', 'Esc')], bar: ['menu', 'errata', 'glossary', 'end'],
    label: { en: 'close', zh: '关闭' }, help: { en: 'close the menu, errata, glossary, end screen; C code: back', zh: '关闭菜单、勘误、术语表或结束画面；C 代码：回到原来的窗格' } },
  { action: 'play', scopes: ['main'], keys: [char(':')], bar: false,
    label: { en: 'playground', zh: '练习场' }, help: { en: 'the playground: type shared-memory calls (Esc: back)', zh: '练习场：自己输入共享内存调用（Esc 返回）' } },
  // the playground: the input line's keys
  { action: 'playEnter', scopes: ['play'], keys: [named('return', 'Enter')], bar: true,
    label: { en: 'run', zh: '运行' }, help: { en: 'run the line; pasted lines run one by one in order', zh: '运行这一行；粘贴的多行逐行依次运行' } },
  { action: 'playComplete', scopes: ['play'], keys: [named('tab', 'Tab')], bar: true,
    label: { en: 'complete', zh: '补全' }, help: { en: 'complete a name; pressed again, list the choices', zh: '补全名字；再按一次列出候选' } },
  { action: 'historyUp', scopes: ['play'], keys: [named('upArrow', '↑')], bar: false,
    label: { en: 'history', zh: '历史' }, help: { en: 'earlier lines (the history is kept)', zh: '历史中的上一行（历史会保存）' } },
  { action: 'historyDown', scopes: ['play'], keys: [named('downArrow', '↓')], bar: false,
    label: { en: 'later', zh: '下一行' }, help: { en: 'the next line in the history', zh: '历史中的下一行' }, helpWith: 'historyUp' },
  { action: 'left', scopes: ['play'], keys: [named('leftArrow', '←'), ctrl('b')], bar: false,
    label: { en: 'left', zh: '左' }, help: { en: 'move the cursor', zh: '移动光标' } },
  { action: 'right', scopes: ['play'], keys: [named('rightArrow', '→'), ctrl('f')], bar: false,
    label: { en: 'right', zh: '右' }, help: { en: 'move the cursor right', zh: '光标右移' }, helpWith: 'left' },
  // the line's keys work in a your-turn field too (store.ts lineEdit sends them to the one in use)
  { action: 'home', scopes: ['play', 'turn'], keys: [named('home', 'Home'), ctrl('a')], bar: false,
    label: { en: 'start', zh: '行首' }, help: { en: 'to the start of the line', zh: '到行首' } },
  { action: 'end', scopes: ['play', 'turn'], keys: [named('end', 'End'), ctrl('e')], bar: false,
    label: { en: 'end', zh: '行尾' }, help: { en: 'to the end of the line', zh: '到行尾' } },
  { action: 'backspace', scopes: ['play', 'turn'], keys: [erase], bar: false,
    label: { en: 'erase', zh: '删除' }, help: { en: 'erase the character before the cursor', zh: '删除光标前的字符' } },
  { action: 'delete', scopes: ['play', 'turn'], keys: [named('delete', 'Del'), ctrl('d')], bar: false,
    label: { en: 'delete', zh: '删除后' }, help: { en: 'erase the character under the cursor', zh: '删除光标处的字符' } },
  { action: 'killBefore', scopes: ['play', 'turn'], keys: [ctrl('u')], bar: false,
    label: { en: 'cut start', zh: '删至行首' }, help: { en: 'erase from the start of the line to the cursor', zh: '删除行首到光标的内容' } },
  { action: 'killAfter', scopes: ['play', 'turn'], keys: [ctrl('k')], bar: false,
    label: { en: 'cut end', zh: '删至行尾' }, help: { en: 'erase from the cursor to the end of the line', zh: '删除光标到行尾的内容' } },
  { action: 'killWord', scopes: ['play', 'turn'], keys: [ctrl('w')], bar: false,
    label: { en: 'cut word', zh: '删词' }, help: { en: 'erase the word before the cursor', zh: '删除光标前的一个词' } },
  { action: 'pageUp', scopes: ['play'], keys: [named('pageUp', 'PgUp')], bar: false,
    label: { en: 'scroll', zh: '翻页' }, help: { en: 'scroll the transcript', zh: '滚动记录' } },
  { action: 'pageDown', scopes: ['play'], keys: [named('pageDown', 'PgDn')], bar: false,
    label: { en: 'scroll down', zh: '向下翻页' }, help: { en: 'scroll the transcript down', zh: '记录向下滚动' }, helpWith: 'pageUp' },
  { action: 'playSide', scopes: ['play'], keys: [ctrl('o')], bar: true,
    label: { en: 'pane', zh: '窗格' }, help: { en: 'the pane below: Kernel, Flow, Challenge', zh: '下方窗格：内核、流程、挑战' } },
  { action: 'help', scopes: ['play'], keys: [ctrl('g')], bar: true,
    label: { en: 'keys', zh: '按键' }, help: { en: 'these keys (the statements: type help)', zh: '本按键说明（语句说明：输入 help）' } },
  { action: 'close', scopes: ['play'], keys: [named('escape', 'Esc')], bar: true,
    label: { en: 'lessons', zh: '课程' }, help: { en: 'back to the lessons (what you made stays)', zh: '回到课程（创建的对象保留）' } },
  { action: 'playInterrupt', scopes: ['play'], keys: [ctrl('c')], bar: true,
    label: { en: 'clear', zh: '清行' }, help: { en: 'clear the line; twice quits, cleans up (or quit)', zh: '清空这一行；连按两次退出并清理（或输入 quit）' } },
  { action: 'turn', scopes: ['main'], keys: [char('y')], bar: false,
    label: { en: 'your turn', zh: '轮到你' }, help: { en: 'your turn: your own values for a step that has a form', zh: '轮到你：为有表单的步骤输入自己的值' } },
  // Shift-Tab before Tab: Ink reports Shift-Tab as Tab with shift
  { action: 'turnPrev', scopes: ['turn'], keys: [shiftTab, named('upArrow', '↑')], bar: false,
    label: { en: 'field', zh: '字段' }, help: { en: 'previous field', zh: '上一个字段' } },
  { action: 'turnNext', scopes: ['turn'], keys: [named('tab', 'Tab'), named('downArrow', '↓')], bar: true,
    label: { en: 'field', zh: '字段' }, help: { en: 'next field', zh: '下一个字段' }, helpWith: 'turnPrev' },
  { action: 'turnRun', scopes: ['turn'], keys: [named('return', 'Enter')], bar: true,
    label: { en: 'run with these', zh: '用这些值运行' }, help: { en: 'check the values and run the step with them', zh: '检查取值，并用它们运行这一步' } },
  { action: 'turnCancel', scopes: ['turn'], keys: [named('escape', 'Esc')], bar: true,
    label: { en: 'cancel', zh: '取消' }, help: { en: 'back to the lesson\'s values, out of the form', zh: '恢复课程的取值，离开表单' } },
  { action: 'turnCycleBack', scopes: ['turn'], keys: [named('leftArrow', '←')], bar: false,
    label: { en: 'value', zh: '取值' }, help: { en: 'a choice field: the previous value', zh: '选项字段：上一个取值' } },
  { action: 'turnCycle', scopes: ['turn'], keys: [named('rightArrow', '→')], bar: false,
    label: { en: 'value', zh: '取值' }, help: { en: 'a choice field: the next value', zh: '选项字段：下一个取值' }, helpWith: 'turnCycleBack' },
  // over help every key but Ctrl-C closes it, q too (fix15a2#1): its bar says so (nc13k#1), not the keys of the screen beneath
  { action: 'quit', scopes: ['help'], keys: [ctrl('c')], bar: false, notInHelp: true,
    label: { en: 'quit', zh: '退出' }, help: { en: 'quit; removes every object ipclab made', zh: '退出；删除 ipclab 创建的所有对象' } },
  { action: 'close', scopes: ['help'], keys: [{ name: 'any key', words: { en: 'any key', zh: '任意键' }, match: () => true }], bar: ['help'], notInHelp: true,
    label: { en: 'close', zh: '关闭' }, help: { en: 'close help', zh: '关闭帮助' } },
  // in the form and the search q is a letter: only Ctrl-C quits
  { action: 'quit', scopes: ['turn', 'find'], keys: [ctrl('c')], bar: true,
    label: { en: 'quit', zh: '退出' }, help: { en: 'quit; removes every object ipclab made', zh: '退出；删除 ipclab 创建的所有对象' } },
];

/** The scope of a key: the overlay shown (the glossary's search while it is on), unless
 *  the terminal is too small to show anything; the playground's input line, or the
 *  your-turn form while one of its fields has focus. */
export function scopeFor(overlay: Overlay, small: boolean, screen: Screen = 'lesson', editing = false, finding = false): Scope {
  if (small) return 'small';
  if (overlay === 'glossary' && finding) return 'find';
  if (overlay !== 'none') return overlay;
  if (screen === 'play') return 'play';
  return editing ? 'turn' : 'main';
}

/** The action a key press means in a scope; over help any other key closes it. */
export function actionFor(scope: Scope, input: string, key: Key): Action | null {
  for (const b of BINDINGS) {
    if (b.scopes.includes(scope) && b.keys.some((k) => k.match(input, key))) return b.action;
  }
  return scope === 'help' ? 'close' : null;
}

/** Where the learner is, for what Space does there (and y beside it). */
export interface SpacePlace {
  view: number;
  done: number;
  steps: number;
  lastLesson: boolean;
  /** the step Space runs next shows its your-turn form: y edits it */
  form?: boolean;
  /** Enter in that form keeps its values and closes it, its step's question unanswered (store/turn.ts formWaitsForAnswer) */
  formWaits?: boolean;
  /** that form has one field: Tab and ↑↓ move nowhere, and neither the bar nor the form offers them (nc: sem 1's form said "Tab/↑↓ field" beside val alone) */
  oneField?: boolean;
  /** a question of the end-of-lesson check is open: Space brings it into view, never past it (1-N answer it, x skips it) */
  checkOpen?: boolean;
  /** that question's number and the check's count ("check 2/3"): what Space brings where it waits behind Space (`opens`) */
  check?: { k: number; n: number };
  /** step done + 1 is running: Space runs nothing then (store/run.ts runStep), nor does r: the bar offers neither */
  running?: boolean;
  /** the step (index) running, while `running`: `done` may already count it before its run
   *  is over (the lesson closing after its last step); absent while no step of the lesson
   *  runs (a lesson opening, the steps before a re-run replayed) */
  runningStep?: number;
  /** Space was pressed once at a question with no answer picked: a second runs the step without one (store/turn.ts runShown) */
  unanswered?: boolean;
  /** the step shown has its question behind Space and Enter, the result of the step just run shown first (store/turn.ts questionBehind) */
  opens?: boolean;
  /** part of the step Space runs next is below the lesson pane's window: Space brings it first (store/turn.ts spaceShowsRest) */
  rest?: boolean;
  /** that part holds the step's question, not yet in view (store/turn.ts restAsks): Space says so */
  restAsks?: boolean;
  /** r was pressed once: a second resets the lesson (store/run.ts resetLesson) */
  resetAsked?: boolean;
  /** an erratum's jump is running the steps before its own: Space and r do nothing until it stops */
  jumping?: boolean;
  /** the keys the lesson's texts tell the learner to press (lessonNamedKeys; in the app those of
   *  every lesson, courseNamedKeys; ↑ ↓ where the step's text names them and its pane can move):
   *  the bar names them at every step */
  named?: readonly string[];
  /** of `named`, those this lesson's texts name (lessonNamedKeys): a question's, a form's or the
   *  check's bar short of room leaves out the keys only other lessons name first */
  lesson?: readonly string[];
  /** the most steps of any lesson of the course: the bar's keys and words are decided by the widest
   *  Space words of any lesson ("step 12's text"), so that they are the same in every lesson */
  courseSteps?: number;
  /** of those, the ones the screen's own text names (namedKeys, the "New terms" line's g, c at the
   *  end): a question's, a form's or the check's bar short of room keeps them first */
  own?: readonly string[];
}

/** The keys a text tells the learner to press: "press X", "按 X", "X shows / opens / runs …",
 *  "(X)" after what it does, "X: what it does" ("e: errata"). */
export function keysNamed(text: string): string[] {
  const out: string[] = [];
  const end = '(?=[\\s，,。.;；:：)）]|$)';
  const found = [
    ...text.matchAll(new RegExp(`(?:\\bpress|按) ?(空格|\\S+?${end})`, 'g')),
    ...text.matchAll(new RegExp(`(?:^|[\\s(（；;。.])([^\\s(（]{1,5}) (?:shows|opens|runs|skips|hints|brings)\\b`, 'g')),
    // "serv.c (c)", "rv.h (f)": a key alone in brackets after what it opens
    ...text.matchAll(/(?:^|\s)[(（]([a-z?])[)）]/g),
    // "(y, once the question is open)": a key in brackets before what it waits for (shmget 3, issue 16)
    ...text.matchAll(/(?:^|\s)[(（]([a-z?])[,，] /g),
    // "(e: errata, g: glossary)"
    ...text.matchAll(/(?:[(（]|, )([a-z?]): \S/g),
  ].sort((x, y) => x.index! - y.index!);
  for (const m of found) {
    // Space in Chinese text is 空格; only what a key is called counts ("it shows" names none)
    const key = m[1] === '空格' ? 'Space' : m[1];
    if (KEYLIKE.test(key) && !out.includes(key)) out.push(key);
  }
  return out;
}

const KEYLIKE = /^([a-z?[\]{}/]|Space|Enter|Tab|Esc|PgUp|PgDn|Home|End|[←→↑↓]|\d-\d)$/;

/** The keys the lesson pane's text may tell the learner to press at step `view` (its
 *  introduction, what the step says, the notices and asides read with it; at the end its last notice
 *  and summary), in either language: the key bar keeps them in sight (nc12k#4, nc13#1), the
 *  same in both languages so that l changes no key. */
export function namedKeys(lesson: Lesson<never> | Lesson, view: number): readonly string[] {
  // read on every redraw of the bar: found once per lesson and step
  const views = namedCache.get(lesson) ?? [];
  namedCache.set(lesson, views);
  return (views[view] ??= findNamed(lesson, view));
}

const namedCache = new WeakMap<object, (readonly string[])[]>();

function findNamed(lesson: Lesson<never> | Lesson, view: number): string[] {
  const n = lesson.steps.length;
  const texts: (Text | undefined)[] = view >= n
    ? [lesson.steps[n - 1]?.notice, lesson.outro]
    : [view === 0 ? lesson.intro : undefined, lesson.steps[view].say, lesson.steps[view].notice, lesson.steps[view].aside, lesson.steps[view - 1]?.notice, lesson.steps[view - 1]?.aside];
  const out: string[] = [];
  for (const t of texts) for (const lang of LANGS) if (t) for (const k of [...keysNamed(t[lang]), ...(NAMES_ERRATA.test(t[lang]) ? ['e'] : [])]) if (!out.includes(k)) out.push(k);
  return out;
}

/** The keys the bar of lesson `lesson` names at every one of its steps, whatever the width leaves
 *  out (issue 16, fixR3: "e errata" came and went between steps, as each step's text named it or
 *  not): every key any of its texts names (namedKeys at every step and at its end), c (its end
 *  says "c shows the C code") and g (the lesson pane's "New terms" line says "g: glossary" at any
 *  step). Not ↑ ↓: a text names them only where the pane shown can move (KeyBar.tsx). */
export function lessonNamedKeys(lesson: Lesson<never> | Lesson): readonly string[] {
  const kept = lessonCache.get(lesson);
  if (kept) return kept;
  const out = ['c', 'g'];
  for (let v = 0; v <= lesson.steps.length; v++) for (const k of namedKeys(lesson, v)) if (k !== '↑' && k !== '↓' && !out.includes(k)) out.push(k);
  lessonCache.set(lesson, out);
  return out;
}

const lessonCache = new WeakMap<object, readonly string[]>();

/** The keys the bar names in every lesson of the course (issue 16 item 16/17: between lessons the
 *  bar changed its words, "c code … g terms  Tab" where a lesson named e, "c C code … g glossary
 *  Tab pane" where one did not, and newcomers read them as other keys): every key any lesson's
 *  texts name (lessonNamedKeys of each), so that the bar holds still from lesson to lesson too. */
export function courseNamedKeys(lessons: readonly (Lesson<never> | Lesson)[]): readonly string[] {
  const kept = courseCache.get(lessons);
  if (kept) return kept;
  const out: string[] = [];
  for (const lesson of lessons) for (const k of lessonNamedKeys(lesson)) if (!out.includes(k)) out.push(k);
  courseCache.set(lessons, out);
  return out;
}

const courseCache = new WeakMap<object, readonly string[]>();

/** A text that names the errata, or the study notes whose claims they correct ("the notes'
 *  IPC_CREATE"): e lists them, so the bar names e beside it (issue 16: "e errata" was on overview
 *  step 1 alone, whose text says "e lists the notes' claims", while later lessons named the notes). */
export const NAMES_ERRATA = /errat(?:a|um)|勘误|(?:[Tt]he|[Ss]tudy|[Tt]heir) notes|笔记/;

/** Enter's label in a form whose step's question waits for its answer: Enter keeps the values, the run waits */
const KEEP_VALUES: Text = { en: 'keep these', zh: '保留这些值' };

/** What → and Enter do at a lesson's end, all of it in view: the next lesson, or after the last the closing screen. */
function onward(p: Pick<SpacePlace, 'lastLesson'>): Text {
  return p.lastLesson ? { en: 'finish', zh: '结束' } : { en: 'next lesson', zh: '下一课' };
}

/** Whether the bar is at a lesson's end, its check done: → and Enter go on (store/turn.ts runShown,
 *  navigation.ts showNext), one entry "→/Enter next lesson" where Space's was, whatever is still below
 *  (issue 16: the bar said "Space the rest" and Enter brought the rest, where the newcomer meant the
 *  next lesson). Space only brings closing words still below, as the lesson pane's border says
 *  ("Space: the rest"), and never opens a lesson (a Space from habit never opens one unseen). */
function atEnd(p: SpacePlace | undefined): boolean {
  return !!p && p.done >= p.steps && p.view >= p.steps && !p.checkOpen && !p.running && !p.jumping;
}

/** Keys that wait while a step runs (or an erratum's jump runs steps): the bar offers none of
 *  them then (barItems); Space, which waits too, gives its place to "step N running". */
const WAIT_WHILE_RUNNING: readonly Action[] = ['next', 'prev', 'reset', 'turn'];

/** What the key bar says first while `running`: that a step runs (no key acts on it). */
export function runningLabel(p: SpacePlace): Text {
  if (p.jumping) return { en: 'running steps', zh: '正在运行步骤' };
  if (p.runningStep === undefined) return { en: 'working', zh: '处理中' };
  return { en: `step ${p.runningStep + 1} running`, zh: `第 ${p.runningStep + 1} 步运行中` };
}

/** What Space does, as the key bar says it: run the next step, run the shown one
 *  again (review), open the next lesson or the closing screen. */
export function runLabel(p: SpacePlace): Text {
  // (while a step runs the bar offers no Space: one pressed then runs nothing, as the step after
  // it is not on screen yet; store/run.ts runStep says so after the run)
  if (p.view < p.done) return { en: `re-run ${p.view + 1}`, zh: `重做第 ${p.view + 1} 步` };
  // short: the check's keys and c (the end's text names it) take the room beside it at 80 columns (fix15a2#2)
  // the check's next question behind Enter, the verdict before it read first (LessonPane): Space brings it, as Enter does
  if (p.done >= p.steps && p.checkOpen && p.opens && p.check) return said((s) => s.spaceCheck(p.check!.k, p.check!.n));
  // (zoomed over the check: Space shows its question; in view, the bar names 1-N and x instead)
  if (p.done >= p.steps && p.checkOpen) return { en: 'the check', zh: '看小测' };
  // (the lesson's closing words below the window are Space's, as the lesson pane's border says: fix26d#2;
  // the bar names → and Enter, which open the next lesson: atEnd, issue 16)
  if (p.done >= p.steps) return onward(p);
  // the question behind Space (with the step's words cut above the pinned line, those too:
  // restAsks), or the rest of the step's words, with its question not yet in view (restAsks: said,
  // so that a step's question is never a surprise, fix27c#3). The lesson pane's marker row and
  // border say Space in these words, built in one place (strings spaceBrings; issue 16 item 10)
  if (p.opens) return said((s) => s.spaceBrings(p.done + 1, !!p.restAsks, true));
  if (p.rest) return said((s) => s.spaceBrings(p.done + 1, true, !!p.restAsks));
  if (p.unanswered) return { en: `again: run ${p.done + 1} unanswered`, zh: `再按：不作答运行第 ${p.done + 1} 步` };
  return { en: `run ${p.done + 1}`, zh: `运行第 ${p.done + 1} 步` };
}

/** Words of the UI strings in both languages, as the bar's labels are. */
function said(words: (s: Strings) => string): Text {
  return { en: words(strings('en')), zh: words(strings('zh')) };
}

/** How far each scroll key moves toward the end of the content: ↑ ↓ the pane shown (or
 *  focused) a line, PgUp PgDn the lesson text a page (the pane's rows, scroll.ts pageLines),
 *  Home End to its top and end; those of the lesson text move the pane shown where the text cannot move (scrollOf). */
const SCROLLS: Record<ScrollAction, { lesson: boolean; by: ScrollBy }> = {
  scrollUp: { lesson: false, by: { lines: -1 } },
  scrollDown: { lesson: false, by: { lines: 1 } },
  pageUp: { lesson: true, by: { pages: -1 } },
  pageDown: { lesson: true, by: { pages: 1 } },
  scrollTop: { lesson: true, by: { lines: -Infinity } },
  scrollEnd: { lesson: true, by: { lines: Infinity } },
};

/** A move in lines, or in pages of the pane that moves (only the pane knows its rows). */
export type ScrollBy = { lines: number } | { pages: number };

export function isScroll(action: Action): action is ScrollAction {
  return Object.hasOwn(SCROLLS, action);
}

/** A key a pane or a list acts on itself, not the store. */
export function isOwnKey(action: Action): action is ScrollAction | ListPageAction {
  return isScroll(action) || action === 'listPageUp' || action === 'listPageDown';
}

/** The pane a scroll key moves while `tab` is shown, and by how far; in the
 *  playground PgUp PgDn move its transcript (the trace), and while the pane shown is
 *  zoomed (the lesson text hidden) they move that pane. */
/** How far a scroll key moves what it scrolls, wherever that is. */
export function scrollBy(action: ScrollAction): ScrollBy {
  return SCROLLS[action].by;
}

/** `lessonMoves`: whether the lesson text can move the way the key goes; at its end (or
 *  top), or when it fits whole, PgUp PgDn Home End move the pane shown instead (nc71#3). */
export function scrollOf(action: ScrollAction, tab: TabId, screen: Screen = 'lesson', zoomed = false, lessonMoves = true): { pane: ScrollPane; by: ScrollBy } {
  const { lesson, by } = SCROLLS[action];
  if (screen === 'play') return { pane: 'trace', by };
  return { pane: lesson && !zoomed && lessonMoves ? 'lesson' : tab, by };
}

/** Toward the end (1) or the top (-1): the way a scroll key moves. */
export function scrollWay(by: ScrollBy): 1 | -1 {
  return ('pages' in by ? by.pages : by.lines) < 0 ? -1 : 1;
}

/** --ascii writes → as -> (asciiText), so the bar is measured with the names it shows. */
export function keyName(spec: KeySpec, ascii: boolean): string {
  return ascii ? asciiText(spec.name) : spec.name;
}

/** The first key of an action, as the screen writes it (for text that names the key). */
export function keyFor(action: Action, ascii: boolean): string {
  const binding = BINDINGS.find((b) => b.action === action);
  return binding ? keyName(binding.keys[0], ascii) : '';
}

export interface BarItem {
  key: string;
  label: string;
  /** may be left out when the bar is too narrow (Binding.spare: the lowest first) */
  spare?: number;
  /** the text shown names the key: on this screen's bar whatever its width leaves out */
  named?: true;
  /** a second key of the entry, written after a slash ("c/f code": labelled) */
  also?: string;
}

/** The panes below the lesson: `tabs` while they are tabs under it (a small terminal),
 *  `zoomed` while the one shown takes the lesson's rows. */
export interface PanesPlace {
  tabs: boolean;
  zoomed: boolean;
  /** the closing screen shows all it holds: its bar offers no scroll keys (fix27c#1) */
  still?: boolean;
  /** the glossary's search holds a word: Esc clears it (store/find.ts findEnd) */
  typed?: boolean;
}

/** Esc's word in the search's bar while it holds a word: what Esc does then. */
const CLEAR_WORD: Text = { en: 'clear word', zh: '清空' };

/** z's word in the key bar while the pane is zoomed: what z brings back. */
const UNZOOM: Text = { en: 'lesson', zh: '课程' };

/** The scopes with a key bar of their own (help's: any key closes it, q too). */
export type BarScope = 'main' | 'play' | 'turn' | 'menu' | 'errata' | 'glossary' | 'find' | 'end' | 'help';

/** The key bar's scope: that of the overlay shown when it is a full screen (a list, help, the
 *  closing screen; the glossary's search while it is on), else the screen's. */
export function barScope(overlay: Overlay, screen: Screen, editing: boolean, finding = false): BarScope {
  if (overlay === 'glossary' && finding) return 'find';
  if (overlay === 'menu' || overlay === 'errata' || overlay === 'glossary' || overlay === 'end' || overlay === 'help') return overlay;
  return screen === 'play' ? 'play' : editing ? 'turn' : 'main';
}

/** Keys named together in the bar: one-character names run together (↑↓), the others spaced (↑↓ PgUp PgDn Home End). */
function joinKeys(names: string[]): string {
  return names.reduce((out, name, i) => (i > 0 && (Array.from(name).length > 1 || Array.from(names[i - 1]).length > 1) ? `${out} ${name}` : out + name), '');
}

function inBar(b: Binding, scope: BarScope): boolean {
  return Array.isArray(b.bar) ? b.bar.includes(scope) : b.bar && b.scopes.includes(scope);
}

/** The key bar: first key and short label of each bar binding of a scope; a list's binding
 *  names with it the first keys of those sharing its help line and not in the bar (↑↓ PgUp PgDn
 *  Home End move: a list's one key line).
 *  Space's label says what it does where the learner is (runLabel).
 *  A question's keys ("1-N answer  x skip", `choices` choices) are named by the line under its
 *  choices, so only while Space's ask waits (askedBar); while the step's your-turn form is shown,
 *  y follows Space. z is named for what it does
 *  (`panes`: zoomed, it brings the lesson back). Help's key comes last: the keys the bar has
 *  no room for are under it ("? more"). */
export function barItems(lang: Lang, ascii: boolean, space?: SpacePlace, scope: BarScope = 'main', choices = 0, panes: PanesPlace = { tabs: false, zoomed: false }): BarItem[] {
  const labelOf = (b: Binding): Text =>
    b.action === 'run' && space ? runLabel(space) : b.action === 'zoom' && panes.zoomed ? UNZOOM : b.action === 'turnRun' && space?.formWaits ? KEEP_VALUES : b.action === 'findEnd' && panes.typed ? CLEAR_WORD : b.label;
  const partners = (b: Binding) => (Array.isArray(b.bar) ? BINDINGS.filter((o) => o.helpWith === b.action && o.scopes.includes(scope) && !inBar(o, scope)) : []);
  // a key the text shown names (nc12k#4, nc13#1: "按 e 看勘误"), and c at a lesson's end, whose
  // text says "press c": shown on this screen even where the bar's width leaves it out elsewhere
  // (KeyBar.tsx drawBar puts it back, a step-specific entry)
  const named = (b: Binding) => scope === 'main' && (!!space?.named?.includes(keyName(b.keys[0], ascii)) || (b.action === 'code' && !!space && space.view >= space.steps));
  const item = (b: Binding, key = joinKeys([b, ...partners(b)].map((o) => o.keys[0].words?.[lang] ?? keyName(o.keys[0], ascii)))): BarItem => ({
    key,
    label: labelOf(b)[lang],
    ...(b.spare && inBar(b, scope) ? { spare: b.spare } : {}),
    // a key of the bar that is never left out (Tab, z, q, ?) is not marked: a bar with no room for
    // the keys the text names leaves those out (KeyBar.tsx), never it (overview 1 running lost Tab)
    ...(named(b) && !(inBar(b, scope) && !b.spare) ? { named: true } : {}),
  });
  const asked = (action: Action) => BINDINGS.find((b) => b.action === action)!;
  const answerKeys = choices > 0 && scope === 'main' ? [item(asked('choose'), `1-${choices}`), item(asked('skip'))] : [];
  // at the check Space never skips it (issue 16): with its question in view the bar names the keys
  // that answer or skip it, in Space's place; else Space, which brings the question
  const checkItems = answerKeys.length > 0 && !space?.opens ? answerKeys : [item(asked('run'))];
  // at the end, all in view: → and Enter open the next lesson, one entry in Space's place, never
  // left out (→ is a spare elsewhere: at 80 columns the bar had no room for it)
  const endItem = (p: SpacePlace): BarItem => ({ key: keyFor('next', ascii), also: keyName(asked('run').keys[1], ascii), label: onward(p)[lang] });
  // the lesson's text names a question's keys under its choices (quiz-view.ts): the bar does not,
  // and so keeps room for ← → r m (nc17); while that text is hidden (zoomed) the keys show it first
  // (store/turn.ts questionHidden), so no bar offers them then either (fix18a#3). Nor y while the
  // question and the form's line under it wait behind Enter: "Space step N's question" is longer than
  // "run N", and with y beside it the bar left out c, its lowest spare (fix20d#7); nor while Space
  // brings the rest of the step's text first (the form's line comes with it): "step 12's text  y
  // your turn" left e out at 80 columns (issue 16). Where Space runs the step, y is beside it
  const turn = space?.form && !space.opens && !space.rest && scope === 'main' ? [item(asked('turn'))] : [];
  // a list's own keys (a bar of their scopes only) before the keys it shares with the screen;
  // a key the text names that is no entry of the bar before q; help's last
  const rank = (b: Binding) => (Array.isArray(b.bar) && !b.bar.includes('main') ? 0 : b.action === 'help' ? 3 : b.action === 'quit' ? 2 : inBar(b, scope) ? 1 : 1.5);
  // while a step runs the bar says so first (no key: nothing stops it), and offers no Space
  const running: BarItem[] = (space?.running || space?.jumping) && scope === 'main' ? [{ key: '', label: runningLabel(space)[lang] }] : [];
  // r, ← → and y do nothing while a step runs (the status line says which wait: store/run.ts
  // moveWaits, keyWhileRunning): the bar leaves them out then (issue 16 item 16); nor does
  // Space while an erratum's jump runs steps (the bar says they run, in its place)
  const waits = (b: Binding) => !!(space?.running || space?.jumping) && WAIT_WHILE_RUNNING.includes(b.action);
  const wanted = (b: Binding) => inBar(b, scope) || (named(b) && b.scopes.includes(scope) && !QUESTION_KEYS.includes(b.action));
  // a scroll key where nothing scrolls is not offered (the closing screen all in view: fix27c#1)
  const still = (b: Binding) => !!panes.still && isScroll(b.action);
  const end = scope === 'main' && atEnd(space);
  const items = BINDINGS.filter((b) => wanted(b) && !still(b) && !waits(b) && !(b.action === 'turnNext' && space?.oneField))
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((b) => (b.action === 'next' && end ? [] : b.action !== 'run' ? [item(b)] : space?.jumping || space?.running ? running : end ? [endItem(space!)] : space?.checkOpen ? checkItems : [item(b), ...turn]));
  // a key that asked: its second press and "other keys cancel" (fix15a#3)
  const waiting = scope !== 'main' || !space || space.running || space.jumping ? null : space.unanswered ? 'run' : space.resetAsked ? 'reset' : null;
  return waiting ? askedBar(items, waiting, space!, lang, ascii, answerKeys) : items;
}

/** The short labels of the lesson screen's bar where its named keys leave no room for the
 *  long ones (KeyBar.tsx): "c code", "g terms", Tab alone (fixR3); shorter still (`level` 2), Tab
 *  alone in Chinese too. */
// (Tab's word goes where the tab bar above the panes names the panes and Tab: at 80x24, "Tab ⇥")
const SHORT: Partial<Record<Action, Text>> = { code: { en: 'code', zh: '代码' }, glossary: { en: 'terms', zh: '术语' }, tab: { en: '', zh: '窗格' } };
const SHORTER: Partial<Record<Action, Text>> = { tab: { en: '', zh: '' } };

/** The short label of the bar's entry for `key` at `level` (1 short, 2 shorter), if it has one. */
export function shortLabel(key: string, ascii: boolean, level: 1 | 2 = 1): Text | undefined {
  const b = BINDINGS.find((o) => o.scopes.includes('main') && keyName(o.keys[0], ascii) === key);
  return b ? ((level === 2 ? SHORTER[b.action] : undefined) ?? SHORT[b.action]) : undefined;
}

/** The bar's entries with the words of `level`: 0 as they are, 1 short ("c code", "g terms", Tab
 *  alone), 2 shorter: Tab alone in Chinese too, and c and f one entry, "c/f code" (both open the C
 *  pane; f its next file), 3 that without Tab: at 80 columns the keys every lesson's texts name, z, q
 *  and ? leave no room for the lesson with the longest Space words ("step 12 + question", "run 12  y
 *  your turn") otherwise (issue 16 item 16/17). Only where the panes are tabs (KeyBar.tsx). */
export function labelled(items: readonly BarItem[], lang: Lang, ascii: boolean, level: number): BarItem[] {
  if (level === 0) return [...items];
  // (level 3: no Tab entry at all; the tab bar right above the panes names it, "Tab ⇥")
  const tab = keyFor('tab', ascii);
  const short = items.filter((it) => level < 3 || it.key !== tab).map((it) => ({ ...it, label: shortLabel(it.key, ascii, level >= 2 ? 2 : 1)?.[lang] ?? it.label }));
  if (level < 2) return short;
  const c = keyFor('code', ascii);
  const f = keyFor('file', ascii);
  const file = short.find((it) => it.key === f);
  if (!file || !short.some((it) => it.key === c)) return short;
  return short.filter((it) => it !== file).map((it) => (it.key === c ? { ...it, also: f, ...(file.named ? { named: true as const } : {}) } : it));
}

/** The keys of a bar entry: its key, and the one it names beside it ("c/f"). */
export function itemKeys(it: BarItem): string[] {
  return it.also ? [it.key, it.also] : [it.key];
}

/** While a key's ask waits (store/ask.ts): r's label, and the item that says any other key forgets it. */
const ASKED = {
  reset: { en: 'again resets the lesson', zh: '再按一次重置本课' } as Text,
  others: { key: { en: 'other keys', zh: '其他键' } as Text, label: { en: 'cancel it', zh: '取消' } as Text },
};

/** The bar while a key's ask waits: the key again and what it does then (Space: run the step
 *  unanswered, beside the question's keys, which still answer it; r: reset), that any other
 *  key cancels, then z (the way back from a zoom), q and help, as room allows. */
function askedBar(items: BarItem[], asked: 'run' | 'reset', space: SpacePlace, lang: Lang, ascii: boolean, question: BarItem[]): BarItem[] {
  const first: BarItem[] = asked === 'run'
    ? [{ key: keyFor('run', ascii), label: runLabel(space)[lang] }, ...question]
    : [{ key: keyFor('reset', ascii), label: ASKED.reset[lang] }];
  const others: BarItem = { key: ASKED.others.key[lang], label: ASKED.others.label[lang] };
  const kept = (['zoom', 'quit', 'help'] as const).map((a) => keyFor(a, ascii));
  // where the bar is narrow q gives way first, then z (both under "? more"), then the question's x
  // and 1-N, which the line under its choices names too (s28f#3: the check's "again: skip check,
  // next lesson" beside them was cut at 80 columns); Space's and r's words and "other keys" never
  const rest = items.filter((it) => kept.includes(it.key)).map(({ spare: _spare, ...it }) => (it.key === kept[2] ? it : { ...it, spare: it.key === kept[0] ? 2 : 1 }));
  const [head, ...questionKeys] = first;
  return [head, ...questionKeys.map((it, i) => ({ ...it, spare: 4 - i })), others, ...rest];
}

/** The keys of a question, named by the bar while one waits (and only then). */
const QUESTION_KEYS: readonly Action[] = ['choose', 'skip', 'hint', 'reveal', 'turn'];

/** The help overlay: every binding of a scope with all its keys; a binding shown
 *  with another (helpWith) adds its keys to that one's line. `first`: each binding's
 *  first key only; `others`: the rest (a row short of room names them after its text). */
export function helpItems(scope: Scope, lang: Lang, ascii: boolean): { keys: string; help: string; first: string; others: string }[] {
  const inScope = BINDINGS.filter((b) => b.scopes.includes(scope) && !b.notInHelp);
  const names = (keys: readonly KeySpec[]) => keys.map((k) => keyName(k, ascii));
  return inScope
    .filter((b) => !b.helpWith || !inScope.some((o) => o.action === b.helpWith))
    .map((b) => {
      const group = [b, ...inScope.filter((o) => o.helpWith === b.action)];
      return {
        keys: group.map((g) => names(g.keys).join('/')).join(', '),
        help: b.help[lang],
        first: group.map((g) => names(g.keys.slice(0, 1))).join(' '),
        others: group.flatMap((g) => names(g.keys.slice(1))).join(' '),
      };
    });
}
