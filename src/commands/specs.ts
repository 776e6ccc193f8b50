// Every command of ipclab in one table: how it is parsed, what loads it, and its help in
// both languages. The parser (src/cli.ts), `--help` and `ipclab help`, the man page
// (scripts/man.ts) and the shell completions are all made from it, so adding a command
// is one entry in TABLE below (its new options one each in OPTIONS); tests/help fails on an entry
// whose help is missing in either language.
import type { Lang } from '../lang.js';
import type { Options } from '../options.js';

export type Bilingual = Record<Lang, string>;

/** What a shell completion offers for a value: lesson ids, diagram names, command
 *  names, file names, or these words. */
export type Completion = 'lessons' | 'diagrams' | 'commands' | 'files' | readonly string[];

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** the name of its value in help: --width N */
  value?: string;
  help: Bilingual;
  /** what holds when the option is not given; only --help and --version have none */
  default?: Bilingual;
  complete?: Completion;
}

const OFF: Bilingual = { en: 'off', zh: '关闭' };

export const OPTIONS = {
  lang: {
    type: 'string',
    value: 'zh|en',
    help: { en: 'the language of every text, the errors too', zh: '所有文字（包括错误信息）的语言' },
    default: { en: 'from LC_ALL, LC_MESSAGES or LANG, else en', zh: '取自 LC_ALL、LC_MESSAGES 或 LANG，否则 en' },
    complete: ['zh', 'en'],
  },
  ascii: {
    type: 'boolean',
    help: { en: 'draw with plain ASCII instead of Unicode box drawing', zh: '用纯 ASCII 字符代替 Unicode 制表符作图' },
    default: OFF,
  },
  color: {
    type: 'string',
    value: 'WHEN',
    help: { en: 'colour: auto (a terminal), always or never', zh: '颜色：auto（终端时）、always 或 never' },
    default: { en: 'auto, unless FORCE_COLOR, NO_COLOR or TERM=dumb say otherwise', zh: 'auto，除非 FORCE_COLOR、NO_COLOR 或 TERM=dumb 另有规定' },
    complete: ['auto', 'always', 'never'],
  },
  help: { type: 'boolean', short: 'h', help: { en: 'print this help and exit', zh: '显示本帮助后退出' } },
  version: { type: 'boolean', short: 'V', help: { en: 'print the version and exit', zh: '显示版本号后退出' } },
  lesson: {
    type: 'string',
    value: 'ID',
    help: { en: 'open this lesson (`ipclab lessons` lists the ids)', zh: '打开这一课（`ipclab lessons` 列出各课的 ID）' },
    default: { en: 'where you left off', zh: '上次停下的地方' },
    complete: 'lessons',
  },
  present: {
    type: 'boolean',
    help: { en: 'for a projector: more space, text shown line by line, answers revealed by v once the class has voted', zh: '投影模式：间距更大，文字逐行出现，全班投票后按 v 揭晓答案' },
    default: OFF,
  },
  'no-quiz': {
    type: 'boolean',
    help: { en: 'no questions: neither before steps nor at the end of a lesson', zh: '不提问：步骤前和每课结束时都不出题' },
    default: { en: 'off (questions are asked)', zh: '关闭（会提问）' },
  },
  restart: {
    type: 'boolean',
    help: { en: "forget the progress and start at the first lesson (or at --lesson's)", zh: '清除学习进度，从第一课开始（给了 --lesson 就从那一课开始）' },
    default: OFF,
  },
  json: {
    type: 'boolean',
    help: { en: 'print JSON for programs (docs/PROTOCOL.md)', zh: '输出供程序读取的 JSON（见 docs/PROTOCOL.md）' },
    default: { en: 'off (text for people)', zh: '关闭（输出给人看的文本）' },
  },
  width: {
    type: 'string',
    value: 'N',
    help: { en: 'lay the diagram out in N columns (20 to 1000)', zh: '按 N 列宽度排版（20 到 1000）' },
    default: { en: "the terminal's width; into a pipe, as wide as it needs", zh: '终端的宽度；输出到管道时按图的需要' },
  },
  highlight: {
    type: 'string',
    value: 'IDS',
    multiple: true,
    help: {
      en: 'light up these elements (comma-separated ids; done:ID marks one done); may be repeated',
      zh: '点亮这些元素（ID 以逗号分隔；done:ID 标为已完成）；可重复使用',
    },
    default: { en: 'none', zh: '无' },
  },
  path: {
    type: 'string',
    value: 'P',
    help: { en: 'the file both sides give to ftok(P, \'S\') for the key', zh: '双方用 ftok(P, \'S\') 计算键值时使用的文件' },
    default: { en: 'the rendezvous file (see FILES)', zh: '约定文件（见“文件”）' },
    complete: 'files',
  },
  message: {
    type: 'string',
    value: 'TEXT',
    multiple: true,
    help: { en: 'send TEXT; may be repeated, sent in order', zh: '发送 TEXT；可重复使用，按顺序发送' },
    default: { en: 'the lines of standard input', zh: '标准输入的各行' },
  },
  timeout: {
    type: 'string',
    value: 'S',
    help: { en: 'give up after S seconds (fractions allowed) to meet, then to each message', zh: '会合及其后每条消息最多等待 S 秒（可带小数）' },
    default: { en: '30', zh: '30' },
  },
  challenge: {
    type: 'string',
    value: 'ID',
    help: { en: 'open this challenge (`ipclab challenges` lists them); with FILE, grade the script', zh: '打开这个挑战（`ipclab challenges` 列出所有挑战）；给出 FILE 时为脚本评分' },
    default: { en: 'none: the open playground', zh: '无：自由练习' },
  },
  'keep-going': {
    type: 'boolean',
    help: { en: 'go on after a line that cannot be read or run', zh: '遇到无法解析或执行的行时继续' },
    default: { en: 'off: stop at the first', zh: '关闭：在第一处停下' },
  },
  'allow-foreign': {
    type: 'boolean',
    help: {
      en: 'let IPC_RMID, IPC_SET, ipcrm and writable attaches touch segments the playground did not make (careful: they may be a program\'s)',
      zh: '允许对不是练习场创建的段做 IPC_RMID、IPC_SET、ipcrm 和可写映射（小心：它们可能属于别的程序）',
    },
    default: { en: 'off: look-only', zh: '关闭：只能查看' },
  },
  all: {
    type: 'boolean',
    help: {
      en: "every erratum whole: also what is true where you have not yet run the step that shows it",
      zh: '列出每条勘误的全部内容：包括你还没运行、由它现场演示的那一步所证明的实际情况',
    },
    default: { en: 'off: what is true once you have run the step that shows it (your progress)', zh: '关闭：运行过现场演示的那一步后才列出实际情况（按你的学习进度）' },
  },
  'dry-run': {
    type: 'boolean',
    help: { en: 'say what would be removed, remove nothing', zh: '只列出会删除什么，不删除' },
    default: OFF,
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
export const COMMON: readonly OptionName[] = ['lang', 'ascii', 'color', 'help', 'version'];

export interface ArgSpec {
  name: string;
  /** may be left out (shown as [NAME]); only the last may be */
  optional?: boolean;
  help: Bilingual;
  complete?: Completion;
}

export const FILES = {
  state: {
    path: '$XDG_STATE_HOME/ipclab/',
    help: {
      en: "ipclab's state folder, private to you (default ~/.local/state/ipclab/); Node 22 and later keep a compile cache in it",
      zh: 'ipclab 的状态文件夹，只有你能读写（默认 ~/.local/state/ipclab/）；Node 22 及以上在其中保存编译缓存',
    },
  },
  progress: {
    path: '$XDG_STATE_HOME/ipclab/progress.json',
    help: { en: 'where the tutorial resumes', zh: '教程从这里记录的位置继续' },
  },
  runs: {
    path: '$XDG_STATE_HOME/ipclab/runs/',
    help: {
      en: 'one journal per running ipclab: what it created, so that `ipclab clean` can remove what a killed run left',
      zh: '每个运行中的 ipclab 一份日志，记下它创建的东西，供 `ipclab clean` 清理被杀死的运行留下的东西',
    },
  },
  rendezvous: {
    path: '$XDG_RUNTIME_DIR/ipclab/rendezvous',
    help: {
      en: 'the key file of serv and clnt when --path is not given; without XDG_RUNTIME_DIR, ${TMPDIR:-/tmp}/ipclab-UID/rendezvous',
      zh: '未给出 --path 时 serv 与 clnt 的键值文件；没有 XDG_RUNTIME_DIR 时为 ${TMPDIR:-/tmp}/ipclab-UID/rendezvous',
    },
  },
} as const satisfies Record<string, { path: string; help: Bilingual }>;

export type FileName = keyof typeof FILES;

export const ENVIRONMENT: ReadonlyArray<{ name: string; help: Bilingual }> = [
  {
    name: 'LC_ALL, LC_MESSAGES, LANG',
    help: {
      en: 'the language without --lang: the first of them that is set; zh or zh_* gives Chinese, anything else English',
      zh: '未给出 --lang 时的语言：取其中第一个有值的；zh 或 zh_* 为中文，其他为英文',
    },
  },
  { name: 'NO_COLOR', help: { en: 'set and not empty: no colour', zh: '有值（非空）时不用颜色' } },
  {
    name: 'FORCE_COLOR',
    help: {
      en: '0: no colour; 1, 2 or 3: colour even when the output is not a terminal (it wins over NO_COLOR)',
      zh: '0：不用颜色；1、2 或 3：即使输出不是终端也用颜色（优先于 NO_COLOR）',
    },
  },
  { name: 'TERM', help: { en: 'dumb: no colour and no escape sequences', zh: '为 dumb 时：不用颜色，也不输出控制序列' } },
  {
    name: 'LC_ALL, LC_CTYPE, LANG',
    help: { en: 'without UTF-8 (C, POSIX): drawn in ASCII, as with --ascii', zh: '不是 UTF-8 时（C、POSIX）：用 ASCII 作图，同 --ascii' },
  },
  {
    name: 'XDG_STATE_HOME',
    help: {
      en: 'the state folder is $XDG_STATE_HOME/ipclab; unset or not an absolute path: ~/.local/state/ipclab',
      zh: '状态文件夹为 $XDG_STATE_HOME/ipclab；未设置或不是绝对路径时为 ~/.local/state/ipclab',
    },
  },
];

/** The exit statuses a command documents (the numbers are src/exit-codes.ts): `ok`
 *  and `failed` (only where it can fail) are its own; the others replace the common
 *  text where the command means more. */
export interface ExitHelp {
  ok: Bilingual;
  failed?: Bilingual;
  usage?: Bilingual;
  environment?: Bilingual;
}

/** What ipclab is, under its name. */
export const TAGLINE: Bilingual = { en: 'learn System V IPC by doing it, live against the kernel', zh: '在真实的内核上动手学习 System V IPC' };

export const COMMON_EXITS = {
  usage: { en: 'bad arguments: an unknown command or option, a missing or extra argument', zh: '参数有误：未知的命令或选项，缺少或多出参数' },
  environment: {
    en: 'this system cannot run ipclab: its native layer does not load (Linux with glibc on x86_64 or aarch64 only)',
    zh: '本系统无法运行 ipclab：本地调用层无法加载（仅支持 x86_64 或 aarch64 上使用 glibc 的 Linux）',
  },
  signal: { en: 'ended by signal n (SIGINT: 130), after removing what it made', zh: '被信号 n 终止（SIGINT 为 130），终止前已删除它创建的东西' },
} as const satisfies Record<string, Bilingual>;

export interface CommandSpec {
  /** the synopsis, as docs/PROTOCOL.md "The command line" gives it */
  usage: string;
  summary: Bilingual;
  /** more than the summary: a paragraph or two */
  about?: Bilingual;
  /** options of this command besides COMMON */
  options: readonly OptionName[];
  /** its positional arguments */
  args: readonly ArgSpec[];
  files: readonly FileName[];
  exits: ExitHelp;
  load: () => Promise<{ run(options: Options): Promise<number> }>;
  /** started by ipclab itself: no help, no completion, not in the man page */
  hidden?: boolean;
}

const SERV_CLNT_EXITS: ExitHelp = {
  ok: { en: 'every message went across', zh: '所有消息都已送达' },
  failed: { en: 'the exchange failed: no peer in time, a peer gone, a segment not ours', zh: '交换失败：对方超时未到、对方已退出、共享内存段不是 ipclab 的' },
};

const TABLE = {
  tui: {
    usage: 'ipclab [--lesson ID] [--present] [--no-quiz] [--restart]',
    summary: { en: 'the tutorial; resumes where you left off', zh: '交互式教程；从上次停下的地方继续' },
    about: {
      en: 'Each step makes a real system call; the screen shows what the kernel holds, the flow with the step lit, and the call in C. Keys: ? in the tutorial.',
      zh: '每一步都真实地调用系统；屏幕上显示内核中的对象、点亮当前步骤的流程图，以及 C 语法的调用记录。按键说明：在教程中按 ?。',
    },
    options: ['lesson', 'present', 'no-quiz', 'restart'],
    args: [],
    files: ['progress', 'runs'],
    // `ipclab --help` lists these for every command: what each status means in general
    exits: {
      ok: { en: 'done as asked (the tutorial: you quit)', zh: '按要求完成（教程：正常退出）' },
      failed: {
        en: 'what the command checks did not hold: a lesson step, an exchange, a cleanup',
        zh: '命令检查的结果不成立：某课的一步、一次消息交换、一次清理',
      },
      usage: {
        en: 'bad arguments: an unknown command, option or lesson id, a missing or extra argument; the tutorial without a terminal',
        zh: '参数有误：未知的命令、选项或课程 ID，缺少或多出参数；在终端以外启动教程',
      },
    },
    load: () => import('./tui.js'),
  },
  lessons: {
    usage: 'ipclab lessons [--json]',
    summary: { en: 'list lesson ids and titles', zh: '列出各课的 ID 和标题' },
    options: ['json'],
    args: [],
    files: [],
    exits: { ok: { en: 'listed', zh: '已列出' } },
    load: () => import('./lessons.js'),
  },
  run: {
    usage: 'ipclab run ID [--json] [--no-quiz]',
    summary: { en: "run a lesson's steps without the TUI, printing the trace", zh: '不进入界面，直接运行一课的各步并打印调用记录' },
    options: ['json', 'no-quiz'],
    args: [{ name: 'ID', help: { en: 'the lesson (`ipclab lessons` lists the ids)', zh: '课程 ID（`ipclab lessons` 列出全部）' }, complete: 'lessons' }],
    files: ['runs'],
    exits: {
      ok: { en: 'every step as expected, nothing left in the kernel', zh: '每一步都符合预期，内核中没有遗留' },
      failed: { en: 'a step not as expected, or something left in the kernel', zh: '有一步不符合预期，或内核中有遗留' },
      usage: { en: 'bad arguments or an unknown lesson id', zh: '参数有误或课程 ID 不存在' },
    },
    load: () => import('./run.js'),
  },
  play: {
    usage: 'ipclab play [FILE] [--json --keep-going --allow-foreign] [--challenge ID]',
    summary: { en: 'type the calls yourself, against the real kernel', zh: '自己动手写调用，直接作用于真实内核' },
    about: {
      en: 'With a terminal and no FILE, the playground screen. FILE (or - for standard input) runs a script: one statement a line, each call printed as the trace shows it with what it means; `help` inside lists the language. Everything the playground made is removed at the end.',
      zh: '在终端里且未给出 FILE 时打开练习场界面。给出 FILE（或 - 表示标准输入）时运行脚本：每行一条语句，每个调用按调用记录的格式打印，并说明其含义；在其中输入 `help` 查看语言说明。结束时删除练习场创建的一切。',
    },
    options: ['json', 'keep-going', 'challenge', 'allow-foreign'],
    args: [{ name: 'FILE', optional: true, help: { en: 'the script to run; - reads standard input', zh: '要运行的脚本；- 表示从标准输入读取' }, complete: 'files' }],
    files: ['progress', 'runs'],
    exits: {
      ok: { en: 'every line ran (a challenge: solved), nothing left in the kernel', zh: '每一行都已执行（挑战：已完成），内核中没有遗留' },
      failed: { en: 'a line could not be read or run, a challenge not solved (what is missing is printed), or something left', zh: '有一行无法解析或执行、挑战未完成（会列出还缺什么），或有遗留' },
      usage: { en: 'bad arguments, an unknown challenge, a file that cannot be read or is too long', zh: '参数有误、挑战不存在、文件无法读取或太长' },
    },
    load: () => import('./play.js'),
  },
  challenges: {
    usage: 'ipclab challenges [--json]',
    summary: { en: "list the playground's challenges and which you solved", zh: '列出练习场的挑战，以及你完成了哪些' },
    options: ['json'],
    args: [],
    files: ['progress'],
    exits: { ok: { en: 'listed', zh: '已列出' } },
    load: () => import('./challenges.js'),
  },
  check: {
    usage: 'ipclab check',
    summary: { en: 'check the lessons, their C files and diagrams', zh: '检查各课及其 C 文件和流程图' },
    options: [],
    args: [],
    files: [],
    exits: {
      ok: { en: 'every lesson is valid', zh: '每一课都有效' },
      failed: { en: 'a problem was found (one line each)', zh: '发现问题（每个一行）' },
    },
    load: () => import('./check.js'),
  },
  progress: {
    usage: 'ipclab progress [--json]',
    summary: { en: 'what you did in each lesson: steps, checkpoints, the check', zh: '每一课的学习情况：步骤、预测、小测' },
    about: {
      en: 'Checkpoints are the questions asked before a step runs: right of answered, then the skipped and those not graded (kept from earlier versions, which did not grade a step run with your own values that stay in the kernel), which are not counted as answered, as in the lesson menu. The check is the three questions at the end of a lesson. `ipclab --restart` clears it.',
      zh: '预测是步骤运行前的提问：答对数/已答数，另列跳过的和不计分的（旧版本留下的记录：那时用你自己的值运行、结果留在内核里的步骤不计分），这两种不算已答，和课程菜单一样。小测是每课结束时的三道题。`ipclab --restart` 会清除这些记录。',
    },
    options: ['json'],
    args: [],
    files: ['progress'],
    exits: { ok: { en: 'listed', zh: '已列出' } },
    load: () => import('./progress.js'),
  },
  errata: {
    usage: 'ipclab errata [--all] [--json]',
    summary: { en: 'where the notes are wrong, and the step that shows it', zh: '笔记中的错误，以及现场演示它的步骤' },
    about: {
      en: 'What is true is said once you have run the step that shows it, as in the tutorial, where e lists them and Enter opens that step; before, the entry names the step, so it does not answer that step\'s question ahead of it. --all says it for every erratum. --json gives every field of each, with `ran`.',
      zh: '和教程里一样，运行过现场演示的那一步之后才说出实际情况（在教程中按 e 列出勘误，按 Enter 打开那一步）；在那之前只说是哪一步，免得提前泄露那一步的题目答案。--all 列出每条的实际情况。--json 给出每条的全部字段，并带 `ran`。',
    },
    options: ['all', 'json'],
    args: [],
    files: ['progress'],
    exits: { ok: { en: 'listed', zh: '已列出' } },
    load: () => import('./errata.js'),
  },
  glossary: {
    usage: 'ipclab glossary [QUERY] [--json]',
    summary: { en: 'the terms the lessons use, explained', zh: '各课用到的术语及其解释' },
    about: { en: 'In the tutorial, g shows the same.', zh: '在教程中按 g 显示同样的内容。' },
    options: ['json'],
    args: [{ name: 'QUERY', optional: true, help: { en: 'only the entries whose name or text holds it (either language, any case), the best match first', zh: '只列出名称或解释里含有它的条目（中英文都查，不分大小写），最贴切的排在最前' } }],
    files: [],
    exits: { ok: { en: 'listed', zh: '已列出' }, failed: { en: 'no entry matches QUERY', zh: '没有条目含有 QUERY' } },
    load: () => import('./glossary.js'),
  },
  ipcs: {
    usage: 'ipclab ipcs [--json]',
    summary: { en: 'System V objects as ipclab sees them (all, ours marked)', zh: '列出 ipclab 看到的 System V 对象（全部，标出 ipclab 创建的）' },
    options: ['json'],
    args: [],
    files: [],
    exits: { ok: { en: 'listed', zh: '已列出' } },
    load: () => import('./ipcs.js'),
  },
  diagram: {
    usage: 'ipclab diagram NAME|FILE|- [--ascii] [--width N] [--highlight IDS]',
    summary: { en: 'draw a flowchart as text', zh: '把流程图画成文本' },
    about: {
      en: 'NAME is one of the diagrams of the lessons; FILE a Mermaid flowchart; - reads one from standard input.',
      zh: 'NAME 是课程中的一幅流程图；FILE 是一个 Mermaid 流程图文件；- 表示从标准输入读取。',
    },
    options: ['width', 'highlight'],
    args: [{ name: 'NAME|FILE|-', help: { en: 'the diagram to draw', zh: '要画的流程图' }, complete: 'diagrams' }],
    files: [],
    exits: {
      ok: { en: 'drawn', zh: '已画出' },
      failed: { en: 'the diagram cannot be read, parsed or laid out', zh: '流程图无法读取、解析或排版' },
    },
    load: () => import('./diagram.js'),
  },
  serv: {
    usage: 'ipclab serv [--path P] [--message TEXT]... [--timeout S]',
    summary: { en: 'the server side of the serv-clnt exchange', zh: 'serv-clnt 交换的服务端' },
    about: {
      en: 'Creates the segment at ftok(P, \'S\') and sends the messages to one `ipclab clnt` (or examples/c/clnt.c), started before or after it. Calls go to stderr.',
      zh: '在 ftok(P, \'S\') 处创建共享内存段，把消息发给一个 `ipclab clnt`（或 examples/c/clnt.c），对方先启动或后启动都可以。调用记录写到标准错误。',
    },
    options: ['path', 'message', 'timeout'],
    args: [],
    files: ['rendezvous'],
    exits: { ...SERV_CLNT_EXITS, usage: { en: 'bad arguments, or a message that is empty, too long or holds a newline', zh: '参数有误，或消息为空、过长或含有换行' } },
    load: () => import('./serv.js'),
  },
  clnt: {
    usage: 'ipclab clnt [--path P] [--timeout S]',
    summary: { en: 'the client side of the serv-clnt exchange', zh: 'serv-clnt 交换的客户端' },
    about: {
      en: 'Waits for a server at ftok(P, \'S\') and prints each message it receives on stdout, one a line. Calls go to stderr.',
      zh: '等待 ftok(P, \'S\') 处的服务端，把收到的每条消息打印到标准输出，每条一行。调用记录写到标准错误。',
    },
    options: ['path', 'timeout'],
    args: [],
    files: ['rendezvous'],
    exits: SERV_CLNT_EXITS,
    load: () => import('./clnt.js'),
  },
  clean: {
    usage: 'ipclab clean [--dry-run]',
    summary: { en: 'remove what a killed ipclab run left in the kernel', zh: '清理被杀死的 ipclab 运行在内核中留下的东西' },
    about: {
      en: 'Only what an ipclab run recorded and that run is gone: segments, message queues, semaphore sets, processes, temporary folders. Nothing else is touched: queues and sets your uid made that no run recorded here are listed as left alone (another program\'s, or a run\'s with another XDG_STATE_HOME). A run still going whose parent is gone is waited for, up to 10 s: it removes its own.',
      zh: '只清理 ipclab 运行记录过、且那次运行已结束的东西：共享内存段、消息队列、信号量集、进程、临时文件夹。不动其他任何东西：由你的 uid 创建、但这里没有哪次运行记下的消息队列和信号量集，列为“留下”，不动它们（是别的程序的，或另一个 XDG_STATE_HOME 下的运行的）。父进程已不在但仍在运行的 ipclab 运行，会等它最多 10 秒：它会删除自己的东西。',
    },
    options: ['dry-run'],
    args: [],
    files: ['runs'],
    exits: {
      ok: { en: 'cleaned, or nothing to clean', zh: '已清理，或没有需要清理的' },
      failed: { en: 'the kernel refused to remove something (it is listed as kept)', zh: '内核拒绝删除某个对象（列为 kept）' },
      environment: {
        en: 'the state folder cannot be used (the line says what to do), or the native layer does not load',
        zh: '状态文件夹无法使用（提示中说明怎么办），或本地调用层无法加载',
      },
    },
    load: () => import('./clean.js'),
  },
  doctor: {
    usage: 'ipclab doctor',
    summary: { en: 'check what ipclab needs here, each problem with its fix', zh: '检查 ipclab 在本机需要的条件，每个问题附上解决办法' },
    about: {
      en: 'Node and kernel versions, the System V limits, /proc/sysvipc, a C compiler, the state folder, the terminal: ok, or what is wrong and how to fix it.',
      zh: 'Node 和内核版本、System V 的上限、/proc/sysvipc、C 编译器、状态文件夹、终端：正常，或者哪里不对、如何解决。',
    },
    options: [],
    args: [],
    files: ['state'],
    exits: {
      ok: { en: 'all is well', zh: '一切正常' },
      failed: { en: 'something needs a fix (each line says which)', zh: '有需要解决的问题（每行都说明）' },
    },
    load: () => import('./doctor.js'),
  },
  help: {
    usage: 'ipclab help [COMMAND]',
    summary: { en: 'this help, or the help of one command', zh: '本帮助，或某个命令的帮助' },
    options: [],
    args: [{ name: 'COMMAND', optional: true, help: { en: 'the command to explain', zh: '要说明的命令' }, complete: 'commands' }],
    files: [],
    exits: { ok: { en: 'printed', zh: '已显示' }, usage: { en: 'an unknown command', zh: '命令不存在' } },
    load: () => import('./help.js'),
  },
  completion: {
    usage: 'ipclab completion bash|zsh',
    summary: { en: 'print a shell completion script', zh: '输出 shell 补全脚本' },
    about: {
      en: 'bash: add `eval "$(ipclab completion bash)"` to ~/.bashrc. zsh: add `eval "$(ipclab completion zsh)"` to ~/.zshrc after compinit.',
      zh: 'bash：在 ~/.bashrc 中加入 `eval "$(ipclab completion bash)"`。zsh：在 ~/.zshrc 的 compinit 之后加入 `eval "$(ipclab completion zsh)"`。',
    },
    options: [],
    args: [{ name: 'bash|zsh', help: { en: 'the shell', zh: 'shell 的种类' }, complete: ['bash', 'zsh'] }],
    files: [],
    exits: { ok: { en: 'printed', zh: '已输出' }, usage: { en: 'bad arguments or an unknown shell', zh: '参数有误或不支持该 shell' } },
    load: () => import('./completion.js'),
  },
  _peer: {
    usage: 'ipclab _peer JSON',
    summary: { en: "a lesson's other process (internal)", zh: '一课中的另一个进程（内部使用）' },
    options: [],
    args: [{ name: 'JSON', help: { en: 'what to be', zh: '角色' } }],
    files: [],
    exits: { ok: { en: 'done', zh: '完成' } },
    load: () => import('./peer.js'),
    hidden: true,
  },
} satisfies Record<string, CommandSpec>;

/** A command's name in the table ('tui' is `ipclab` alone). */
export type Command = keyof typeof TABLE;

export const COMMANDS: Record<Command, CommandSpec> = TABLE;

/** The commands a person types after `ipclab`, in the order help lists them (the
 *  tutorial, 'tui', is `ipclab` alone). */
export function namedCommands(): Command[] {
  return (Object.keys(COMMANDS) as Command[]).filter((c) => c !== 'tui' && !COMMANDS[c].hidden);
}
