// The glossary as data, in both languages: every term the lessons use that a newcomer
// to System V IPC cannot guess, and the marks of the screen itself. The glossary
// screen (g), `ipclab glossary`, the lesson pane's "new terms" line and the validator
// read it. What counts as a term is mechanical (termsIn): a code-like word in lesson
// text that no entry holds fails `ipclab check`.
import { flowTextAfter, flowTextBefore, labelsShown } from './flow-words.js';
import { traceLines } from './format.js';
import { CALLS_ON, objectWords, paneWords, RECORD_WORDS } from './pane-words.js';
import type { Lesson, Text, TraceEntry } from './types.js';

export interface GlossaryEntry {
  id: string;
  /** the heading on the screen */
  name: Text;
  /** the words in lesson text this entry explains, exactly as written there
   *  (empty for marks of the screen, which no lesson text spells out) */
  terms: string[];
  text: Text;
  /** the text that uses it first in the course explains it right there, as the first
   *  lesson's introduction does the notes: the "New terms" line does not point to it there
   *  (a learner who starts at a later lesson is pointed to it where that lesson names it) */
  introduced?: true;
  /** a wrong spelling a text quotes (the notes' IPC_CREATE), in the glossary for a learner
   *  who looks it up: never offered as a term to learn on the "New terms" line */
  misspelling?: true;
  /** sentences that say what a lesson's question asks (IPC_PRIVATE "always creates"), each
   *  with the step that shows it: the glossary screen holds each back until that step ran and
   *  says the step instead; `ipclab glossary` prints them after `text`
   *  (src/lessons/glossary-giveaway.ts) */
  shows?: readonly Shown[];
}

/** A part of an entry held back until a step ran. */
export interface Shown {
  lesson: string;
  step: string;
  text: Text;
}

/** Entries the texts take for known although a learner may start at any lesson: a text
 *  that refers to one must use one of its terms (`ipclab check`), so that the "New terms"
 *  line of a learner who did not run the lessons before finds it there (LessonAt). By id,
 *  with every way a text may refer to the entry. */
export const EVERY_LESSON: ReadonlyMap<string, RegExp> = new Map([['notes', /\b(?:[Tt]he|[Ss]tudy|[Tt]heir) notes\b|笔记/]]);

export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'notes',
    name: { en: 'the notes', zh: '笔记' },
    terms: ['the notes', 'The notes', '笔记'],
    introduced: true,
    text: {
      en: 'Study notes on System V shared memory, in Chinese, that the lessons follow: their calls, diagrams and C programs. Where the notes are wrong, the lesson shows what is true, live; e lists those claims (the errata), each with the step that shows it, and its correction once that step ran.',
      zh: '一份讲 System V 共享内存的中文学习笔记，各课沿用了其中的调用、流程图和 C 程序。笔记写错的地方，课程会现场演示正确的行为；按 e 列出这些说法（勘误），各自注明演示它的那一步，那一步运行后再显示更正。',
    },
  },
  {
    id: 'ipc',
    name: { en: 'System V IPC', zh: 'System V IPC' },
    terms: ['System V IPC', 'System V', 'IPC', 'POSIX IPC', 'shm_open', 'mq_open', 'sem_open'],
    text: {
      en: 'Inter-process communication through objects the kernel keeps: shared memory segments, message queues and semaphore sets. They outlive the processes that made them; ipcs lists them, ipcrm removes them. POSIX IPC (shm_open, mq_open, sem_open) is a later API for the same jobs, with objects named like files (/name); ipcs does not list those, and ipclab teaches System V only.',
      zh: '进程间通信（IPC），借助内核保管的对象进行：共享内存段、消息队列和信号量集。它们比创建它们的进程活得久；ipcs 列出它们，ipcrm 删除它们。POSIX IPC（shm_open、mq_open、sem_open）是后来的另一套接口，做同样的事，对象用类似文件名的名字（/name）；ipcs 不列出它们，ipclab 只讲 System V。',
    },
    // where ipcs reads is what overview's check asks: held until overview 1 ran ipcs and said so
    shows: [
      {
        lesson: 'overview',
        step: 'ipcs',
        text: { en: 'ipcs reads the kernel\'s tables in /proc/sysvipc/shm, /proc/sysvipc/msg and /proc/sysvipc/sem, as the Kernel pane does.', zh: 'ipcs 读的是内核在 /proc/sysvipc/shm、/proc/sysvipc/msg 和 /proc/sysvipc/sem 里的表，“内核”窗格也读这些。' },
      },
    ],
  },
  {
    // the calls and words every lesson names: found by name (/shmat), no terms, so no "New terms" line lists them (issue 16, pass 11: /shmat landed on nattch)
    id: 'ipcs',
    name: { en: 'ipcs, ipcrm', zh: 'ipcs、ipcrm' },
    terms: [],
    text: {
      en: 'Commands of a shell: ipcs lists the System V objects of the machine (ipcs -m segments, -q queues, -s semaphore sets), with their key, id, owner and mode; ipcrm removes one (ipcrm -m and its shmid). Lesson 1 (overview) runs ipcs.',
      zh: 'shell 命令：ipcs 列出本机的 System V 对象（ipcs -m 共享内存段，-q 消息队列，-s 信号量集），以及它们的 key、id、属主和权限；ipcrm 删除一个（ipcrm -m 加它的 shmid）。第 1 课（概览）运行 ipcs。',
    },
  },
  {
    id: 'key',
    name: { en: 'key, key_t (its type in C)', zh: 'key、key_t（它在 C 里的类型）' },
    terms: ['key', 'key_t'],
    text: {
      en: 'The number (key_t) by which programs find a System V object, like a file name: a segment (shmget), a message queue (msgget) or a semaphore set (semget). ipcs shows it in hex. ftok makes one from a file.',
      zh: '程序据以找到一个 System V 对象的数字（key_t），作用像文件名：共享内存段（shmget）、消息队列（msgget）或信号量集（semget）都凭它找到。ipcs 用十六进制显示它。ftok 根据一个文件算出 key。',
    },
    shows: [
      {
        lesson: 'overview',
        step: 'create',
        text: { en: '0x00000000 is IPC_PRIVATE.', zh: '0x00000000 就是 IPC_PRIVATE。' },
      },
    ],
  },
  {
    id: 'shmid',
    name: { en: 'shmid', zh: 'shmid' },
    terms: ['shmid'],
    text: {
      // what a reader sees first (a large number, taken apart), then how it grows (issue 16:
      // "0 to 63 while few objects exist" first read as the shmid's range beside 26148921, and
      // gave a bare 63: the bound that keeps slots small is said instead)
      en: 'The id shmget returns: the number every other call (shmat, shmctl, ipcrm -m) takes. On Linux it packs two numbers, the slot (the segment\'s place in the kernel\'s table of segments) and the sequence number (the times the kernel went back to the table\'s start): shmid = slot + 32768 × sequence, so 26148921 is slot 57 + 32768 × 798. Unlike a file descriptor it is valid in every process of the machine (strictly, of its IPC namespace: a container has its own, with its own ids and keys). The kernel gives the free slot after the last one it gave, below a bound that grows with the segments in use, every program\'s (64 while there are few); past it, it goes back to the lowest free slot and adds 1 to the sequence: shmids go …, 62, 63, then 32768 (slot 0, sequence 1). So slots stay small, and an old shmid does not soon name a newer segment. Hence shmids that grow from run to run and jump by 32768 each time the sequence grows.',
      zh: 'shmget 返回的标识符，其他调用（shmat、shmctl、ipcrm -m）都用它。在 Linux 上，它由两个数合成：槽位号，即它在内核的共享内存段表里的位置；序号，即内核回到表头重新发放的次数。shmid = 槽位号 + 32768 × 序号，所以 26148921 就是槽位 57 + 32768 × 798。和文件描述符不同，它在本机的每个进程里都有效（严格说是同一个 IPC 命名空间里的每个进程：容器有自己的命名空间，id 和 key 都自成一套）。内核发放上次发出的槽位之后的空槽位，但不超过一个上界，上界随在用的段数（所有程序的）增大，段不多时是 64；到了上界就回到最小的空槽位，序号加 1：shmid 依次是……、62、63，然后 32768（槽位 0，序号 1）。所以槽位号总是不大，旧的 shmid 不会很快指向新建的共享内存段，而 shmid 一次运行比一次大，序号每加 1 就跳 32768。',
    },
  },
  {
    // the calls and words every lesson names: found by name (/shmat), no terms, so no "New terms" line lists them (issue 16, pass 11: /shmat landed on nattch)
    id: 'segment',
    name: { en: 'shared memory segment', zh: '共享内存段' },
    terms: [],
    text: {
      en: 'A block of memory the kernel keeps, which processes map into their address space to share its bytes. shmget makes or finds one, shmat maps it, shmdt unmaps it, shmctl looks at it and removes it; ipcs -m lists every segment. Lesson 1 (overview) makes the first.',
      zh: '内核保管的一块内存，进程把它映射进自己的地址空间来共享其中的字节。shmget 新建或找到它，shmat 映射它，shmdt 解除映射，shmctl 查看和删除它；ipcs -m 列出所有共享内存段。第 1 课（概览）建第一个。',
    },
  },
  {
    id: 'shmget',
    name: { en: 'shmget', zh: 'shmget' },
    terms: [],
    text: {
      en: 'int shmget(key_t key, size_t size, int shmflg): makes a shared memory segment, or finds the one a key names, and returns its id, which the other calls take; shmflg holds the flags (IPC_CREAT, IPC_EXCL) and the mode. Lesson 2 (shmget) teaches it.',
      zh: 'int shmget(key_t key, size_t size, int shmflg)：新建一个共享内存段，或找到 key 指向的那个，返回它的 id，其他调用都用这个 id；shmflg 里是标志（IPC_CREAT、IPC_EXCL）和权限位。第 2 课（shmget）讲它。',
    },
  },
  {
    id: 'shmat',
    name: { en: 'shmat', zh: 'shmat' },
    terms: [],
    text: {
      en: 'void *shmat(int shmid, const void *shmaddr, int shmflg): maps the segment into the caller\'s address space and returns the address it starts at; shmflg may hold SHM_RDONLY. Lesson 4 (shmat) teaches it.',
      zh: 'void *shmat(int shmid, const void *shmaddr, int shmflg)：把共享内存段映射进调用者的地址空间，返回它的起始地址；shmflg 可含 SHM_RDONLY。第 4 课（shmat）讲它。',
    },
  },
  {
    id: 'shmdt',
    name: { en: 'shmdt', zh: 'shmdt' },
    terms: [],
    text: {
      en: 'int shmdt(const void *shmaddr): takes the segment mapped at shmaddr out of the caller\'s address space. Lesson 5 (shmdt) teaches it.',
      zh: 'int shmdt(const void *shmaddr)：把映射在 shmaddr 处的共享内存段从调用者的地址空间拿掉。第 5 课（shmdt）讲它。',
    },
  },
  {
    id: 'shmctl',
    name: { en: 'shmctl', zh: 'shmctl' },
    terms: [],
    text: {
      en: 'int shmctl(int shmid, int cmd, struct shmid_ds *buf): does the job cmd names on a segment, IPC_STAT, IPC_SET or IPC_RMID (see the IPC_STAT entry). Lesson 6 (shmctl) teaches it.',
      zh: 'int shmctl(int shmid, int cmd, struct shmid_ds *buf)：对共享内存段做 cmd 指定的事，即 IPC_STAT、IPC_SET 或 IPC_RMID（见 IPC_STAT 条目）。第 6 课（shmctl）讲它。',
    },
  },
  {
    id: 'IPC_PRIVATE',
    name: { en: 'IPC_PRIVATE', zh: 'IPC_PRIVATE' },
    terms: ['IPC_PRIVATE'],
    text: {
      // what shmget does with it is shmget 2's question: said in shows (issue 16, pass 11: "no key
      // will lead to" here told "the very same call again" that it finds no segment)
      en: 'A special key, named IPC_PRIVATE in C, that a program passes to shmget in place of a key agreed with other programs.',
      zh: '一个特殊的 key，C 里叫 IPC_PRIVATE，程序把它传给 shmget，代替与别的程序约定的 key。',
    },
    shows: [
      { lesson: 'overview', step: 'create', text: { en: 'Its value is 0: ipcs shows it as 0x00000000.', zh: '它的值是 0，ipcs 显示为 0x00000000。' } },
      {
        lesson: 'shmget',
        step: 'second',
        text: {
          en: 'shmget always creates a new segment with it, and no other process can find that segment by key, so it serves related processes (a parent hands the shmid to its child). The shmid is no secret (ipcs lists it); the mode decides who may attach.',
          zh: '用它调用 shmget，每次都新建一个共享内存段，别的进程无法凭 key 找到这个段，所以它适合亲缘进程（父进程把 shmid 交给子进程）。shmid 并不保密（ipcs 会列出），谁能映射由权限位决定。',
        },
      },
    ],
  },
  {
    id: 'ftok',
    name: { en: 'ftok', zh: 'ftok' },
    terms: ['ftok'],
    text: {
      en: 'key_t ftok(const char *path, int id): a key computed from an existing file and a small id, so that unrelated programs that agree on the file and the id both compute it. It takes the file\'s device (st_dev) and inode (st_ino), as stat(2) gives them.',
      zh: 'key_t ftok(const char *path, int id)：根据一个已存在的文件和一个小整数 id 算出 key，只要约定好文件和 id，无亲缘关系的程序就都能算出它。它用到文件的设备号（st_dev）和 inode 号（st_ino），即 stat(2) 给出的那两个值。',
    },
  },
  {
    id: 'inode',
    name: { en: 'inode, device: st_ino, st_dev', zh: 'inode、设备号（device）：st_ino、st_dev' },
    terms: ['inode', 'inodes', 'device', '设备号', 'st_dev', 'st_ino'],
    text: {
      en: 'A file system keeps each file as an inode, numbered within it (st_ino); a name in a folder points to an inode. The device number (st_dev) says which file system holds it.',
      zh: '文件系统把每个文件存成一个 inode，并在本文件系统内给它编号（st_ino）；目录里的文件名指向某个 inode。设备号（st_dev）说明文件在哪个文件系统上。',
    },
    shows: [
      { lesson: 'ftok', step: 'same-key', text: { en: 'A hard link is a second name for the same inode.', zh: '硬链接就是同一个 inode 的第二个名字。' } },
      { lesson: 'ftok', step: 'new-file', text: { en: 'A file deleted and made again may get another inode.', zh: '删掉再重建的文件可能换一个 inode。' } },
    ],
  },
  {
    id: 'IPC_CREAT',
    name: { en: 'IPC_CREAT', zh: 'IPC_CREAT' },
    terms: ['IPC_CREAT'],
    text: {
      en: 'A flag of shmget: create the segment if no segment has the key (else open it). Without it shmget only opens.',
      zh: 'shmget 的标志：这个 key 下没有共享内存段就创建（有就打开）。不加它，shmget 只负责打开。',
    },
    shows: [{ lesson: 'ftok', step: 'no-creat', text: { en: 'Without it, and with nothing under the key, shmget fails with ENOENT.', zh: '不加它、key 下又什么都没有时，shmget 得到 ENOENT。' } }],
  },
  {
    id: 'IPC_EXCL',
    name: { en: 'IPC_EXCL', zh: 'IPC_EXCL' },
    terms: ['IPC_EXCL'],
    text: {
      en: 'A flag used with IPC_CREAT by a program that must be the one to create the object (a server).',
      zh: '与 IPC_CREAT 连用的标志，给必须由自己创建对象的程序（比如服务端）用。',
    },
    shows: [{ lesson: 'ftok', step: 'excl', text: { en: 'With IPC_CREAT: create, or fail with EEXIST if the key is taken.', zh: '与 IPC_CREAT 连用：key 还没有对象就新建，已有对象则失败，得到 EEXIST。' } }],
  },
  {
    id: 'IPC_CREATE',
    name: { en: 'IPC_CREATE', zh: 'IPC_CREATE' },
    terms: ['IPC_CREATE'],
    misspelling: true,
    text: {
      en: 'Does not exist: the notes\' misspelling of IPC_CREAT. A C compiler rejects it.',
      zh: '并不存在：这是笔记对 IPC_CREAT 的误写，C 编译器不认。',
    },
  },
  {
    id: 'IPC_STAT',
    name: { en: 'IPC_STAT, IPC_SET, IPC_RMID', zh: 'IPC_STAT、IPC_SET、IPC_RMID' },
    terms: ['IPC_STAT', 'IPC_SET', 'IPC_RMID'],
    text: {
      en: 'The jobs of shmctl(shmid, cmd, buf): IPC_STAT copies the segment\'s struct shmid_ds into buf, IPC_SET sets its uid, gid and mode (the low 9 bits) from buf, IPC_RMID asks for its removal.',
      zh: 'shmctl(shmid, cmd, buf) 的三种命令：IPC_STAT 把共享内存段的 struct shmid_ds 复制到 buf，IPC_SET 按 buf 设置它的 uid、gid 和权限（低 9 位），IPC_RMID 请求删除它。',
    },
    shows: [{ lesson: 'shmctl', step: 'rmid', text: { en: 'IPC_RMID frees a segment at once, or at the last detach while it is still attached.', zh: 'IPC_RMID 立即释放共享内存段；段还被映射着时，等最后一次解除映射才释放。' } }],
  },
  {
    id: 'SHM_RDONLY',
    name: { en: 'SHM_RDONLY', zh: 'SHM_RDONLY' },
    terms: ['SHM_RDONLY'],
    text: {
      en: 'A flag of shmat: map the segment read-only.',
      zh: 'shmat 的标志：只读映射。',
    },
    shows: [{ lesson: 'shmat', step: 'rdonly', text: { en: 'The CPU enforces it: a write there kills the writer with SIGSEGV.', zh: '由 CPU 强制执行：往那里写的进程会被 SIGSEGV 杀死。' } }],
  },
  {
    id: 'SHM_EXEC',
    name: { en: 'SHM_EXEC', zh: 'SHM_EXEC' },
    terms: ['SHM_EXEC'],
    text: {
      en: 'A flag of shmat (Linux): map the segment so that code in it may run. The caller needs execute permission in the segment\'s mode, else EACCES; root skips that check (CAP_IPC_OWNER).',
      zh: 'shmat 的标志（Linux 特有）：映射时允许执行其中的代码。调用者需要共享内存段的权限里有执行权限，否则得到 EACCES；root 跳过这项检查（CAP_IPC_OWNER）。',
    },
  },
  {
    id: 'SHM_RND',
    name: { en: 'SHM_RND', zh: 'SHM_RND' },
    terms: ['SHM_RND'],
    text: {
      en: 'A flag of shmat: when shmaddr is given, round it down to a multiple of the page size (the boundary the kernel requires). With NULL, as ipclab passes, it changes nothing.',
      zh: 'shmat 的标志：给了 shmaddr 时，把它向下取整到页大小的倍数（内核要求的对齐边界）。像 ipclab 这样传 NULL 时，它不起作用。',
    },
  },
  {
    id: 'SHM_REMAP',
    name: { en: 'SHM_REMAP', zh: 'SHM_REMAP' },
    terms: ['SHM_REMAP'],
    text: {
      en: 'A flag of shmat (Linux): map at shmaddr even if something is mapped there already, replacing it. It needs an address: with NULL the call fails with EINVAL.',
      zh: 'shmat 的标志（Linux 特有）：即使 shmaddr 处已有映射也照样映射，把原来的替换掉。它需要一个地址：传 NULL 时调用以 EINVAL 失败。',
    },
  },
  {
    id: 'SHM_NORESERVE',
    name: { en: 'SHM_NORESERVE', zh: 'SHM_NORESERVE' },
    terms: ['SHM_NORESERVE'],
    text: {
      en: 'A flag of shmget: do not reserve swap space for the segment up front; pages are found only when touched.',
      zh: 'shmget 的标志：不预先为这个共享内存段保留交换空间，页面到被访问时才分配。',
    },
    shows: [{ lesson: 'shmget', step: 'size-huge', text: { en: 'Without it (and unless overcommit is "always") a size the machine cannot back fails with ENOMEM.', zh: '不加它（且 overcommit 不是“总是允许”）时，机器给不出的大小会得到 ENOMEM。' } }],
  },
  {
    id: 'SHM_HUGETLB',
    name: { en: 'SHM_HUGETLB', zh: 'SHM_HUGETLB' },
    terms: ['SHM_HUGETLB'],
    text: {
      en: 'A flag of shmget (Linux): back the segment with huge pages (2 MiB each on x86-64) instead of 4 KiB ones. The machine must set huge pages aside beforehand, and the process needs the right to lock memory (or a group the system names for it), else EPERM.',
      zh: 'shmget 的标志（Linux 特有）：用大页（x86-64 上每页 2 MiB）而不是 4 KiB 的页来放这个共享内存段。机器要事先预留大页，进程还要有锁定内存的权限（或属于系统为此指定的组），否则得到 EPERM。',
    },
  },
  {
    // shmget 4 asks for 4 EiB (newcomers did not know the unit); the entries above use KiB and MiB
    id: 'binary-units',
    name: { en: 'KiB, MiB, GiB, EiB', zh: 'KiB、MiB、GiB、EiB' },
    terms: ['EiB'],
    text: {
      en: 'Sizes in powers of two: a KiB (kibibyte) is 2^10 = 1024 bytes, a MiB 2^20, a GiB 2^30, and an EiB (exbibyte) 2^60 bytes, about a billion GiB. 4 EiB is 2^62 bytes, far more memory than any machine has.',
      zh: '以 2 的幂计的大小：1 KiB（kibibyte）是 2^10 = 1024 字节，1 MiB 是 2^20，1 GiB 是 2^30，1 EiB（exbibyte）是 2 的 60 次方字节，约十亿 GiB。4 EiB 即 2 的 62 次方字节，远超任何机器的内存。',
    },
  },
  {
    id: 'limits',
    name: { en: 'SHMMAX, SHMALL, SHMMNI', zh: 'SHMMAX、SHMALL、SHMMNI' },
    terms: ['SHMMAX', 'SHMALL', 'SHMMNI'],
    text: {
      en: 'The kernel\'s limits on shared memory: SHMMAX bytes per segment, SHMALL pages for all segments together, SHMMNI segments in all. They are files in /proc/sys/kernel (shmmax, shmall, shmmni). The least size is SHMMIN (see the SHMMIN entry).',
      zh: '内核对共享内存的限制：SHMMAX 是单个共享内存段的最大字节数，SHMALL 是所有段合计的最大页数，SHMMNI 是段的最大个数。它们就是 /proc/sys/kernel 下的 shmmax、shmall、shmmni 文件。最小尺寸是 SHMMIN（见 SHMMIN 条目）。',
    },
  },
  {
    id: 'shmmin',
    name: { en: 'SHMMIN', zh: 'SHMMIN' },
    terms: ['SHMMIN'],
    text: {
      en: 'The least size a new segment may have: 1 byte on Linux. It is built into the kernel, not a file in /proc/sys/kernel as SHMMAX is.',
      zh: '新建共享内存段的最小尺寸：Linux 上是 1 字节。它是写死在内核里的，不像 SHMMAX 那样是 /proc/sys/kernel 下的文件。',
    },
    // only a creating shmget of size 0 fails (serv-clnt's shmget(key, 0, 0) opens: issue 16, pass 11);
    // each case is a question: shmget 3 asks size 0 with IPC_PRIVATE, ftok 7 a size when opening
    shows: [
      {
        lesson: 'shmget',
        step: 'size-zero',
        text: { en: 'A shmget that creates a segment of size 0 (IPC_PRIVATE, or IPC_CREAT with no segment under the key) fails with EINVAL.', zh: '要新建 0 字节共享内存段的 shmget（用 IPC_PRIVATE，或带 IPC_CREAT 而 key 下还没有段）以 EINVAL 失败。' },
      },
      {
        lesson: 'ftok',
        step: 'open-sizes',
        text: { en: 'A shmget that opens an existing segment by key takes any size up to the segment\'s, 0 too (shmget(key, 0, 0)); a larger size fails with EINVAL.', zh: '按 key 打开已有共享内存段的 shmget，size 可以是不超过该段大小的任何值，0 也行（shmget(key, 0, 0)）；更大的 size 以 EINVAL 失败。' },
      },
    ],
  },
  {
    id: 'shmid_ds',
    name: { en: 'struct shmid_ds', zh: 'struct shmid_ds' },
    terms: ['struct shmid_ds', 'shmid_ds', 'shm_perm', 'shm_segsz'],
    text: {
      en: 'What the kernel keeps about a segment: shm_perm (key, owner uid and gid, creator cuid and cgid, mode), shm_segsz (the size: ipcs\'s bytes), shm_nattch, shm_cpid, shm_lpid and the three times.',
      zh: '内核为每个共享内存段记录的信息：shm_perm（key、属主 uid 和 gid、创建者 cuid 和 cgid、权限 mode）、shm_segsz（大小，即 ipcs 的 bytes）、shm_nattch、shm_cpid、shm_lpid 以及三个时间。',
    },
    shows: [{ lesson: 'shmget', step: 'mode', text: { en: 'IPC_STAT copies it out.', zh: 'IPC_STAT 把它复制出来。' } }],
  },
  {
    id: 'perms',
    // mode beside perms read as two settings (issue 16): the heading names it, the text says how they add up
    name: { en: 'perms, access_perms, mode', zh: '权限 / perms / access_perms / mode' },
    terms: ['perms', '权限', 'access_perms'],
    text: {
      // reached from overview 1: only words met by then; the flags and root's capability have entries of their own (issue 16 item 7)
      en: 'The low nine bits of the mode, as for files: read and write for owner, group and others. 600 (rw-------) lets only your user attach; root may attach whatever they say. The mode also keeps a few status flags above these bits; ipcs -m -i prints both, the perms as access_perms.',
      zh: '权限 mode 的低九位，和文件一样：属主、同组、其他人各自的读写权限。600（rw-------）表示只有你的用户能映射；root 不受这些位限制。mode 在这九位之上还记着几个状态标志位；ipcs -m -i 两者都打印，权限叫作 access_perms。',
    },
  },
  {
    id: 'nattch',
    name: { en: 'nattch', zh: 'nattch' },
    terms: ['nattch', 'shm_nattch'],
    text: {
      en: 'The number of attachments: how many mappings of the segment exist now, in all processes. shmat adds one, shmdt takes one away.',
      zh: '映射计数：此刻所有进程里这个共享内存段共有多少个映射。shmat 加一，shmdt 减一。',
    },
    // what fork, exec and exit do to it are shmat 9's, 10's and 11's questions
    shows: [
      { lesson: 'shmat', step: 'fork', text: { en: 'fork gives the child a copy of each of the parent\'s mappings: nattch +1 for each.', zh: 'fork 让子进程得到父进程每个映射的一份副本：每个映射使 nattch 加 1。' } },
      { lesson: 'shmat', step: 'exec', text: { en: 'exec takes away every mapping of the process: nattch -1 for each.', zh: 'exec 去掉进程的所有映射：每个映射使 nattch 减 1。' } },
      { lesson: 'shmat', step: 'exit', text: { en: 'The process\'s end (exit, or a kill) takes away its mappings too: nattch -1 for each.', zh: '进程结束（exit 或被杀死）也去掉它的映射：每个映射使 nattch 减 1。' } },
    ],
  },
  {
    id: 'cpid',
    name: { en: 'cpid', zh: 'cpid' },
    terms: ['cpid', 'shm_cpid'],
    text: {
      en: 'The pid of the process that created the segment. It never changes, even after that process has ended.',
      zh: '创建这个共享内存段的进程的 pid。它永远不变，即使那个进程早已结束。',
    },
  },
  {
    id: 'lpid',
    name: { en: 'lpid', zh: 'lpid' },
    terms: ['lpid', 'shm_lpid'],
    text: {
      en: 'The pid of the last process to attach or detach the segment (0 before any did). A process that ends while attached is detached by the kernel, so it becomes lpid too.',
      zh: '最近一次映射或解除映射这个共享内存段的进程的 pid（还没有进程这样做过时为 0）。进程带着映射结束时由内核替它解除映射，所以它也会成为 lpid。',
    },
  },
  {
    id: 'times',
    name: { en: 'atime, dtime, ctime', zh: 'atime、dtime、ctime' },
    terms: ['atime', 'dtime', 'ctime', 'shm_atime', 'shm_dtime', 'shm_ctime', 'att_time', 'det_time', 'change_time'],
    text: {
      en: 'The segment\'s three times: atime of the last attach, dtime of the last detach (0: never), ctime of its creation or last IPC_SET. One field each, named by three tools: atime (the Kernel pane) = att_time (ipcs -m -i) = shm_atime (struct shmid_ds); dtime = det_time = shm_dtime (0, or Not set: never); ctime = change_time = shm_ctime.',
      zh: '共享内存段的三个时间：atime 是最近一次映射的时间，dtime 是最近一次解除映射的时间（0 表示从未），ctime 是创建或最近一次 IPC_SET 的时间。每个字段在三个工具里名字不同：atime（“内核”窗格）= att_time（ipcs -m -i）= shm_atime（struct shmid_ds）；dtime = det_time = shm_dtime（0 或 Not set：从未）；ctime = change_time = shm_ctime。',
    },
  },
  {
    id: 'dest',
    // the status column's entry, which the Kernel pane's note under an all-empty status column
    // points to (strings.ts statusEmpty) from lesson 1 on: what dest means, a removed segment
    // still listed, answers shmctl 6 ("IPC_RMID while attached"), so it waits for that step (fix28d#4)
    name: { en: 'status: dest, locked', zh: 'status：dest、locked' },
    terms: ['dest'],
    text: {
      en: 'The status column of ipcs -m and the Kernel pane: empty for most segments. locked: the segment\'s pages are kept in memory, never swapped out.',
      zh: 'ipcs -m 和内核窗格的 status 列：大多数共享内存段这里为空。locked：这个段的内存页锁在内存里，不会被换出。',
    },
    shows: [
      {
        lesson: 'shmctl',
        step: 'rmid',
        text: {
          // by key only: shmctl 7 attaches it by shmid (issue 16: "nobody finds it" cost a learner a question)
          en: 'dest: removed with IPC_RMID while still attached, marked for destruction. Its key turns to 0x00000000, so no one finds it by key; the last detach frees it.',
          zh: 'dest：还有映射时被 IPC_RMID 删除，已标记待销毁。它的 key 变成 0x00000000，谁也不能再凭 key 找到它；最后一次解除映射时释放。',
        },
      },
      {
        // shown once step 7 ran: before, it would answer that step's question (shmat by its shmid gives…)
        lesson: 'shmctl',
        step: 'attach-dest',
        text: {
          en: 'By its shmid, though, a dest segment can still be attached on Linux.',
          zh: '不过在 Linux 上，凭 shmid 仍能映射 dest 状态的共享内存段。',
        },
      },
    ],
  },
  {
    // shmctl 2's access_perms, "mode less SHM_DEST and SHM_LOCKED": the flags named and tied to the
    // status column, without what dest means (the 'dest' entry holds that until shmctl 6 ran)
    id: 'shm-flags',
    name: { en: 'SHM_DEST, SHM_LOCKED', zh: 'SHM_DEST、SHM_LOCKED' },
    terms: ['SHM_DEST', 'SHM_LOCKED'],
    text: {
      en: 'Two flags the kernel keeps in a segment\'s mode, above its nine permission bits: SHM_DEST (01000) and SHM_LOCKED (02000). The status column of ipcs -m and the Kernel pane shows them as dest and locked (see status); access_perms is the mode without them.',
      zh: '内核记在共享内存段 mode 里、九个权限位之上的两个标志位：SHM_DEST（01000）和 SHM_LOCKED（02000）。ipcs -m 和“内核”窗格的 status 列把它们显示为 dest 和 locked（见 status 条目）；access_perms 就是去掉它们的 mode。',
    },
  },
  {
    id: 'errno',
    // the heading names the commonest; all nine are its terms, found by / (a heading wider than the
    // glossary at 80 columns was cut)
    name: { en: 'errno: EINVAL, ENOENT, EEXIST, EACCES, EPERM, ENOMEM and more', zh: 'errno：EINVAL、ENOENT、EEXIST、EACCES、EPERM、ENOMEM 等' },
    terms: ['errno', 'EINVAL', 'ENOENT', 'EEXIST', 'EACCES', 'EPERM', 'ENOMEM', 'ENOSPC', 'EFAULT', 'ENOTDIR'],
    text: {
      en: 'A failing call returns -1 and leaves a number in errno; the trace shows its name. EINVAL: an argument is invalid. ENOENT: nothing has that key or path. EEXIST: it exists already. EACCES: the mode does not allow this user what it asked (shmat checks it). EPERM: IPC_SET or IPC_RMID by a user who is not the owner, the creator or privileged (CAP_SYS_ADMIN); the mode plays no part. ENOMEM: no memory for it. ENOSPC: a limit on the number or total size is reached. EFAULT: a pointer passed to the kernel (a buffer such as IPC_STAT\'s) is not memory the process may use. ENOTDIR: a part of a path that should be a folder is a file.',
      zh: '调用失败时返回 -1，并在 errno 里留下一个编号；跟踪里显示它的名字。EINVAL：参数无效。ENOENT：没有这个 key 或路径。EEXIST：已经存在。EACCES：权限不允许这个用户做它要做的事（shmat 检查权限）。EPERM：做 IPC_SET 或 IPC_RMID 的用户既不是属主、创建者，也没有特权（CAP_SYS_ADMIN）；这里不看权限位。ENOMEM：内存不够。ENOSPC：达到了个数或总量的上限。EFAULT：交给内核的指针（比如 IPC_STAT 的缓冲区）不指向调用进程能用的内存。ENOTDIR：路径中本应是目录的某一部分其实是文件。',
    },
  },
  {
    // newcomers searched for it (a second pass): the C programs report failures with it
    id: 'perror',
    name: { en: 'perror, the message for errno', zh: 'perror：打印 errno 对应的消息' },
    terms: ['perror'],
    text: {
      en: 'perror(s) prints s, a colon and the C library\'s message for the current errno to standard error. After a shmget that failed with EINVAL, `perror("shmget")` prints shmget, a colon and "Invalid argument". The trace names the errno instead (EINVAL) with a short meaning.',
      zh: 'perror(s) 把 s、一个冒号和 C 库对当前 errno 的说明打印到标准错误。shmget 失败后，`perror("shmget")` 对 EINVAL 打印 `shmget: Invalid argument`。跟踪里则写出 errno 的名字（EINVAL）和简短的含义。',
    },
  },
  {
    id: 'CAP_IPC_OWNER',
    name: { en: 'root: CAP_IPC_OWNER, CAP_SYS_ADMIN', zh: 'root：CAP_IPC_OWNER、CAP_SYS_ADMIN' },
    terms: ['CAP_IPC_OWNER', 'CAP_SYS_ADMIN'],
    text: {
      en: 'CAP_IPC_OWNER, a capability root holds, skips the mode check of System V IPC objects, so root may attach any segment. To show EACCES, a root ipclab makes the attempt in a child that drops to uid 65534 (nobody). CAP_SYS_ADMIN, root\'s too, lets it IPC_SET or remove any object.',
      zh: 'CAP_IPC_OWNER 是 root 拥有的一项能力：跳过 System V IPC 对象的权限检查，所以 root 能映射任何共享内存段。为了演示 EACCES，以 root 运行的 ipclab 让一个降为 uid 65534（nobody）的子进程去尝试。root 的另一项能力 CAP_SYS_ADMIN 让它能对任何对象做 IPC_SET 或删除。',
    },
  },
  {
    id: 'uid',
    name: { en: 'owner: uid, gid, cuid, cgid, nobody', zh: 'owner / 属主：uid、gid、cuid、cgid、nobody' },
    terms: ['uid', 'gid', 'cuid', 'cgid', 'owner', '属主'],
    text: {
      en: 'uid is a user\'s number, gid a group\'s. A segment\'s owner is one user and one group (uid, gid; ipcs\'s owner column names the user, ipcs -m -c shows all four) and records its creator (cuid, cgid); its mode says what the owner, the group and others may do. The owner is a user, not who keeps the segment: the kernel keeps it. nobody, uid 65534, is the user with no rights of its own.',
      zh: 'uid 是用户的编号，gid 是组的编号。共享内存段属于一个属主，即一个用户和一个组（uid、gid；ipcs 的 owner 列只写用户，ipcs -m -c 四个都列出），还记着创建者（cuid、cgid）；它的权限位规定属主、同组用户和其他人各能做什么。属主是一个用户，而不是保管这个段的一方：保管它的是内核。nobody（uid 65534）是没有任何特权的用户。',
    },
  },
  {
    id: 'fork-exec-exit',
    name: { en: 'fork, exec, exit', zh: 'fork、exec、exit' },
    terms: ['fork', 'fork()', 'exec', 'execlp', 'exit', 'exit(0)'],
    text: {
      en: 'fork makes a child, a copy of the process. exec replaces a process\'s program and memory: its mappings go. exit (or a crash) ends the process.',
      zh: 'fork 创建子进程，它是父进程的副本。exec 换掉进程的程序和内存，映射随之消失。exit（或崩溃）结束进程。',
    },
    shows: [
      { lesson: 'shmat', step: 'fork', text: { en: 'The child has the parent\'s mappings too: nattch rises by one per mapping.', zh: '子进程连父进程的映射也一并得到：每个映射使 nattch 加 1。' } },
      { lesson: 'shmat', step: 'exit', text: { en: 'exit detaches whatever is still mapped. None of the three removes a segment.', zh: 'exit 会解除还在的所有映射。这三个调用都不会删除共享内存段。' } },
    ],
  },
  {
    // the trace's line for a child's end names it (ipclab waits for its children), and the pid
    // entry says ipclab learns of an end through it: no entry of its own (newcomer pass 10)
    id: 'waitpid',
    name: { en: 'waitpid', zh: 'waitpid' },
    terms: ['waitpid'],
    text: {
      en: 'The call by which a parent waits for a child, named by its pid, to end, and learns how it ended: its exit code, or the signal that killed it. Until then an ended child stays a zombie, listed but not running.',
      zh: '父进程用这个调用等待某个子进程（按 pid 指定）结束，并得知结束方式：退出码，或杀死它的信号。在此之前，已结束的子进程是僵尸进程，还在进程表里，但不再运行。',
    },
  },
  {
    id: 'address-space',
    name: { en: 'address space', zh: '地址空间' },
    terms: ['address space', '地址空间'],
    text: {
      en: 'The addresses a process can use, each leading to memory the kernel mapped there for it: its code, data, stack, files mapped with mmap, and shared memory segments attached with shmat. Each process has its own: the same address in two processes may lead to different memory, and one segment may sit at different addresses in each. shmdt takes a segment out of it.',
      zh: '一个进程能使用的全部地址，每个地址通向内核为它映射在那里的内存：代码、数据、栈、用 mmap 映射的文件，以及用 shmat 映射的共享内存段。每个进程有自己的一份：两个进程里的同一个地址可能通向不同的内存，同一个共享内存段在各个进程里也可能位于不同的地址。shmdt 把共享内存段从中拿掉。',
    },
  },
  {
    id: 'old-pointer',
    name: { en: 'old pointer (stale)', zh: '旧指针' },
    terms: ['old pointer', '旧指针'],
    text: {
      en: 'A pointer kept after shmdt, to where the segment was mapped. C\'s standard calls using it undefined; what Linux does is the shmdt lesson\'s. Set it to NULL after shmdt.',
      zh: 'shmdt 之后仍留着的指针，指向共享内存段原来映射的地方。C 标准说使用它的结果未定义；Linux 上会怎样，见 shmdt 一课。shmdt 之后应把它置为 NULL。',
    },
    shows: [
      { lesson: 'shmdt', step: 'use-after', text: { en: 'While nothing is mapped there, using it faults: SIGSEGV kills the process.', zh: '那里没有映射时，使用它会出错：进程被 SIGSEGV 杀死。' } },
      { lesson: 'shmdt', step: 'reattach', text: { en: 'Once something is mapped there again, it silently reads and writes that.', zh: '一旦那里又有了映射，它就悄悄读写那个映射。' } },
    ],
  },
  {
    id: 'volatile',
    name: { en: 'volatile', zh: 'volatile' },
    terms: ['volatile'],
    text: {
      en: 'A C qualifier: the compiler must load and store the variable in memory at every access, never keep it in a register. It makes no access atomic: counter++ on a volatile int is still a load, an add and a store.',
      zh: 'C 的类型限定符：编译器每次访问都必须真的读写内存，不能把变量留在寄存器里。它不让任何访问变成原子的：对 volatile int 做 counter++ 仍是读、加、写三步。',
    },
    // whether updates are lost is what race 2 asks ("Does this run lose updates?")
    shows: [
      {
        lesson: 'race',
        step: 'none',
        text: { en: 'Two CPUs running such loops at once still lose updates (race.c).', zh: '两个 CPU 同时运行这样的循环，照样丢更新（race.c）。' },
      },
    ],
  },
  {
    // "block" as parent-child 2's aside says it (issue 16: "C blocks both signals" found nothing)
    id: 'sigprocmask',
    name: { en: 'blocked signal: sigprocmask', zh: '阻塞信号：sigprocmask' },
    terms: ['sigprocmask', 'blocked signal', '阻塞信号'],
    text: {
      en: 'To block a signal is to hold it back: sent to the process, it waits, pending, and does nothing. sigprocmask is the call that blocks signals (or unblocks them) for the calling thread. A blocked signal is not lost: the kernel keeps it pending until the program unblocks it (its handler then runs) or waits for it with a call such as sigtimedwait, as communicate_with_child.c does. A child made by fork() starts with its parent\'s blocked signals.',
      zh: '阻塞一个信号就是把它扣住：发给进程后它成为待处理信号，等着，不起任何作用。sigprocmask 是阻塞（或解除阻塞）信号的调用，作用于调用它的线程。被阻塞的信号不会丢：内核把它记为“待处理”，直到程序解除阻塞（这时处理函数运行），或用 sigtimedwait 这类调用专门等它，communicate_with_child.c 就是这样做的。fork() 出的子进程继承父进程阻塞的信号。',
    },
  },
  {
    id: 'SIGUSR',
    name: { en: 'SIGUSR1, SIGUSR2: sent by kill', zh: 'SIGUSR1、SIGUSR2：由 kill 发送' },
    terms: ['SIGUSR1', 'SIGUSR2', 'kill'],
    text: {
      // the merge first, the send last: the step `shows` names (or "Lesson 7 …, step 4 shows what
      // happens", before it ran) follows the send, which it shows, not the merge, which no lesson does,
      // nor the termination without a handler (said before the send: a newcomer read it as shown)
      en: 'Two signals with no meaning of their own: programs agree on one. Two of one kind do not queue: one sent while the last is still pending merges with it, so programs count messages in shared data, not signals. A C process with no handler for one is terminated. kill(pid, sig) sends one, and the receiver\'s handler runs.',
      zh: '两个本身没有含义的信号，含义由程序自己约定。同一种信号不排队：上一个还待处理时再发的会与它合并，所以程序在共享数据里给消息计数，而不是数信号。没有处理函数的 C 进程收到它会被终止。kill(pid, sig) 发送一个信号，收到它的进程随即运行处理函数。',
    },
    shows: [{ lesson: 'parent-child', step: 'write', text: { en: 'A signal carries no data.', zh: '信号不携带数据。' } }],
  },
  // issue 16: parent-child 7 and serv-clnt say a signal "merges with a pending one", a word
  // newcomers could not look up
  {
    id: 'pending',
    name: { en: 'pending signal, merging', zh: '待处理的信号、合并' },
    terms: ['pending', '待处理'],
    text: {
      en: 'A signal sent but not yet handled is pending: the kernel has marked it on the process, and the handler has not run yet. The kernel keeps one such mark per kind of signal, so a second SIGUSR1 sent while one is pending merges with it, and the handler runs once for both. No lesson shows a merge (it takes two sends within microseconds): lesson 7 (parent, child) takes strict turns, so none can happen; lesson 8 (server, client) numbers its messages in the segment and also polls every 100 ms, so one would lose nothing.',
      zh: '已经发出、还没被处理的信号是待处理的：内核在进程上做了标记，处理函数还没运行。每种信号内核只记一个这样的标记，所以一个 SIGUSR1 还待处理时再发一个，两者就合并了，处理函数只为它们运行一次。没有哪一课演示合并（两次发送要相隔几微秒以内）：第 7 课（父子进程）严格轮流，不会发生合并；第 8 课（服务端与客户端）在共享内存段里给消息编号，另外每 100 ms 轮询一次，合并了也不丢消息。',
    },
  },
  {
    // parent-child 2 and 4 name it, and the Trace's handlers line (s36: found only inside "blocked signal")
    id: 'sigtimedwait',
    name: { en: 'sigtimedwait', zh: 'sigtimedwait' },
    terms: ['sigtimedwait'],
    text: {
      en: 'sigtimedwait(set, info, timeout): waits until one of the signals in set is pending, takes it (no handler runs) and returns its number; with none by the timeout, it fails with EAGAIN. The caller blocks those signals first (sigprocmask), so none acts before the call. communicate_with_child.c waits so for each SIGUSR1 and SIGUSR2.',
      zh: 'sigtimedwait(set, info, timeout)：等到 set 里的某个信号成为待处理信号，把它取走（不运行处理函数），返回它的编号；到 timeout 还没有，就失败，得到 EAGAIN。调用者事先阻塞这些信号（sigprocmask），在调用之前它们就不会起作用。communicate_with_child.c 就这样等每个 SIGUSR1 和 SIGUSR2。',
    },
  },
  {
    // the calls and words every lesson names: found by name (/shmat), no terms, so no "New terms" line lists them (issue 16, pass 11: /shmat landed on nattch)
    id: 'signal',
    name: { en: 'signal, signal handler', zh: '信号、信号处理函数' },
    terms: [],
    text: {
      en: 'A signal is a small notice the kernel delivers to a process: kill(pid, sig) sends one. A signal handler is a function of the program, void handler(int sig), set with sigaction(sig, &sa, NULL) (or signal(sig, handler)); the kernel runs it when that signal arrives. Lesson 7 (parent, child) uses them.',
      zh: '信号是内核递送给进程的一个小通知：kill(pid, sig) 发送一个。信号处理函数是程序自己的函数 void handler(int sig)，用 sigaction(sig, &sa, NULL)（或 signal(sig, handler)）设置；那个信号到来时，内核就运行它。第 7 课（父子进程）用到它们。',
    },
  },
  {
    id: 'SIGTERM',
    name: { en: 'SIGTERM, SIGCONT', zh: 'SIGTERM、SIGCONT' },
    terms: ['SIGTERM', 'SIGCONT'],
    text: {
      en: 'SIGTERM asks a process to end. Unlike SIGKILL it can be caught, so the process may clean up first: ipclab\'s helper processes remove what they made. SIGCONT lets a stopped process (Ctrl-Z) run again, so it can act on the SIGTERM. Unhandled, SIGTERM ends a C process.',
      zh: 'SIGTERM 请一个进程结束。和 SIGKILL 不同，它可以被捕获，所以进程可以先清理：ipclab 的辅助进程会删掉自己建的对象。SIGCONT 让一个被停下的进程（Ctrl-Z）继续运行，好让它处理 SIGTERM。C 进程没有处理 SIGTERM 时会被终止。',
    },
  },
  {
    id: 'open-flags',
    name: { en: 'O_CREAT, O_EXCL, O_TRUNC, O_WRONLY', zh: 'O_CREAT、O_EXCL、O_TRUNC、O_WRONLY' },
    terms: ['O_CREAT', 'O_EXCL', 'O_TRUNC', 'O_WRONLY'],
    text: {
      en: 'Flags of open(2), for files: O_WRONLY opens for writing only, O_CREAT creates the file if it is not there, O_EXCL goes with O_CREAT for a caller that must be the one to create the file, O_TRUNC empties a file that is there. They are to files what IPC_CREAT and IPC_EXCL are to segments.',
      zh: 'open(2) 打开文件时用的标志：O_WRONLY 只写打开，O_CREAT 文件不存在时创建它，O_EXCL 与 O_CREAT 连用，给必须由自己创建文件的调用者用，O_TRUNC 把已有的文件清空。它们对文件的作用，就像 IPC_CREAT 和 IPC_EXCL 对共享内存段。',
    },
    shows: [{ lesson: 'ftok', step: 'excl', text: { en: 'O_EXCL with O_CREAT fails with EEXIST if the file is there.', zh: 'O_EXCL 与 O_CREAT 一起用时，文件已存在就以 EEXIST 失败。' } }],
  },
  {
    // newcomers searched for it (a second pass): shmget's intro compares a shmid to one, ftok's trace shows open's
    id: 'fd',
    name: { en: 'file descriptor (fd)', zh: '文件描述符（fd）' },
    terms: ['file descriptor', 'fd', '文件描述符'],
    text: {
      en: 'The small number open(2) returns for a file a process opened; read, write and close take it. Each process has its own: 0, 1 and 2 are stdin, stdout and stderr, and open returns the lowest free number, so a C program\'s first open gives 3. ipclab\'s are higher (open(…) = 22 in its trace), as the Node.js runtime it runs on holds files of its own open before a lesson starts.',
      zh: 'open(2) 为进程打开的文件返回的小整数；read、write、close 都用它。每个进程各有一套：0、1、2 是 stdin、stdout 和 stderr，open 返回最小的空闲编号，所以 C 程序第一次 open 得到 3。ipclab 的编号大得多（跟踪里的 open(…) = 22），因为它运行在 Node.js 上，课程开始前 Node.js 自己已经打开了一些文件。',
    },
  },
  {
    id: 'SIGSEGV',
    name: { en: 'SIGSEGV', zh: 'SIGSEGV' },
    terms: ['SIGSEGV'],
    text: {
      en: 'The signal the kernel sends a process that touches memory in a way its mappings do not allow. By default it kills the process.',
      zh: '进程以它的映射不允许的方式访问内存时，内核发给它的信号。默认会杀死进程。',
    },
    shows: [
      { lesson: 'shmat', step: 'rdonly', text: { en: 'A write to a read-only page does that.', zh: '写只读的页面就是这样。' } },
      { lesson: 'shmdt', step: 'use-after', text: { en: 'Touching an address nothing is mapped at does too.', zh: '访问一个没有映射的地址也是。' } },
    ],
  },
  {
    id: 'magic',
    name: { en: 'magic', zh: 'magic（魔数）' },
    terms: ['magic', 'RV_MAGIC'],
    text: {
      en: 'A fixed number at the start of a shared structure that says "this is ours, and it is ready". The server of lesson 8 (server and client) writes 0x4C425631 ("LBV1" in ASCII; the constant RV_MAGIC of rv.h, one of the files of that lesson\'s C pane: c, then f) last, so a client that sees it knows the segment is a ready server\'s, not garbage, and that the other fields are set. The Kernel pane shows it as 0x4C425631 (== RV_MAGIC). Last must stay last: the compiler and the CPU may reorder plain writes, so serv.c writes magic with rv.h\'s STORE (an atomic store, kept after the writes before it) and clnt.c reads it with LOAD.',
      zh: '共享结构体开头的一个固定数字，意思是“这是我们的结构，而且已经就绪”。第 8 课（服务端与客户端）的服务端最后才写入 0x4C425631（ASCII 为“LBV1”，即 rv.h 里的常量 RV_MAGIC；rv.h 是该课 C 窗格里的文件之一：c 打开，f 换文件），客户端看到它就知道这个共享内存段是已就绪的服务端的，不是垃圾数据，其他字段也都已写好。“内核”窗格把它显示为 0x4C425631 (== RV_MAGIC)。“最后写”必须真的在最后：编译器和 CPU 可能调换普通写入的先后，所以 serv.c 用 rv.h 的 STORE 写 magic（原子写入，不会被挪到它前面的写入之前），clnt.c 用 LOAD 读它。',
    },
  },
  {
    id: 'poll',
    name: { en: 'poll', zh: '轮询（poll）' },
    terms: ['poll', '轮询'],
    text: {
      en: 'Looking again and again, on a timer, whether something changed, instead of waiting to be told. The two sides of lesson 8 (server and client) re-read the struct\'s fields when SIGUSR2 comes (the doorbell) or every 100 ms (the poll), whichever comes first. The doorbell alone would not do: a SIGUSR2 sent while another is still pending merges with it, and a peer that died rings nothing; the poll catches both. The trace says which woke a side: "(woken by SIGUSR2)" or "(seen at its 100 ms poll)".',
      zh: '按固定的时间间隔一遍遍查看某样东西变了没有，而不是等别人通知。第 8 课（服务端与客户端）的双方在收到 SIGUSR2（门铃）时，或每隔 100 ms（轮询）时重读结构体的字段，哪个先到就按哪个。只靠门铃不够：上一个 SIGUSR2 还待处理时再发的一个会与它合并，死了的对方也不会再按门铃；轮询两种情况都兜得住。跟踪里写明是哪个叫醒的：“（被 SIGUSR2 唤醒）”或“（在每 100 ms 一次的轮询中看到）”。',
    },
  },
  {
    id: 'pipe',
    name: { en: 'named pipe or FIFO, unnamed pipe', zh: '有名管道 / FIFO、无名管道' },
    terms: ['FIFO', 'named pipe', 'unnamed pipe', '有名管道', '无名管道'],
    text: {
      en: 'Two kinds of Unix pipe, a one-way byte stream between processes. An unnamed pipe, made by pipe(2), has no name: only the process that made it and its children (which inherit it) can use it. A named pipe or FIFO, made by mkfifo, has a path in the file system: any process that knows the path and may open it can use it.',
      zh: 'Unix 的两种管道，都是进程之间单向的字节流。无名管道由 pipe(2) 创建，没有名字：只有创建它的进程和继承它的子进程能用。有名管道即 FIFO，由 mkfifo 创建，在文件系统里有路径：知道路径、有权打开它的进程都能用。',
    },
  },
  {
    id: 'rendezvous-file',
    name: { en: 'rendezvous file', zh: '会合文件' },
    terms: ['rendezvous file', '会合文件'],
    text: {
      en: 'The file two unrelated programs agree on in advance, so that ftok gives both one key from it. It holds nothing they read; only its inode and device numbers count.',
      zh: '两个无亲缘关系的程序事先约定的文件，让 ftok 从它给双方算出同一个 key。文件内容没人读，只用它的 inode 号和设备号。',
    },
    shows: [{ lesson: 'ftok', step: 'new-file', text: { en: 'So it must stay put: a file made anew may give another key.', zh: '所以它必须一直在：重新创建的文件可能得到另一个 key。' } }],
  },
  {
    id: 'ipclab_rv',
    name: { en: 'struct ipclab_rv: server_pid, client_pid', zh: 'struct ipclab_rv（会合结构体）：server_pid、client_pid' },
    terms: ['struct ipclab_rv', 'ipclab_rv', 'server_pid', 'client_pid'],
    text: {
      en: 'The struct at the start of the segment of lesson 8 (server and client), declared in rv.h, one of the files of that lesson\'s C pane (c, then f): magic, server_pid, client_pid, seq, ack, len, flags, reserved (always 0), then the text (data). Both sides read and write only these fields; while the lesson runs, the Kernel pane shows them one by one.',
      zh: '第 8 课（服务端与客户端）那个共享内存段开头的结构体，声明在 rv.h 里（该课 C 窗格里的文件之一：c 打开，f 换文件）：magic、server_pid、client_pid、seq、ack、len、flags、reserved（总是 0），然后是文字（data）。双方只读写这些字段；课程运行时，“内核”窗格逐个显示它们。',
    },
  },
  {
    // what each field of lesson 8's message MEANS, not only its name (issue 16: step 3's "seq =
    // ack + 1" named fields nothing explained); "flags" and "data" are plain words elsewhere, so
    // only the three that are not are its terms
    id: 'rv-fields',
    name: { en: 'seq, ack, len, flags (struct ipclab_rv)', zh: 'seq、ack、len、flags（struct ipclab_rv 的成员）' },
    terms: ['seq', 'ack', 'len'],
    text: {
      en: 'The fields of the segment of lesson 8 (server and client) that carry a message. data: the text; len: its length in bytes; flags: 1 on the last message, else 0; seq: the message\'s number, written last, once the rest is in place; ack: the number of the last message the client has read. `seq = ack + 1` means one message waits unread; the client sets `ack = seq` when it has read it.',
      zh: '第 8 课（服务端与客户端）共享内存段里传一条消息的字段。data：文字；len：文字的字节数；flags：最后一条消息为 1，其余为 0；seq：消息的编号，其余字段写好后最后才写；ack：客户端已读的最后一条消息的编号。`seq = ack + 1` 表示有一条消息等着读；客户端读完就令 `ack = seq`。',
    },
  },
  {
    id: 'cas',
    name: { en: 'compare-and-swap', zh: '比较并交换（compare-and-swap）' },
    terms: ['compare-and-swap', 'Compare-and-swap', 'CAS', '比较并交换'],
    text: {
      en: 'One indivisible CPU operation: "if this word still holds A, make it B", which reports whether it did. Two processes racing to claim a slot cannot both win. In C, the builtin __atomic_compare_exchange_n: clnt.c claims client_pid with it (A is 0, B its pid).',
      zh: '一个不可分割的 CPU 操作：“如果这个字还是 A，就把它改成 B”，并报告是否改成了。两个进程抢同一个位置时不可能都成功。C 里用内建函数 __atomic_compare_exchange_n：clnt.c 就用它占用 client_pid（A 是 0，B 是自己的 pid）。',
    },
  },
  {
    id: 'msg-queue',
    name: { en: 'message queue', zh: '消息队列' },
    terms: ['message queue', '消息队列'],
    text: {
      en: 'A System V object that holds messages, each a type (mtype, a long > 0) and text. msgget returns its msqid; msgsnd adds a message at the end, msgrcv takes one out, chosen by type. ipcs -q lists queues with their used-bytes and messages.',
      zh: '存放消息的 System V 对象，每条消息有一个类型（mtype，大于 0 的 long）和正文。msgget 返回它的 msqid；msgsnd 把消息加到队尾，msgrcv 按类型取走一条。ipcs -q 列出各队列的 used-bytes 和 messages。',
    },
  },
  {
    // its own entry: the overview names queues long before a learner meets a msqid
    id: 'msqid',
    name: { en: 'msqid', zh: 'msqid' },
    terms: ['msqid'],
    text: {
      en: 'The id msgget returns for a queue, as shmget returns a shmid; msgsnd, msgrcv and msgctl take it. ipcs -q shows it in the msqid column.',
      zh: 'msgget 为队列返回的标识，就像 shmget 返回 shmid；msgsnd、msgrcv 和 msgctl 都用它。ipcs -q 在 msqid 一列显示它。',
    },
  },
  {
    // the calls and words every lesson names: found by name (/shmat), no terms, so no "New terms" line lists them (issue 16, pass 11: /shmat landed on nattch)
    id: 'msgget',
    name: { en: 'msgget, msgsnd, msgrcv', zh: 'msgget、msgsnd、msgrcv' },
    terms: [],
    text: {
      en: 'The calls of a message queue. int msgget(key_t key, int msgflg) makes or finds a queue and returns its msqid; int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg) sends a message; msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg) receives one, picked by msgtyp. Lesson 9 (message queues) teaches them.',
      zh: '消息队列的调用。int msgget(key_t key, int msgflg) 新建或找到一个队列，返回它的 msqid；int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg) 发送一条消息；msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg) 接收一条，按 msgtyp 挑选。第 9 课（消息队列）讲它们。',
    },
  },
  {
    id: 'msg_qnum',
    name: { en: 'msg_qnum, lspid and lrpid', zh: 'msg_qnum、lspid、lrpid' },
    // the pair before each: a text that names both lists both as new, not lspid alone
    terms: ['msg_qnum', 'lspid and lrpid', 'lspid、lrpid', 'lspid', 'lrpid', 'struct msqid_ds', 'msqid_ds'],
    text: {
      en: 'Fields of a queue\'s struct msqid_ds: msg_qnum, the messages in it now, which ipcs -q and the Kernel pane show as "messages"; msg_qbytes, the most text bytes it may hold (see the msg_qbytes entry); lspid and lrpid, the last process to send (msgsnd) and the last process to receive (msgrcv).',
      zh: '队列的 struct msqid_ds 里的字段：msg_qnum 是现有的消息条数，ipcs -q 和“内核”窗格的 messages 一列显示的就是它；msg_qbytes 是最多能容纳的正文字节数（见 msg_qbytes 条目）；lspid 和 lrpid 是最后一个发送（msgsnd）、接收（msgrcv）的进程。',
    },
  },
  {
    // its own entry: met where msg's step 5 uses it, not with msg_qnum at step 2 (nc: no "New terms" for it)
    id: 'msg_qbytes',
    name: { en: 'msg_qbytes, the most text a queue holds', zh: 'msg_qbytes：队列最多容纳的正文字节数' },
    terms: ['msg_qbytes'],
    text: {
      en: 'A field of a queue\'s struct msqid_ds: the most text bytes (mtype not counted) the queue may hold at once, MSGMNB when it is made (/proc/sys/kernel/msgmnb, 16384 by default). A msgsnd that would take it past this waits, or fails with EAGAIN under IPC_NOWAIT; Linux also lets the queue hold at most msg_qbytes messages. IPC_STAT reads it; /proc/sysvipc/msg and ipcs -q do not list it (so the Kernel pane has no column for it), ipcs -q -i MSQID does.',
      zh: '队列的 struct msqid_ds 里的字段：队列同时最多能容纳的正文字节数（不算 mtype），创建时取 MSGMNB（/proc/sys/kernel/msgmnb，默认 16384）。会让队列超过它的 msgsnd 会等待，带 IPC_NOWAIT 则以 EAGAIN 失败；Linux 还限定队列里的消息最多 msg_qbytes 条。IPC_STAT 能读到它；/proc/sysvipc/msg 和 ipcs -q 不列出它（所以“内核”窗格没有这一列），ipcs -q -i MSQID 会列出。',
    },
  },
  {
    id: 'overcommit',
    name: { en: 'overcommit (vm.overcommit_memory)', zh: 'overcommit（vm.overcommit_memory）' },
    terms: ['overcommit', 'vm.overcommit_memory', 'overcommit_memory'],
    text: {
      en: 'The kernel\'s rule for promising memory it has not found yet, in /proc/sys/vm/overcommit_memory: 0 (the default) refuses a request plainly larger than memory and swap together; 1 always grants and finds pages only when they are touched; 2 counts every promise against a fixed limit. shmget reserves a segment\'s size under this rule unless SHM_NORESERVE is given: 2^62 bytes gets ENOMEM under 0 and 2. This rule is also called memory accounting.',
      zh: '内核承诺尚未找到的内存时遵循的规则，见 /proc/sys/vm/overcommit_memory：0（默认）拒绝明显大于内存与交换空间之和的请求；1 总是批准，页面到被访问时才去找；2 把每个承诺都计入一个固定上限。除非给了 SHM_NORESERVE，shmget 会按这条规则为共享内存段的大小预留内存：2^62 字节在 0 和 2 下都得到 ENOMEM。这套规则也叫内存记账。',
    },
  },
  {
    id: 'otime',
    name: { en: 'otime, stime, rtime', zh: 'otime、stime、rtime' },
    terms: ['otime', 'sem_otime', 'stime', 'rtime', 'msg_stime', 'msg_rtime'],
    text: {
      en: 'Times the kernel keeps for a semaphore set and a queue, in seconds since 1970 (0: never): a set\'s otime is its last semop (sem_otime in IPC_STAT); a queue\'s stime is its last msgsnd and rtime its last msgrcv (msg_stime, msg_rtime). Both also have a ctime, the creation or last IPC_SET, as a segment has (see the atime, dtime, ctime entry). The Kernel pane names them when a step changes them; ipcs -s -i and ipcs -q -i print them as dates. Not the utime and stime that /proc keeps for each process (lesson 10, semaphores, step 4): those are its user and system CPU time.',
      zh: '内核为信号量集和消息队列记下的时间，单位是自 1970 年起的秒数（0 表示从未）：信号量集的 otime 是最近一次 semop 的时间（IPC_STAT 里的 sem_otime）；队列的 stime 是最近一次 msgsnd 的时间，rtime 是最近一次 msgrcv 的时间（msg_stime、msg_rtime）。两者也都有 ctime，即创建或最近一次 IPC_SET 的时间，和共享内存段一样（见 atime、dtime、ctime 条目）。某一步改了它们时，“内核”窗格会写出这些名字；ipcs -s -i 和 ipcs -q -i 以日期显示它们。第 10 课（信号量）第 4 步说的 utime 和 stime 是另一回事，由 /proc 为每个进程记下：那是进程的用户态和内核态 CPU 时间。',
    },
  },
  {
    id: 'cpu-time',
    name: { en: 'utime, stime: CPU time', zh: 'utime、stime：CPU 时间' },
    terms: ['utime'],
    text: {
      en: 'The CPU time the kernel has counted for a process, in clock ticks: utime in user code, stime in the kernel on its behalf (Linux shows both among a process\'s figures under /proc). Lesson 10 (semaphores) reads them for a process asleep in semop: it used no CPU. Not a queue\'s stime, the time of its last msgsnd (the otime, stime, rtime entry).',
      zh: '内核为一个进程记下的 CPU 时间，单位是时钟滴答：utime 是它在用户代码里用的，stime 是内核替它做事用的（Linux 在 /proc 下进程的数据里给出这两个值）。第 10 课（信号量）读一个睡在 semop 里的进程的这两个值：它没用 CPU。不是消息队列的 stime（最近一次 msgsnd 的时间，见 otime、stime、rtime 条目）。',
    },
  },
  {
    id: 'used-bytes',
    name: { en: 'used-bytes, messages, qbytes', zh: 'used-bytes、messages、qbytes' },
    terms: ['used-bytes', 'qbytes', 'cbytes', 'msg_cbytes', '__msg_cbytes'],
    text: {
      en: 'A queue\'s figures, named as ipcs -q and the Kernel pane name them: used-bytes (__msg_cbytes in IPC_STAT\'s struct msqid_ds) counts the text bytes queued now, the mtype words left out; messages (msg_qnum) the messages queued now; qbytes (msg_qbytes) the most text bytes it may hold (see the msg_qbytes entry).',
      zh: '队列的几个数，用 ipcs -q 和“内核”窗格的叫法：used-bytes（IPC_STAT 的 struct msqid_ds 里是 __msg_cbytes）是现在排着的正文字节数，不算 mtype；messages（msg_qnum）是现在排着的消息条数；qbytes（msg_qbytes）是最多能容纳的正文字节数（见 msg_qbytes 条目）。',
    },
  },
  {
    id: 'ncount',
    name: { en: 'ipcs -s -i: value, ncount, zcount, pid', zh: 'ipcs -s -i：value、ncount、zcount、pid' },
    terms: ['ncount', 'zcount'],
    text: {
      en: 'The columns ipcs -s -i prints for each semaphore of a set: semnum, which one (from 0; sem_num in a struct sembuf); value, its semval; ncount, its semncnt (processes waiting for it to grow); zcount, its semzcnt (processes waiting for it to be 0); pid, its sempid (the last process to operate on it: semop; on Linux also SETVAL, and the undo at a process\'s exit).',
      zh: 'ipcs -s -i 为集里每个信号量打印的列：semnum 是第几个（从 0 数起，即 struct sembuf 的 sem_num）；value 是它的 semval；ncount 是它的 semncnt（等它增加的进程数）；zcount 是它的 semzcnt（等它变为 0 的进程数）；pid 是它的 sempid（最后操作它的进程：semop；Linux 上还有 SETVAL 和进程退出时的撤销）。',
    },
  },
  {
    id: 'IPC_NOWAIT',
    name: { en: 'IPC_NOWAIT', zh: 'IPC_NOWAIT' },
    terms: ['IPC_NOWAIT', 'ENOMSG', 'EAGAIN'],
    text: {
      // what it does as far as its name says (issue 16: the entry said only when it applies): not
      // how the call ends, which msg 4 asks ("the queue is empty. msgrcv with IPC_NOWAIT then…")
      en: 'A flag of msgsnd, msgrcv and semop for a call that cannot go ahead now: a full queue, no message of the type asked for, a semaphore whose operation cannot be done now (sem_op -N while the value is below N, or sem_op 0 while it is not 0). Without the flag, such a call sleeps till it can go ahead; with it, the call gives up at once.',
      zh: 'msgsnd、msgrcv 和 semop 的标志，管的是此刻做不了的调用：队列已满，没有所要类型的消息，信号量的操作此刻做不了（sem_op 为 -N 而值小于 N，或 sem_op 为 0 而值不为 0）。不带这个标志，这样的调用会睡眠，等到能做为止；带上它，调用立刻放弃。',
    },
    // how the call then ends is what msg 4 asks
    shows: [
      {
        lesson: 'msg',
        step: 'taken',
        text: { en: 'It fails, returning -1 with an errno of its own: msgsnd to a full queue and semop with EAGAIN, msgrcv with no message of the type asked for with ENOMSG.', zh: '它以失败返回 -1，带着各自的 errno：msgsnd 遇到队列已满、semop 做不了操作，都是 EAGAIN；msgrcv 找不到所要类型的消息，是 ENOMSG。' },
      },
    ],
  },
  {
    id: 'E2BIG',
    name: { en: 'E2BIG, MSG_NOERROR', zh: 'E2BIG、MSG_NOERROR' },
    terms: ['E2BIG', 'MSG_NOERROR'],
    text: {
      en: 'msgrcv fails with E2BIG when the message it picked has more text than msgsz, the room its buffer gives; the message stays in the queue. With the flag MSG_NOERROR it takes the message instead, cut to msgsz bytes: the rest of the text is lost.',
      zh: 'msgrcv 选中的消息正文比 msgsz（缓冲区能放的字节数）长时，调用以 E2BIG 失败，消息留在队列里。加上标志 MSG_NOERROR，它就照样取走这条消息，只留前 msgsz 个字节：其余正文丢掉。',
    },
  },
  {
    id: 'EIDRM',
    name: { en: 'EIDRM', zh: 'EIDRM' },
    terms: ['EIDRM'],
    text: {
      en: 'Identifier removed: an errno of the System V calls.',
      zh: '标识符已删除：System V 调用的一种 errno。',
    },
    shows: [
      {
        lesson: 'shmctl',
        step: 'attach-dest',
        text: {
          en: 'On Linux shmat still maps a removed segment that is still attached (dest); it gets EIDRM only if the segment is freed while the call is under way.',
          zh: '在 Linux 上，shmat 仍能映射已删除但还被映射着的共享内存段（dest）；只有这个段恰在调用进行中被删除，它才得到 EIDRM。',
        },
      },
      {
        lesson: 'shmctl',
        step: 'last-detach',
        text: {
          en: 'The rule: a call gets EIDRM when it finds, or is woken by, the removal of the object it was using; a call made after the removal gets EINVAL (the id names nothing).',
          zh: '规则是：调用正在使用的对象被删除，调用在进行中发现了这次删除或被它唤醒，就得到 EIDRM；删除之后才发起的调用得到 EINVAL（这个 id 已不指向任何东西）。',
        },
      },
      {
        lesson: 'msg',
        step: 'rmid',
        text: {
          en: 'A process asleep in msgrcv, msgsnd or semop (lessons 9 and 10) wakes with EIDRM when IPC_RMID removes its queue or set.',
          zh: '睡在 msgrcv、msgsnd 或 semop 里的进程（第 9、10 课），其消息队列或信号量集被 IPC_RMID 删除时，带着 EIDRM 醒来。',
        },
      },
    ],
  },
  {
    id: 'sem-set',
    name: { en: 'semaphore set', zh: '信号量集' },
    terms: ['semaphore set', '信号量集', 'nsems'],
    text: {
      en: 'A System V object holding nsems counters. semget returns its semid; semop changes counters, sleeping while one would go below 0; semctl reads and sets them (GETVAL, SETVAL) and removes the set. ipcs -s heads its list "Semaphore Arrays": the same objects.',
      zh: '存放 nsems 个计数的 System V 对象。semget 返回它的 semid；semop 改变计数，计数会变成负数时就睡眠等待；semctl 读取、设置计数（GETVAL、SETVAL）并删除信号量集。ipcs -s 列表的标题 "Semaphore Arrays" 指的就是信号量集。',
    },
  },
  {
    // its own entry: the overview names sets long before a learner meets a semid
    id: 'semid',
    name: { en: 'semid, semval', zh: 'semid、semval' },
    terms: ['semid', 'semval'],
    text: {
      en: 'semid: the id semget returns for a set, which semop and semctl take (ipcs -s shows it). semval: the count of one semaphore of the set; semop never takes it below 0.',
      zh: 'semid：semget 为信号量集返回的标识，semop 和 semctl 都用它（ipcs -s 显示它）。semval：集里一个信号量的计数；semop 从不让它低于 0。',
    },
  },
  {
    // the calls and words every lesson names: found by name (/shmat), no terms, so no "New terms" line lists them (issue 16, pass 11: /shmat landed on nattch)
    id: 'semget',
    name: { en: 'semget, semop, semctl', zh: 'semget、semop、semctl' },
    terms: [],
    text: {
      en: 'The calls of a semaphore set. int semget(key_t key, int nsems, int semflg) makes or finds a set of nsems semaphores and returns its semid; int semop(int semid, struct sembuf *sops, size_t nsops) does the operations sops lists; int semctl(int semid, int semnum, int cmd, union semun arg) reads or sets a semaphore (GETVAL, SETVAL) or removes the set (IPC_RMID). Lesson 10 (semaphores) teaches them.',
      zh: '信号量集的调用。int semget(key_t key, int nsems, int semflg) 新建或找到一个含 nsems 个信号量的集，返回它的 semid；int semop(int semid, struct sembuf *sops, size_t nsops) 执行 sops 列出的操作；int semctl(int semid, int semnum, int cmd, union semun arg) 读取或设置一个信号量（GETVAL、SETVAL），或删除信号量集（IPC_RMID）。第 10 课（信号量）讲它们。',
    },
  },
  {
    // its own entry: sem's first step names it in its title (nc: not on its New terms line)
    id: 'SETVAL',
    name: { en: 'SETVAL, GETVAL', zh: 'SETVAL、GETVAL' },
    terms: ['SETVAL', 'GETVAL'],
    text: {
      en: 'Commands of semctl for one semaphore of a set: semctl(semid, n, SETVAL, v) sets semaphore n\'s semval to v (0 to SEMVMX, 32767 on Linux); semctl(semid, n, GETVAL) returns its semval. Linux starts every new semaphore at 0 (POSIX leaves it open), so a lock is set to 1 with SETVAL before anyone takes it.',
      zh: 'semctl 针对集里某一个信号量的命令：semctl(semid, n, SETVAL, v) 把 n 号信号量的 semval 设为 v（0 到 SEMVMX，Linux 上是 32767）；semctl(semid, n, GETVAL) 返回它的 semval。Linux 把每个新信号量都初始化为 0（POSIX 没有规定），所以作锁用时，要先用 SETVAL 设为 1，别人才能取得。',
    },
  },
  {
    id: 'P-V',
    name: { en: 'P and V', zh: 'P 和 V' },
    // the whole name first: a text that says "P and V" lists the entry as such, not as "P"
    terms: ['P and V', 'P 和 V', 'P', 'V'],
    text: {
      en: 'Dijkstra\'s names for the two semaphore operations, from Dutch: P for prolaag (try to lower), V for verhoog (raise). P takes (semop -1; it sleeps while the count is 0), V gives back (semop +1; it wakes a sleeper). With a count of 1, a P before a critical section (code that must not run in two processes at once, such as reading, changing and writing back a shared counter) and a V after it make a lock.',
      zh: 'Dijkstra 给信号量两种操作起的名字，来自荷兰语：P 是 prolaag（试着减少），V 是 verhoog（增加）。P 是取（semop -1，计数为 0 时睡眠），V 是还（semop +1，唤醒睡眠者）。计数为 1 时，在临界区（不能让两个进程同时执行的代码，比如读出、修改再写回一个共享计数器）之前做 P、之后做 V，就成了一把锁。',
    },
  },
  // sem's intro and process list say "holder" (a tester searched the glossary for it)
  {
    id: 'holder',
    name: { en: 'holder (of a semaphore)', zh: '持有者（信号量的）' },
    terms: ['holder', '持有者'],
    text: {
      en: 'A process that did a P on a semaphore used as a lock and has not yet done its V: it holds the lock, and a P of another process sleeps until the V.',
      zh: '对用作锁的信号量做了 P、还没做 V 的进程：它持有这把锁，别的进程的 P 会睡眠，直到这个 V。',
    },
  },
  // semncnt and semzcnt apart: the Kernel pane shows both columns from sem's first step, and
  // one entry for both named only the first of them as new there
  {
    id: 'semncnt',
    name: { en: 'semncnt, GETNCNT', zh: 'semncnt、GETNCNT' },
    terms: ['semncnt', 'GETNCNT'],
    text: {
      en: 'A count the kernel keeps per semaphore: how many processes are asleep in semop, waiting for its value to grow (semzcnt counts those waiting for it to become 0). semctl GETNCNT reads it; ipcs -s -i shows it as ncount.',
      zh: '内核给每个信号量记的一个计数：有多少进程睡在 semop 里，等它的值增加（等它变为 0 的进程由 semzcnt 计数）。用 semctl GETNCNT 读取；ipcs -s -i 显示为 ncount。',
    },
    shows: [
      {
        lesson: 'sem',
        step: 'waiter',
        text: {
          en: 'A P at 0 (semop -1 on semval 0) is such a wait: it is counted in semncnt.',
          zh: '计数为 0 时的 P（semval 为 0 时 semop -1）就是这样的等待：它计入 semncnt。',
        },
      },
    ],
  },
  {
    id: 'semzcnt',
    name: { en: 'semzcnt, GETZCNT', zh: 'semzcnt、GETZCNT' },
    terms: ['semzcnt', 'GETZCNT'],
    text: {
      en: 'Another count the kernel keeps per semaphore, beside semncnt: how many processes are asleep in semop, waiting for its value to become 0 (a semop with sem_op 0). semctl GETZCNT reads it; ipcs -s -i shows it as zcount.',
      zh: '内核给每个信号量记的另一个计数，与 semncnt 并列：有多少进程睡在 semop 里，等它的值变为 0（sem_op 为 0 的 semop）。用 semctl GETZCNT 读取；ipcs -s -i 显示为 zcount。',
    },
  },
  {
    id: 'sempid',
    name: { en: 'sempid, GETPID', zh: 'sempid、GETPID' },
    terms: ['sempid', 'GETPID'],
    text: {
      en: "Per semaphore: the pid of the last process to operate on it (semop; on Linux also SETVAL, and the undo at a process's exit, counted as that process's). semctl GETPID reads it; ipcs -s -i shows it.",
      zh: '每个信号量都有：最后操作它的进程的 pid（semop；Linux 上还有 SETVAL 和进程退出时的撤销，算作该进程的操作）。用 semctl GETPID 读取；ipcs -s -i 也会显示。',
    },
  },
  {
    id: 'sembuf',
    // semnum, the Kernel pane's name for sem_num, in the heading: sem 2 says they are one (issue 16);
    // last, as an expression "a = b" wrapped with 、 starting the next line
    name: { en: 'struct sembuf: sem_op, sem_flg, sem_num = semnum', zh: 'struct sembuf：sem_op、sem_flg、sem_num = semnum' },
    terms: ['struct sembuf', 'sembuf', 'sem_num', 'semnum', 'sem_op', 'sem_flg'],
    text: {
      en: 'One operation of semop: sem_num, which semaphore of the set, from 0 (the semnum that ipcs -s -i and the Kernel pane list); sem_op, what to add (-1 takes, +1 gives back, 0 waits for 0); sem_flg, its flags (IPC_NOWAIT, SEM_UNDO). semop takes an array of them and does them all or none.',
      zh: 'semop 的一个操作：sem_num 是集里的哪个信号量，从 0 数起（即 ipcs -s -i 和“内核”窗格列出的 semnum）；sem_op 是加多少（-1 取，+1 还，0 等它变为 0）；sem_flg 是标志（IPC_NOWAIT、SEM_UNDO）。semop 接受一个这样的数组，要么全部做完，要么一个都不做。',
    },
  },
  {
    id: 'ERANGE',
    name: { en: 'ERANGE, EFBIG', zh: 'ERANGE、EFBIG' },
    terms: ['ERANGE', 'EFBIG'],
    text: {
      en: 'Errors of semop and semctl. ERANGE: the value would leave the range a semaphore holds, 0 to SEMVMX (32767 on Linux), as a semop whose sem_op takes semval past it, or a SETVAL outside it. EFBIG: semop\'s sem_num is not a semaphore of the set (it counts from 0 to nsems - 1).',
      zh: 'semop 和 semctl 的错误。ERANGE：值会超出一个信号量能存的范围，即 0 到 SEMVMX（Linux 上为 32767），比如 semop 的 sem_op 让 semval 越过它，或 SETVAL 给了范围外的值。EFBIG：semop 的 sem_num 不是这个信号量集里的信号量（从 0 数到 nsems - 1）。',
    },
  },
  {
    id: 'wchan',
    name: { en: 'wchan: where a process sleeps, e.g. do_msgrcv', zh: 'wchan：进程在哪里睡眠，如 do_msgrcv' },
    terms: ['wchan', 'do_msgrcv'],
    text: {
      en: 'The "wait channel": the kernel function a sleeping process waits in. /proc/PID/wchan holds it, and ps shows it in its WCHAN column (ps -o pid,wchan). do_msgrcv means the process sleeps inside msgrcv, waiting for a message.',
      zh: '“等待通道”：睡眠中的进程停在内核的哪个函数里。/proc/PID/wchan 里就是它，ps 在 WCHAN 一列显示它（ps -o pid,wchan）。do_msgrcv 表示进程在 msgrcv 里睡眠，等待消息。',
    },
  },
  // an entry of its own, not wchan's: a learner who met wchan in msg (do_msgrcv) saw sem 4's
  // wchan line name it as no new term (issue 16, pass 10)
  {
    id: 'do_semtimedop',
    name: { en: '__do_semtimedop: where semop sleeps', zh: '__do_semtimedop：semop 在这里睡眠' },
    terms: ['__do_semtimedop'],
    text: {
      en: 'A wchan (the kernel function a sleeping process is in): the kernel function of semop, and of semtimedop, which is semop with a time limit.',
      zh: '一个 wchan（睡眠中的进程停在内核的哪个函数里）：semop 的内核函数，也是 semtimedop（带时限的 semop）的。',
    },
  },
  // the wchans of a Node process with nothing to do: the lesson process and its peers are Node
  // programs, and the Kernel pane's wchan column shows them between their calls (issue 16: race 2
  // showed do_epoll_wait, which g did not find)
  {
    id: 'do_epoll_wait',
    name: { en: 'do_epoll_wait, futex_do_wait: where a Node process waits', zh: 'do_epoll_wait、futex_do_wait：Node 进程在这里等待' },
    terms: ['do_epoll_wait', 'futex_do_wait'],
    text: {
      en: "Two wchans (the kernel function a sleeping process is in) of the lesson process and the processes it starts, which are Node programs. do_epoll_wait: the process has nothing to do and waits for an event (a timer, a child's exit, input); no IPC call is under way. futex_do_wait: it sleeps in Atomics.wait, as race's workers do on one CPU for 1 ms between a load and its store.",
      zh: '本课进程和它启动的进程都是 Node 程序，这是它们的两个 wchan（睡眠中的进程停在内核的哪个函数里）。do_epoll_wait：进程无事可做，在等一个事件（定时器、子进程退出、终端输入），没有 IPC 调用在进行。futex_do_wait：它睡在 Atomics.wait 里，比如只有一个 CPU 时竞争一课的工作进程在读和写之间睡 1 ms。',
    },
  },
  {
    id: 'SEM_UNDO',
    name: { en: 'SEM_UNDO', zh: 'SEM_UNDO' },
    terms: ['SEM_UNDO'],
    text: {
      en: 'A flag of semop: the kernel records the change in the process\'s semadj, an adjustment it keeps per process and semaphore and adds to semval when the process exits.',
      zh: 'semop 的标志：内核把这次改动记在进程的 semadj 里，那是它按进程、按信号量保存的调整量，进程退出时加到 semval 上。',
    },
    // when the record is used (at exit) is said, as every newcomer asked; whether a kill with
    // SIGKILL is such an exit is what sem 6 asks ("killed with SIGKILL: semval then?"), held back
    shows: [
      {
        lesson: 'sem',
        step: 'undo',
        text: { en: 'When the process ends, the kernel reverses the change, however it ends: a lock taken with it is given back even by a process killed with SIGKILL.', zh: '进程结束时，内核撤销这次改动，无论进程怎样结束：带它加的锁，即使进程被 SIGKILL 杀死也会归还。' },
      },
    ],
  },
  {
    id: 'semadj',
    name: { en: 'semadj, the undo of SEM_UNDO', zh: 'semadj：SEM_UNDO 的撤销量' },
    terms: ['semadj'],
    text: {
      en: 'What the kernel keeps per process and semaphore for SEM_UNDO: each semop with the flag subtracts its sem_op from it (a P, -1, makes it +1), and the kernel adds it to semval when the process exits. No tool shows it; man semop describes it.',
      zh: '内核为 SEM_UNDO 按进程、按信号量记的数：每次带这个标志的 semop 都从中减去它的 sem_op（P 是 -1，于是它变成 +1），进程退出时内核把它加到 semval 上。没有工具能显示它；man semop 里有说明。',
    },
    shows: [
      {
        lesson: 'sem',
        step: 'undo',
        text: { en: 'That holds however the process ends: a lock it held is given back even after SIGKILL.', zh: '无论进程怎样结束都是如此：即使被 SIGKILL 杀死，它持有的锁也会归还。' },
      },
    ],
  },
  {
    id: 'SIGKILL',
    // named with both spellings: a lesson's text may use either
    name: { en: 'SIGKILL, kill -9', zh: 'SIGKILL、kill -9' },
    terms: ['SIGKILL', 'kill -9'],
    text: {
      en: 'Signal 9: it ends a process at once. It cannot be caught, so the process cleans up nothing; only what the kernel does for it (closing files, detaching segments) happens.',
      zh: '9 号信号：立即结束进程。它无法被捕获，所以进程自己什么也清理不了；只有内核替它做的事（关闭文件、解除映射）会发生。',
    },
    // whether SEM_UNDO is among them is what sem 6 asks
    shows: [
      {
        lesson: 'sem',
        step: 'undo',
        text: { en: 'The kernel also gives back what the process took with SEM_UNDO.', zh: '内核还会归还进程带 SEM_UNDO 取走的计数。' },
      },
    ],
  },
  {
    id: 'race',
    name: { en: 'race, lost updates', zh: '竞争、丢失的更新' },
    terms: ['lost update', 'lost updates', 'updates lost', '丢失更新', '更新丢失', '丢失的更新'],
    text: {
      en: 'counter++ is load, add, store. When two processes load the same value, both store value + 1 and one increment is lost. Whether it happens depends on timing: on one CPU only a switch between a load and its store loses one.',
      zh: 'counter++ 是读、加、写三步。两个进程读到同一个值时，都写回值 + 1，一次加法就丢了。会不会发生取决于时机：只有一个 CPU 时，只有恰好在读和写之间切换进程才会丢。',
    },
    // how often it happens with two CPUs is what race 2 asks ("Does this run lose updates?")
    shows: [
      {
        lesson: 'race',
        step: 'none',
        text: { en: 'Rare per increment, yet with two CPUs running both loops at once a million increments lose some almost every time.', zh: '单次很少见；但两个 CPU 同时运行两个循环时，加上百万次几乎每次都会丢一些。' },
      },
    ],
  },
  {
    id: 'seq-cst',
    name: { en: '__ATOMIC_SEQ_CST', zh: '__ATOMIC_SEQ_CST' },
    terms: ['__ATOMIC_SEQ_CST', '__ATOMIC_RELAXED'],
    text: {
      en: 'The memory-order argument of the GCC builtins: in lesson 11 (a race), the last of race.c\'s __atomic_fetch_add; in lesson 8 (server and client), the last two of clnt.c\'s __atomic_compare_exchange_n, the order if the swap is made and if not. The strictest memory order, "sequentially consistent". No other memory access of the process moves across the add, and every CPU sees all such operations in one order. Weaker orders (__ATOMIC_RELAXED) still add without losing updates, but promise less about the accesses around them.',
      zh: 'GCC 内建函数表示内存顺序的参数：第 11 课（竞争）里是 race.c 中 __atomic_fetch_add 的最后一个参数；第 8 课（服务端与客户端）里是 clnt.c 中 __atomic_compare_exchange_n 的最后两个参数，分别用于交换成功和不成功时。这是最严格的内存顺序，即“顺序一致”。进程的其他内存访问不会被挪到这次加法的另一侧，所有 CPU 看到的这类操作都是同一个先后次序。较弱的顺序（__ATOMIC_RELAXED）同样不会丢失加法，但对前后的访问保证得更少。',
    },
  },
  {
    id: 'atomic',
    name: { en: 'atomic add', zh: '原子加' },
    terms: ['atomic add', '原子加', 'atomic_fetch_add'],
    text: {
      en: 'An add the CPU does as one indivisible operation. In C: atomic_fetch_add of <stdatomic.h> (C11), or the builtin __atomic_fetch_add (its last argument: see __ATOMIC_SEQ_CST); in JavaScript, Atomics.add.',
      zh: 'CPU 作为一次不可分割的操作完成的加法。C 里用 <stdatomic.h> 的 atomic_fetch_add（C11），或内建函数 __atomic_fetch_add（最后一个参数见 __ATOMIC_SEQ_CST）；JavaScript 里是 Atomics.add。',
    },
    // what two CPUs do to a plain counter++ is what race 2 asks ("Does this run lose updates?"),
    // and race 2's run lists this entry: held until it ran (issue 16)
    shows: [
      {
        lesson: 'race',
        step: 'none',
        text: { en: 'A plain counter++ is three steps (load, add, store), which two CPUs can interleave, and then one add is lost.', zh: '普通的 counter++ 是读、加、写三步，两个 CPU 的这三步可能交错，于是丢掉一次加法。' },
      },
      // race 4 asks whether the atomic add loses updates: its answer, held until it ran (issue 16)
      {
        lesson: 'race',
        step: 'atomic',
        text: { en: 'No other CPU can store to the variable between its load and its store, so no add is lost.', zh: '在它的读和写之间，别的 CPU 无法写这个变量，所以一次加法也不会丢。' },
      },
    ],
  },
  {
    id: 'throw-away-child',
    name: { en: 'throw-away child', zh: '临时子进程' },
    terms: ['throw-away child', '临时子进程'],
    text: {
      en: 'A child process ipclab starts only to make one access for real that ipclab itself will not make (its guard refused it: see the entry ipclab\'s guard). Unlike a C program\'s fork() child it is a new program, which inherits no mapping: it calls shmat itself, and those calls change lpid, atime and dtime. Whatever the kernel does to it happens to the child, and ipclab, still running, reports in the trace how the child ended.',
      zh: 'ipclab 专为真的去做一次它自己不做的访问（被它的访问检查拒绝了：见“访问检查”条目）而另起的子进程。和 C 程序 fork() 出的子进程不同，它是新启动的程序，不继承任何映射：它自己调用 shmat，这些调用会改变 lpid、atime 和 dtime。内核对它做什么都落在子进程身上；ipclab 照常运行，在跟踪里写出子进程是怎样结束的。',
    },
  },
  {
    id: 'round',
    // one word per language, which the learner would look up: "一轮" and "三轮" both stood in
    // race's New terms (a newcomer pass), and every 三轮, 每一轮 holds 一轮
    // the figure per add said here too: newcomers took it for one worker's own time (issue 16, s36)
    name: { en: 'round (of the race: both workers\' loops, once)', zh: '一轮（竞争：两个工作进程各跑完一遍循环）' },
    terms: ['round', '一轮'],
    text: {
      en: 'In the race lesson, one run of both workers through their loops of adds, from the first one\'s start to the last one\'s end: step 2 without a lock, step 3 with the semaphore, step 4 with the atomic add. A round\'s wall time is that span; its wall time per add, the figure the lesson compares the rounds by, is that span over the adds of both workers together. That is not one worker\'s time per add: the two add at the same time, and a worker\'s own loop (its line in the trace) over its own adds gives another figure.',
      zh: '第 11 课（竞争）里，两个工作进程各把自己的加法循环跑完一遍，叫一轮，从第一个开始算到最后一个结束：第 2 步不加锁，第 3 步用信号量，第 4 步用原子加。一轮的实际用时就是从头到尾的时长；每次加法的实际用时，即本课用来比较各轮的数，是这个时长除以两个工作进程加起来的加法次数。它不是一个工作进程每次加法的用时：两者同时在加，一个工作进程自己的循环用时（跟踪里它的那一行）除以它自己的加法次数，得到的是另一个数。',
    },
  },
  {
    // race 4's "one atomic instruction", which a newcomer could not read (a newcomer pass); not
    // "locked instruction": a lock in race is the semaphore, locked a segment's status (issue 16)
    id: 'atomic-instruction',
    name: { en: 'atomic instruction', zh: '原子指令' },
    terms: ['atomic instruction', '原子指令'],
    text: {
      en: 'An instruction the CPU does whole, as an atomic add compiles to (on x86 with its lock prefix): the CPU holds the cache line of the memory it changes from its load to its store, so no other CPU\'s access comes between them.',
      zh: 'CPU 一次做完的指令，原子加编译出来就是这样一条（x86 上带 lock 前缀）：从读到写，CPU 一直占着被改的内存所在的缓存行，别的 CPU 的访问插不到中间。',
    },
  },
  {
    id: 'cache-line',
    name: { en: 'cache line', zh: '缓存行（cache line）' },
    terms: ['cache line', '缓存行'],
    text: {
      en: 'The unit, 64 bytes on x86-64, in which CPUs keep memory in their caches. To write a byte a CPU must hold its whole line alone, so two CPUs writing the same variable pass its line back and forth, and each pass costs far more than the add itself. Nor do they pass it evenly: one CPU may keep it for many adds in a row, so of two loops begun together one can end long before the other.',
      zh: 'CPU 在缓存里存放内存的单位，x86-64 上是 64 字节。CPU 要写一个字节，必须独占它所在的整行，所以两个 CPU 写同一个变量时，这一行在它们之间来回传递，每传一次都比加法本身贵得多。传递也不均匀：一个 CPU 可能连着占住它做很多次加法，所以同时开始的两个循环，一个可能比另一个早结束很多。',
    },
  },
  {
    id: 'NUL',
    name: { en: 'NUL, the byte that ends a C string', zh: 'NUL：C 字符串结尾的字节' },
    terms: ['NUL'],
    text: {
      en: 'The byte 0x00. C marks where a string ends with it: strcpy copies the text and one NUL after it, so "hi" takes 3 bytes, and a reader stops at the first NUL.',
      zh: '值为 0x00 的字节。C 用它标出字符串在哪里结束：strcpy 复制文字之后再写一个 NUL，所以 "hi" 占 3 个字节；读的一方读到第一个 NUL 就停下。',
    },
  },
  {
    id: 'pid',
    name: { en: 'pid, and the pid column of the trace', zh: 'pid，以及跟踪左边的 pid 列' },
    terms: ['pid', 'pids'],
    text: {
      en: 'A process\'s number. Every line of the trace begins with the pid of the process that acted: when a lesson has two processes, the column tells whose line it is. A line with $ is a command ipclab ran for you (ipcs, cc): its pid is that command\'s own process, started for the line and gone after it. Where a lesson starts processes of its own (a child, a C program), the Kernel pane lists them beside the lesson process, running or ended. The kernel numbers new processes counting up to a limit, then again from the low numbers no process holds: a pid lower than one before it can be a newer process.',
      zh: '进程的编号。跟踪的每一行都以做这件事的进程的 pid 开头：有两个进程的课程里，看这一列就知道是谁的动作。带 $ 的行是 ipclab 替你运行的命令（ipcs、cc），它的 pid 是这条命令自己的进程，为这一行启动，运行完就结束。课程自己另起进程（子进程、C 程序）时，“内核”窗格把它们和本课进程一起列出，不论还在运行还是已经结束。内核递增地分配 pid，到上限后再从没有进程占用的小号开始：比前面小的 pid 可能是更新的进程。',
    },
    // what a lesson with a second process shows (shmat's write through a read-only mapping is the
    // first in the course): held until then, too much at overview 1, where a learner meets pid (fix28d#9)
    shows: [
      {
        lesson: 'shmat',
        step: 'rdonly',
        text: {
          en: 'A • line saying a process ended (exited, or was killed) is under the pid of its parent, which saw it end (ipclab, through waitpid); the ended process\'s own pid is in the line, "(pid 4243)". The tab bar, right of the tabs, names the lesson process (ipclab itself, running this lesson) with its pid and counts the processes its steps started: "lesson pid 4242 + 1 ended" says one more process, which has ended; "+ 2 alive, 1 ended", two still running (or asleep) and one gone. Where the lesson process has a part to play, it is said after the pid: "lesson pid 4242 (the parent)". The Kernel pane lists each of them; wider, the bar says so: "(see Kernel)".',
          zh: '说某个进程结束了（退出或被杀死）的 • 行，开头是看到它结束的父进程的 pid（ipclab，通过 waitpid 得知）；结束的那个进程自己的 pid 写在这一行里，如“（pid 4243）”。标签栏右边写出本课进程（ipclab 自己，正在运行这一课）和它的 pid，再给出各步骤另起的进程个数：“本课 pid 4242 另 1 个已结束”是说另有 1 个进程，已经结束；“另 2 个存活、1 个结束”是说 2 个还在（运行或睡眠），1 个已经没了。本课进程在课里有角色时写在 pid 后面：“本课 pid 4242（父进程）”。“内核”窗格逐个列出它们；窗口更宽时标签栏也这样提示：“见‘内核’窗格”。',
        },
      },
    ],
  },
  {
    // newcomers searched for it (a second pass): the C programs' main reads its arguments from it
    id: 'argv',
    name: { en: 'argv, a program\'s command-line words', zh: 'argv：程序命令行上的词' },
    terms: ['argv'],
    text: {
      en: 'The words of a program\'s command line, handed to main(int argc, char *argv[]). argv[0] is the program\'s name, argv[1] the first word after it, and argc counts them.',
      zh: '程序命令行上的各个词，交给 main(int argc, char *argv[])。argv[0] 是程序名，argv[1] 是其后的第一个词，argc 是词的个数。',
    },
  },
  {
    id: 'state-folder',
    name: { en: 'state folder', zh: '状态文件夹' },
    terms: ['state folder', '状态文件夹'],
    text: {
      en: 'The folder where ipclab keeps what it must remember between runs: your progress, and a journal of the ids of the objects each run made. By it the Kernel pane tells ipclab\'s objects from other programs\', and `ipclab clean` finds what a killed run left. By default ~/.local/state/ipclab; `ipclab doctor` names the one in use.',
      zh: 'ipclab 存放跨运行要记住的东西的文件夹：你的进度，以及每次运行所建对象的 id 记录。“内核”窗格凭它分辨哪些对象是 ipclab 建的，`ipclab clean` 也凭它找到被杀死的运行留下的对象。默认是 ~/.local/state/ipclab；`ipclab doctor` 会列出实际使用的那个。',
    },
  },
  {
    id: 'ipclab-clean',
    name: { en: 'ipclab clean', zh: 'ipclab clean' },
    terms: ['ipclab clean'],
    text: {
      en: 'Before it makes a segment, queue or semaphore set, ipclab notes its id in a file of its own (its journal, in ipclab\'s state folder). If ipclab is killed (kill -9) before it can remove them, `ipclab clean` reads those files and removes what the dead run left, and nothing else.',
      zh: 'ipclab 在创建共享内存段、消息队列或信号量集之前，先把它的 id 记在自己的一个文件里（运行记录，在 ipclab 的状态文件夹里）。如果 ipclab 来不及删除就被杀死（kill -9），`ipclab clean` 读这些文件，只删除那次运行留下的东西。',
    },
  },
  {
    // asides say why ipclab's children are new programs, not forks, "unsafe in Node's threads",
    // before shmat 8 says what Node is: a search for it found only inode (newcomer pass 10)
    id: 'node',
    name: { en: 'Node, Node.js', zh: 'Node、Node.js' },
    terms: ['Node', 'Node.js'],
    text: {
      en: 'The JavaScript runtime ipclab runs in. A Node process runs several threads; after fork() the child has only the thread that called it, so a forked Node can crash. That is why ipclab starts a new program where a C program would fork().',
      zh: 'ipclab 运行所在的 JavaScript 运行时。Node 进程里有好几个线程；fork() 之后子进程只剩调用它的那个线程，所以 fork 出的 Node 可能崩溃。这就是 C 程序会 fork() 的地方，ipclab 改为启动一个新程序的原因。',
    },
  },
  {
    id: 'koffi',
    name: { en: 'koffi', zh: 'koffi' },
    terms: ['koffi'],
    text: {
      en: 'ipclab is a JavaScript program, run by Node.js; koffi is the library that lets it call the C library\'s functions (shmget, shmat, kill…) directly. So each call in the trace is a real call into the kernel, as a C program makes it.',
      zh: 'ipclab 是一个 JavaScript 程序，由 Node.js 运行；koffi 是让它直接调用 C 库函数（shmget、shmat、kill……）的库。所以跟踪里的每个调用都和 C 程序发出的一样，真正进入了内核。',
    },
  },
  {
    id: 'guard',
    name: { en: 'ipclab\'s guard: "ipclab refused"', zh: 'ipclab 的访问检查：“ipclab 拒绝了”' },
    terms: ['guard', '访问检查'],
    text: {
      en: 'Before ipclab reads or writes a segment for a lesson, it checks the access: inside the segment, not a write through a read-only (SHM_RDONLY) mapping, not after shmdt. An access it refuses shows as "ipclab refused" in the trace, and a throw-away child then makes the access for real, as a C program would.',
      zh: 'ipclab 替课程读写共享内存段之前会先检查这次访问：是否在段内，是否在往只读（SHM_RDONLY）映射里写，是否已经 shmdt。被拒绝的访问在跟踪里显示为“ipclab 拒绝了”，接着由一个临时子进程像 C 程序那样真的去做这次访问。',
    },
    shows: [{ lesson: 'shmat', step: 'rdonly', text: { en: 'A C program has no such check: the access is made and the kernel answers with SIGSEGV.', zh: 'C 程序没有这种检查：访问照样发生，内核用 SIGSEGV 回应。' } }],
  },
  {
    id: 'marks',
    name: { en: 'marks ● ○ ▸ * ~ + - in the Kernel pane and the trace', zh: '“内核”窗格和跟踪里的标记 ● ○ ▸ * ~ + -' },
    terms: [],
    text: {
      en: 'Before a row of the Kernel pane, and of ipcs output in the trace: ● this lesson made or opened it; ○ another of ipclab\'s (an earlier lesson or another ipclab run); unmarked: not in ipclab\'s records, another program\'s, another user\'s, or an ipclab run with another state folder\'s (a shared machine lists theirs too). ▸ right after ● or ○: the segment in focus, whose bytes and IPC_STAT the pane shows below (s picks another). * right after a figure of the Kernel pane: changed by the last step, as the pane\'s legend says ("* changed by step 5"), coloured too. That is its net effect, the figure after the step against the one before it. ~ in its place: the step changed the figure and put it back (semval 1, 0, 1), as the pane saw it while the step ran. + at the start of a row, in a column of its own before ● or ○ (as diff marks lines), or after the heading of a segment\'s record (shmctl IPC_STAT) or of a decoded structure: the last step made that object, the whole row is new (coloured as a whole). - at the start of a row: the last step removed that object; its row is shown once more, dimmed, with only what named it (key, id, owner), the other figures blank, until the next step. +- at the start of a row: the last step made that object and removed it again; it is shown once, the same way. None of them is ever next to a figure, so no id reads as a negative number. The legend names that step. With --ascii, ● is @, ○ is o and ▸ is >.',
      zh: '“内核”窗格里一行的前面，以及跟踪里 ipcs 输出的一行前面：● 表示这是本课创建或打开的；○ 表示是 ipclab 的其他对象（前面的课或另一次 ipclab 运行留下的）；无标记表示不在 ipclab 的记录里，是别的程序、别的用户的，或用另一个状态文件夹运行的 ipclab 的（在共用的机器上，它们的对象也会列出来）。紧跟在 ● 或 ○ 后面的 ▸：焦点所在的共享内存段，窗格下方显示的就是它的字节和 IPC_STAT（按 s 换一个）。“内核”窗格里某个数值紧跟的 *：表示它是上一步改变的，即窗格图例说的“* 第 5 步改变的”（还会变色）。比较的是这一步前后的值，即它的净效果。换成 ~：窗格在这一步运行中看到这个值变了，最后又变回原值（如 semval 1、0、1）。一行最前面单独一列里（在 ● 或 ○ 之前，像 diff 标记行那样）的 +，或共享内存段内核记录的标题（shmctl IPC_STAT）、解码出的结构名后面的 +：这个对象是上一步新建的，整行都是新的（整行变色）。一行最前面的 -：上一步删除了这个对象；它的行以暗色再显示一次，只留下标识它的 key、编号和属主，其他数值空着，直到下一步运行。一行最前面的 +-：上一步新建了这个对象又把它删了；它也这样显示一次。这些标记都不紧挨着数值，编号不会被看成负数。图例写着是哪一步。加 --ascii 时，● 画成 @，○ 画成 o，▸ 画成 >。',
    },
  },
  // the screen's own words that no lesson text spells out (issue 16: a newcomer searched g for
  // "review", "┄", "已做", "changed:" and found nothing); `ipclab check` holds each to an entry
  // a search finds (validate.ts screenWordProblems)
  {
    id: 'review',
    name: { en: 'reviewing a step: ← →', zh: '回看：← →' },
    terms: [],
    text: {
      en: '← shows the step before, → the one after: a step that already ran is shown as it ran, its text, the notice of its run and its part of the Trace, the Flow lit as then ("reviewing step 3: lit as it ran"). An aside folded for room ("a shows it") is whole there; a also shows it in place, and folds it again. Nothing runs while you look; Space there offers to run that step again, after a reset. → goes forward again, step by step.',
      zh: '← 显示上一步，→ 显示下一步：已运行的步骤按它运行时的样子显示，包括说明、运行后的提示和它在跟踪里的那几行，流程图也按当时点亮（“正在回看第 3 步：按它运行时高亮”）。为省地方收起的旁注（“按 a 展开”）在那里完整显示；按 a 也能就地展开，再按一次收起。回看时什么也不运行；在那里按空格会先重置本课，再重新运行那一步。按 → 再一步步往后。',
    },
  },
  {
    // the help's v line in full (issue 16: "v for teachers: after a class vote" was said nowhere)
    id: 'present',
    name: { en: 'v: the answer after a class vote (--present)', zh: 'v：全班投票后揭晓答案（--present）' },
    terms: [],
    text: {
      en: 'For a teacher showing ipclab to a class on one screen. Started as ipclab --present, it leaves more space and shows text line by line, and a question\'s grade waits: the class votes on the choices first (hands up, say), then the teacher presses v to show what the kernel answered. Used alone, ipclab grades your answer as soon as you pick it, and v has nothing to show.',
      zh: '供老师在一块屏幕上给全班演示。用 ipclab --present 启动时，间距更大，文字逐行出现，问题的评判会等着：全班先就各个选项投票（比如举手），老师再按 v 揭晓内核给出的答案。一个人用时，你一选好 ipclab 就评判，v 没有什么可揭晓的。',
    },
  },
  {
    id: 'record-words',
    name: { en: 'the record\'s words (record, new / named in the lesson / all of shmid_ds)', zh: '记录里的词（记录，新建 / 课程提到的 / shmid_ds 全部字段）' },
    terms: [],
    text: {
      en: 'The record is what the kernel keeps about a segment: its struct shmid_ds, which IPC_STAT copies out (atime, cpid, uid, …). The Kernel pane shows the record of the segment in focus (▸) under the table. Where the pane has few rows it is one line after "record:". That line lists the fields the table row does not show, in one order from atime, as many as fit. "record, new:" means the last step made the segment, so every field is new. A field the last step changed has * after it; after "named in the lesson:" come fields the Lesson pane names at this step, shown even where the line has no room for the ones before them. "… z: all of shmid_ds" ends a line that left fields out. z shows the pane larger, with all of them.',
      zh: '记录就是内核为一个共享内存段保存的信息：它的 struct shmid_ds，IPC_STAT 会把它复制出来（atime、cpid、uid……）。“内核”窗格在表格下面显示焦点所在（▸）的段的记录。窗格行数少时，它在“记录：”后面只占一行。这一行列出表格那一行没有显示的字段，从 atime 起按同一顺序，放得下多少列多少。“记录，新建”表示上一步建了这个段，每个字段都是新的。上一步改变了的字段后面有 *；“课程提到的：”后面是这一步“课程”窗格提到的字段，即使前面的字段放不下，它们也会显示。省略了字段的一行以“… z：shmid_ds 全部字段”结尾。按 z 放大窗格，就能看到全部字段。',
    },
  },
  {
    id: 'byte-order',
    name: { en: 'byte order (little-endian)', zh: '字节序（小端）' },
    terms: ['little-endian', 'byte order', '字节序', '小端'],
    text: {
      en: 'How a number of several bytes lies in memory. x86 and most ARM machines are little-endian: the lowest byte first. So the int 1989055 (0x001e59bf) is "bf 59 1e 00" in a dump: read the four bytes from right to left for its hex. The Kernel pane\'s decoded ints (race\'s counter, started) are the dump\'s bytes read this way.',
      zh: '多字节的数在内存里怎么摆放。x86 和大多数 ARM 机器是小端：低位字节在前。所以 int 1989055（0x001e59bf）在转储里是“bf 59 1e 00”：把四个字节从右往左读，就是它的十六进制。“内核”窗格解读出的 int（竞争一课的 counter、started）就是这样读转储里的字节得来的。',
    },
  },
  {
    id: 'step-list',
    name: { en: 'the step list: ▶ ✓ ≠ ✗ ✎, +2↑ +5↓', zh: '步骤列表：▶ ✓ ≠ ✗ ✎、+2↑ +5↓' },
    terms: [],
    text: {
      en: 'The column headed Step beside the lesson text lists the lesson\'s steps: ▶ the step shown, ✓ a step that ran, ≠ one that ran where your prediction was wrong (! with --ascii), ✗ one that did not behave as expected, ✎ (Q with --ascii) a step not run yet that asks you to predict its result first (the Flow pane\'s ? is another thing: a label shown later), no mark a step not run yet in this run. Opening an earlier step of this lesson from the errata (e) runs the steps before it again; that step and the ones after it lose their ✓ until you run them again. When the steps do not all fit, a sign takes the place of those hidden: 2 more ↑ at the top, two more steps above; 5 more ↓ at the bottom, five more below (a narrow list writes +2↑ and +5↓, never a step\'s number). ← and → (or p and n) move to them.',
      zh: '课程文字旁边标着“步骤”的一列列出本课的各个步骤：▶ 是正在显示的步骤，✓ 是已经运行的，≠ 是已经运行、但你的预测答错了的（--ascii 下写作 !），✗ 是运行结果不符合预期的，✎（--ascii 下写作 Q）是还没运行、运行前会先请你预测结果的（流程窗格里的 ? 是另一回事：稍后才显示的标签），没有标记的是这一轮还没运行的。从勘误（按 e）打开本课更前面的一步时，它之前的步骤会重新运行；它和它之后的步骤失去 ✓，要你再运行一次才有。步骤放不下时，被藏起来的步骤由一个记号代替：顶部的“↑ 还有 2 步”表示上面还有两步，底部的“↓ 还有 5 步”表示下面还有五步（窄的列表写成 +2↑ 和 +5↓，不会被看成步骤编号）。按 ← 和 →（或 p 和 n）就能移到它们。',
    },
  },
  {
    id: 'dump-text',
    name: { en: 'the bytes dump: ., ·, ↪ and →', zh: '字节转储（dump）里的 .、·、↪ 和 →' },
    terms: ['dump', '转储'],
    text: {
      en: 'A dump shows memory byte by byte, as it is. The Kernel pane shows bytes of the segment in focus in hex, and beside them the same bytes as text, one column per byte: printable ASCII as itself (a space is byte 0x20), a UTF-8 character under its first byte, · under each of its other bytes the character does not cover (你 is 3 bytes, 2 cells wide: it covers two of its three columns, · the third: 你·); a character whose bytes go on past a row\'s end is drawn on the row it starts on, and ↪ at the start of the next row marks each of its bytes there: that row goes on from the one above, nothing is broken; where only its first byte is on its row (too few columns for a wide character), → there marks that byte and the character is drawn at the start of the next row; and . for any other byte (00, a control, a broken sequence). Every row has exactly one column per byte. With --ascii, ·, ↪ and → are drawn as _, > and +.',
      zh: '转储（dump）就是把内存里的字节原样一个个列出来。“内核”窗格用十六进制显示焦点共享内存段的字节，旁边是同样这些字节的文字，每个字节一列：可打印的 ASCII 就是它本身（空格就是字节 0x20）；UTF-8 字符显示在它的第一个字节下面，字符没占满的其余字节下面是 ·（“你”是 3 个字节、2 格宽，盖住三列中的两列，第三列是 ·：你·）；字符的字节跨过行尾时，字符画在它开始的那一行，下一行开头用 ↪ 标出它落到这一行的每个字节：表示这一行接着上一行，内容并没有坏；如果那一行只有它的第一个字节（宽字符放不下），那里用 → 标出这个字节，字符画在下一行开头；其他字节（00、控制字符、不完整的序列）都是 .。每一行都正好是一个字节一列。加 --ascii 时 ·、↪ 和 → 画成 _、> 和 +。',
    },
  },
  {
    id: 'trace-lines',
    name: { en: 'trace lines: calls, $ and •', zh: '跟踪里的行：调用、$ 和 •' },
    terms: [],
    text: {
      en: 'In the trace, a call is written in C with what it returned (and the errno name when it failed); a line with $ is a real command ipclab ran, with its output under it; a line with • is not a call but what happened or what it means (a text written, a signal arrived).',
      zh: '跟踪里，调用按 C 的写法显示，后面是返回值（失败时还有 errno 名字）；带 $ 的行是 ipclab 真正运行的命令，下面是它的输出；带 • 的行不是调用，而是发生了什么、意味着什么（写入了文字、信号到了）。',
    },
  },
  {
    id: 'flow-lines',
    // named as the legend atop the Flow names them (issue 16: "┄" and "已做" found nothing)
    name: { en: 'Flow lines, lit: ━━ just run ══ done ── not yet ┄┄ frame in a step, ?', zh: '流程图的线、高亮：━━ 刚运行 ══ 已做 ── 未做 ┄┄ 有步骤用到的框、?' },
    // the Flow's border says "lit goes on above" (高亮向上延续): the word found here (issue 16 item 7)
    terms: ['lit', '高亮'],
    text: {
      en: 'In the flow, a thin line (─) is a part no step has used yet, a heavy line (━) lights what the step just run did, and a double line (═) what earlier steps on this diagram did: both are lit. A box with rounded corners (╭ ╮) is a result, not a step: an errno such as ENOSPC, a signal, or a ? still to come; once a step reaches it, it is drawn square like any lit box, heavy (┏ EACCES ┓) or double (╔ EINVAL ╗). A ? (shown later) stands for a result the next steps will show (a return value, which way a signal goes): it is drawn once its step has run. A frame is a border around a group of boxes (the kernel, the processes): thin (─) while no step has used it, dotted (┄) once a step, the one just run or an earlier one, used it or a box in it (the legend\'s "frame in a step"). ╌│╌ (through a frame) is a line passing through a frame\'s wall: the wall goes on dashed beside it, ╎ above and below where the line crosses a side. The legend at the top of the Flow names each style in those words, the same for every step of a lesson; where a narrow pane has no room for the last ones, this entry names them. With --ascii: ** just run, ## done, -- not yet, .. frame in a step.',
      zh: '流程图里，细线（─）是还没有哪一步用到的部分，粗线（━）标出刚运行的这一步做了什么，双线（═）是这张图上前面几步做过的：两者都算高亮。圆角的框（╭ ╮）是一个结果，不是一个步骤：ENOSPC 这样的错误码、一个信号，或还没揭晓的 ?；某一步走到它之后，它和别的高亮框一样画成方角，粗线（┏ EACCES ┓）或双线（╔ EINVAL ╗）。?（之后揭晓）代表之后的步骤才会显示的结果（返回值、信号的方向），那一步运行后才画出来。框是围住一组方框的外框（内核、进程）：还没有步骤用到它时是细线（─），有步骤（刚运行的这一步或之前的）用到它或它里面的方框后画成点线（┄），图例写作“有步骤用到的框”。╌│╌（线穿过框）是从框边穿过的线：框边在线的两旁画成虚线，从侧边穿过时线的上下画成 ╎。流程图顶上的图例就用这些词说明每种线，一课里每一步都一样；窗格太窄放不下最后几项时，由这一条说明。加 --ascii 时：** 刚运行，## 已做，-- 未做，.. 有步骤用到的框。',
    },
  },
  {
    id: 'race-ints',
    name: { en: 'counter, started: the two ints of the race lesson', zh: 'counter、started：竞争的共享 int' },
    terms: [],
    text: {
      en: 'The two ints at the start of the segment of lesson 11 (a race), which the Kernel pane decodes beside the dump as { int counter; int started; }. counter (offset 0): the int each worker adds 1 to, again and again; the lesson reads it after each round. started (offset 4, the next int): the start line. Each worker adds 1 to it with an atomic add, then spins until it reads 2 (both workers there), so the two start counting together, not one after the other. Both are set to 0 before each round. race.c, the study notes\' program, has it too: without it, one loop could end before the other began.',
      zh: '第 11 课（竞争）那个共享内存段开头的两个 int，“内核”窗格在转储旁把它们解读为 { int counter; int started; }。counter（偏移 0）：每个工作进程一次又一次给它加 1 的 int；每轮结束后课程读它。started（偏移 4，下一个 int）：起跑线。每个工作进程用原子加给它加 1，再空转到它为 2（两个工作进程都到了），好让两者一起开始计数，而不是一先一后。每轮开始前两者都设为 0。学习笔记里的 race.c 也有它：没有它，一个循环可能在另一个开始之前就结束了。',
    },
  },
];

/** Code-like words a newcomer cannot guess, which must be glossary terms: ALL_CAPS
 *  identifiers (with an underscore, leading ones too: serv-clnt 2's trace shows
 *  __ATOMIC_SEQ_CST, which no "New terms" line named; or an errno, signal or SHM limit name, or NUL, which the
 *  trace's strcpy lines name: overview 4's "New terms" line missed it), the fields
 *  of struct shmid_ds, short (as ipcs shows them) or long, C and kernel names written
 *  with an underscore (sem_op, do_msgrcv, __do_semtimedop, ipcs's att_time; not GCC's __atomic_ builtins, which
 *  their entries' own words name (atomic add, compare-and-swap), nor a file name such as
 *  communicate_with_child.c), and the file of a process in /proc (/proc/PID/wchan). */
const CODE_WORD =
  /\b(?:_*[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]|E[A-Z]{3,}|E2BIG|NUL|SIG[A-Z0-9]+|SHM[A-Z]+|(?:shm_)?(?:perm|segsz|nattch|cpid|lpid|atime|dtime|ctime)|cuid|cgid|perms|dest|_*(?!atomic_)[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9](?![.][ch]\b))\b|(?<=\/proc\/(?:\d+|PID)\/)[a-z_]+\b/g;

/** A call named with empty parentheses, as a trace note names one: "fork()". */
const NAMED_CALL = /\b[a-z][a-z0-9_]*\(\)/g;

/** Words of that shape that C programmers read as plain words: no glossary entry. */
const PLAIN = new Set(['size_t']);

/** The code-like words of a text, in order of appearance, each once. */
export function termsIn(text: string): string[] {
  return [...new Set(text.match(CODE_WORD) ?? [])].filter((w) => !PLAIN.has(w));
}

/** An entry's text with the parts held back (`shows`) that `shown` lets through, in order:
 *  all of them unless told (`ipclab glossary` prints all). */
export function entryText(entry: GlossaryEntry, lang: 'en' | 'zh', shown: (part: Shown) => boolean = () => true): string {
  return [entry.text[lang], ...(entry.shows ?? []).filter(shown).map((part) => part.text[lang])].join(lang === 'en' ? ' ' : '');
}

/** The entries whose name or text (in either language) holds `query`, any case: those
 *  whose name (the heading) holds it first (a search for "nattch" finds its own entry
 *  before the many that mention it), then those whose text does; each group in the
 *  glossary's order, so that within a group match 2 is never above match 1 on the screen
 *  (fix18f#4: a name starting with the query ranked first put "owner" as 1 of 7 below
 *  "root：CAP_IPC_OWNER", 2 of 7). `ipclab glossary QUERY` and the glossary screen's /
 *  search both find with it; the screen's searches only the parts it shows (`shown`), so
 *  a search does not find an answer held back. */
export function glossaryMatches(query: string, glossary: readonly GlossaryEntry[] = GLOSSARY, shown?: (part: Shown) => boolean): GlossaryEntry[] {
  const q = searched(query);
  const rank = (e: GlossaryEntry) => {
    if ([e.name.en, e.name.zh].some((t) => t.toLowerCase().includes(q))) return 0;
    return (['en', 'zh'] as const).some((lang) => entryText(e, lang, shown).toLowerCase().includes(q)) ? 1 : -1;
  };
  const ranked = glossary.map((e) => ({ e, r: rank(e) })).filter(({ r }) => r >= 0);
  return [0, 1].flatMap((r) => ranked.filter((x) => x.r === r).map(({ e }) => e));
}

/** What a search looks for: a call as the trace writes it ("fork()") is its name, as the
 *  glossary's headings name calls. */
function searched(query: string): string {
  return query.replace(/\(\)$/, '').toLowerCase();
}

/** Where among `found` (glossaryMatches) a search lands first: on the entry whose heading
 *  starts with the query, in either language ("/owner": owner's entry, not "root:
 *  CAP_IPC_OWNER" above it), else on the first. The matches keep the list's order, so
 *  Enter goes on down the list from there, round them. */
export function firstHit(query: string, found: readonly GlossaryEntry[]): number {
  const q = searched(query);
  // then one that holds it as a word of its own: "/ack" landed on "P and V" for its "back" (a newcomer pass)
  const word = new RegExp(`(^|[^\\p{L}\\p{N}_])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u');
  const names = (e: GlossaryEntry) => lowered(e).names;
  const texts = (e: GlossaryEntry) => lowered(e).texts;
  // the regex only where the text holds the query at all: a search of every text with it was most of firstHit's time
  const holds = (t: string) => t.includes(q) && word.test(t);
  const tests = [(e: GlossaryEntry) => names(e).some((t) => t.startsWith(q)), (e: GlossaryEntry) => names(e).some(holds), (e: GlossaryEntry) => texts(e).some(holds)];
  for (const test of tests) {
    const at = found.findIndex(test);
    if (at >= 0) return at;
  }
  return 0;
}

/** An entry's headings and whole texts in lower case, made once: the "New terms" ask firstHit
 *  for every word a lesson shows (glossaryWord), ~70 ms of parent-child's first frame. */
function lowered(e: GlossaryEntry): { names: string[]; texts: string[] } {
  let found = loweredKept.get(e);
  if (!found) {
    found = { names: [e.name.en, e.name.zh].map((t) => t.toLowerCase()), texts: (['en', 'zh'] as const).map((lang) => entryText(e, lang, () => true).toLowerCase()) };
    loweredKept.set(e, found);
  }
  return found;
}
const loweredKept = new WeakMap<GlossaryEntry, { names: string[]; texts: string[] }>();

/** The entry that holds a term, if any. */
export function entryFor(term: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry | undefined {
  return glossary.find((e) => e.terms.includes(term));
}

/** What the glossary screen's search (/) finds of `query` in any case: its entries' parts always
 *  shown, not those held back until a step ran (`shows`). */
const foundAlways = (query: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] => {
  // glossaryMatches over texts made lower case once per glossary: the "New terms" ask for every
  // word a lesson shows (metKeys), and lowering every entry's text per word cost ~90 ms of a cold start
  let hay = alwaysText.get(glossary);
  if (!hay) {
    hay = glossary.map((e) => ({ e, name: [e.name.en, e.name.zh].map((t) => t.toLowerCase()), text: (['en', 'zh'] as const).map((lang) => entryText(e, lang, () => false).toLowerCase()) }));
    alwaysText.set(glossary, hay);
  }
  const q = searched(query);
  // kept by query: glossaryWord asks for its word twice and for each term of the entry,
  // and the entries of one text share terms (a cold start's first frame asked ~3 times per query)
  let byQuery = alwaysFound.get(glossary);
  if (!byQuery) alwaysFound.set(glossary, (byQuery = new Map()));
  let found = byQuery.get(q);
  if (!found) {
    found = [...hay.filter((h) => h.name.some((t) => t.includes(q))), ...hay.filter((h) => !h.name.some((t) => t.includes(q)) && h.text.some((t) => t.includes(q)))].map((h) => h.e);
    if (byQuery.size >= ENTRIES_KEPT) byQuery.clear();
    byQuery.set(q, found);
  }
  return found;
};
const alwaysText = new WeakMap<readonly GlossaryEntry[], { e: GlossaryEntry; name: string[]; text: string[] }[]>();
const alwaysFound = new WeakMap<readonly GlossaryEntry[], Map<string, GlossaryEntry[]>>();

/** Whether a search for `query` in the glossary (g, /) lands on `entry` first (firstHit). */
const landsOn = (query: string, entry: GlossaryEntry, glossary: readonly GlossaryEntry[]) => {
  const found = foundAlways(query, glossary);
  return found[firstHit(query, found)] === entry;
};

/** The word a "New terms" line names an entry by, so that a search for it in the glossary
 *  (g, /) finds the entry: the word the text used where the search lands on the entry, else
 *  the entry's own term that does and is akin to it (contains it or is contained), else the
 *  word where the search finds the entry at all, else a term its heading shows. The
 *  word as found may not be found there: "pids" (the pid entry's term, the plural of its
 *  heading's "pid"), shm_nattch, CAS (fix23d#1). */
export function glossaryWord(entry: GlossaryEntry, word: string, lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): string {
  const key = `${lang} ${entry.id} ${word}`;
  const known = glossaryWords.get(glossary)?.get(key);
  if (known !== undefined) return known;
  const heading = outsideBrackets(entry.name[lang]).toLowerCase();
  const held = (w: string) => heading.includes(w.toLowerCase());
  const akin = (w: string) => w.toLowerCase().includes(word.toLowerCase()) || word.toLowerCase().includes(w.toLowerCase());
  const shown = entry.terms.filter(held);
  const lands = shown.filter((t) => landsOn(t, entry, glossary));
  // a word the search finds among others is found by Enter past the matches above it ("exec":
  // SHM_EXEC first; semnum, the Kernel pane's heading, in sembuf's text): kept rather than
  // another word the text or pane did not say (fork, struct sembuf)
  const found = foundAlways(word, glossary).includes(entry);
  const named = [landsOn(word, entry, glossary) ? word : undefined, lands.find(akin), found ? word : undefined, shown.find(akin), lands[0], shown[0]].find((w) => w !== undefined) ?? word;
  const byKey = glossaryWords.get(glossary) ?? new Map<string, string>();
  glossaryWords.set(glossary, byKey.set(key, named));
  return named;
}

// glossaryWord by glossary: the pane names the same few words on every frame
const glossaryWords = new WeakMap<readonly GlossaryEntry[], Map<string, string>>();

const WORD_CHAR = /[A-Za-z0-9_]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** Whether text[i] is part of an ASCII word (false outside the text). */
const wordCharAt = (text: string, i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);

/** Where `term` occurs in `text` as a word of its own: [start, end) of each occurrence.
 *  ASCII terms only as whole words ("key" is not in "keyboard"); CJK ones anywhere; a term
 *  of several words as a phrase, whatever its case and spacing (phrasePattern).
 *  A plain search, not a regex per term: firstUses looks for every term in every text,
 *  and compiling a pattern for each cost more than the search (bench/startup.md). */
function occurrences(text: string, term: string): [number, number][] {
  if (/\s/.test(term.trim())) return phraseOccurrences(text, term);
  const whole = PRINTABLE_ASCII.test(term);
  const found: [number, number][] = [];
  // an empty term would be found everywhere, and is no word
  let at = term === '' ? -1 : text.indexOf(term);
  while (at >= 0) {
    const end = at + term.length;
    if (whole && (wordCharAt(text, at - 1) || wordCharAt(text, end))) at = text.indexOf(term, at + 1);
    else {
      found.push([at, end]);
      at = text.indexOf(term, end);
    }
  }
  return found;
}

// a multi-word term's pattern, made once per term (occurrences is called for every term
// on every text)
const phrases = new Map<string, RegExp>();

/** The pattern of a term of several words ("address space", "P and V", "kill -9", "P 和 V"):
 *  its words in order, any case, with any run of white space between them (a double space,
 *  a line break where the text was wrapped), none needed beside a Chinese character ("P和V");
 *  an ASCII word at either end only as a whole word ("kill -9" is not in "skill -90"). */
export function phrasePattern(term: string): RegExp {
  let re = phrases.get(term);
  if (!re) {
    const words = term.trim().split(/\s+/);
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const wide = (c: string) => !/[\x00-\x7f]/.test(c);
    let source = escape(words[0]!);
    for (let k = 1; k < words.length; k++) source += (wide(words[k - 1]!.at(-1)!) || wide(words[k]![0]!) ? '\\s*' : '\\s+') + escape(words[k]!);
    const first = words[0]![0]!;
    const last = words.at(-1)!.at(-1)!;
    re = new RegExp(`${WORD_CHAR.test(first) ? '(?<![A-Za-z0-9_])' : ''}${source}${WORD_CHAR.test(last) ? '(?![A-Za-z0-9_])' : ''}`, 'giu');
    phrases.set(term, re);
  }
  return re;
}

/** Where a term of several words occurs as a phrase (phrasePattern). */
function phraseOccurrences(text: string, term: string): [number, number][] {
  // none where its first word is nowhere, any case: a look cheaper than the pattern, which
  // a cold start ran for every such term on every text of the lessons before the one opened
  const first = term.trim().split(/\s+/)[0]!;
  if (PRINTABLE_ASCII.test(first) && !foldedText(text).includes(first.toLowerCase())) return [];
  return [...text.matchAll(phrasePattern(term))].map((m) => [m.index, m.index + m[0].length]);
}

/** `text` in lower case with ſ as s: where an ASCII word matches the phrase pattern in any
 *  case (the flag u folds ſ to s and the Kelvin sign K to k), its lower case is found here.
 *  The last one kept: usesIn looks for every term in one text in turn. */
let folded = { text: '', lower: '' };
function foldedText(text: string): string {
  if (folded.text !== text) folded = { text, lower: text.toLowerCase().replace(/\u017f/g, 's') };
  return folded.lower;
}

interface Occurrence {
  entry: GlossaryEntry;
  at: [number, number];
}

/** Where `text` uses the entries, in order: each term as a word of its own, not as part of
 *  a longer term of any entry: the V of "System V" is no use of P and V, and the IPC of
 *  "System V IPC" is no second use of that entry besides the whole. */
function usesIn(text: string, glossary: readonly GlossaryEntry[]): Occurrence[] {
  const found: Occurrence[] = glossary.flatMap((entry) => entry.terms.flatMap((term) => occurrences(text, term).map((at) => ({ entry, at }))));
  const inLonger = ({ at: [a, b] }: Occurrence) => found.some((o) => o.at[0] <= a && b <= o.at[1] && o.at[1] - o.at[0] > b - a);
  // a phrase matched in any case is found once by its terms of several cases ('the notes', 'The notes')
  const again = (f: Occurrence, i: number) => found.findIndex((o) => o.at[0] === f.at[0] && o.at[1] === f.at[1]) < i;
  return found.filter((f, i) => !inLonger(f) && !again(f, i)).sort((x, y) => x.at[0] - y.at[0]);
}

/** The entries `text` uses (usesIn), each with the terms the text uses, as written there,
 *  in order, each once whatever its case. Kept by glossary and text (read-only: shared by
 *  every caller): the lesson pane's "New terms" ask for the same few texts at every change
 *  of the store, and searching every term of the glossary in each was most of what l and a
 *  lesson switch cost (bench (b), 62 and 53 ms: tests/app/key-work.test.tsx). */
export function entriesUsed(text: string, glossary: readonly GlossaryEntry[]): ReadonlyMap<GlossaryEntry, readonly string[]> {
  let byText = entriesKept.get(glossary);
  if (!byText) entriesKept.set(glossary, (byText = new Map()));
  const known = byText.get(text);
  if (known) return known;
  if (byText.size >= ENTRIES_KEPT) byText.clear();
  const used = findEntriesUsed(text, glossary);
  byText.set(text, used);
  return used;
}

// entriesUsed by glossary and text: the texts of every lesson in both languages are ~600,
// `ipclab check`'s whole run asks for ~1600
const entriesKept = new WeakMap<readonly GlossaryEntry[], Map<string, ReadonlyMap<GlossaryEntry, readonly string[]>>>();
const ENTRIES_KEPT = 8192;

function findEntriesUsed(text: string, glossary: readonly GlossaryEntry[]): Map<GlossaryEntry, string[]> {
  const used = new Map<GlossaryEntry, string[]>();
  for (const o of usesIn(text, glossary)) {
    const words = used.get(o.entry) ?? [];
    // a phrase found across a line break or a double space is named with one space
    const word = text.slice(...o.at).replace(/\s+/g, ' ');
    if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word);
    used.set(o.entry, words);
  }
  return used;
}

/** The phrases of `text` that read as an entry's heading ("System V IPC") but are made of
 *  two or more of its terms side by side on one line ("System V" and "IPC"): a "New terms"
 *  line would name them apart ("System V, IPC"), not in the glossary's own form. None once
 *  the entry lists the phrase as a term of its own. Each with its entry's id. */
export function splitPhrases(text: string, lang: 'en' | 'zh', glossary: readonly GlossaryEntry[]): { entry: string; phrase: string }[] {
  const uses = usesIn(text, glossary);
  const out: { entry: string; phrase: string }[] = [];
  for (let i = 0; i < uses.length; i++) {
    let j = i;
    while (j + 1 < uses.length && uses[j + 1]!.entry === uses[i]!.entry && /^[ \t]*$/.test(text.slice(uses[j]!.at[1], uses[j + 1]!.at[0]))) j++;
    const entry = uses[i]!.entry;
    const phrase = text.slice(uses[i]!.at[0], uses[j]!.at[1]).replace(/\s+/g, ' ');
    if (j > i && outsideBrackets(entry.name[lang]).toLowerCase().includes(phrase.toLowerCase())) out.push({ entry: entry.id, phrase });
    i = j;
  }
  return out;
}

/** A heading without what it holds in brackets: 比较并交换 of "比较并交换（compare-and-swap）". */
export const outsideBrackets = (heading: string) => heading.replace(/[（(][^）)]*[）)]/g, '');

/** What a learner has met of an entry when the text uses `word`: that word, as the "New
 *  terms" line names it (glossaryWord: pid for "pids", fork for "fork()"), and every word of
 *  the entry that name holds whole ("System V IPC" holds System V and IPC, "struct sembuf"
 *  sembuf). A word is listed where the learner first sees it, whichever entry it belongs to:
 *  an entry of several words (cuid, cgid, cpid; atime, dtime, ctime) named by one of them
 *  has not shown the others (issue 16 item 5: overview 2's cuid, met only through "owner").
 *  Callers compare by these keys, never by entry (stepTerms, findTraceTerms). */
function metKeys(entry: GlossaryEntry, word: string, lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  if (ONE_LISTING.has(entry.id)) return [`${entry.id} *`];
  const named = glossaryWord(entry, word, lang, glossary);
  const plain = cSpellingOf(entry, named);
  if (plain) return metKeys(entry, plain, lang, glossary);
  const key = (w: string) => `${entry.id} ${searched(oneName(entry, w))}`;
  const inside = entry.terms.filter((t) => t.toLowerCase() !== named.toLowerCase() && occurrences(named, t).length > 0);
  return [...new Set([key(named), ...inside.map((t) => key(glossaryWord(entry, t, lang, glossary)))])];
}

/** The term of `entry` that `word` spells the C way, with a prefix or suffix joined by '_',
 *  or with C's `struct` before it: the same thing, met once by either spelling (key_t is a
 *  key's type, shm_nattch the field ipcs shows as nattch, SHM_DEST the status dest; issue 16:
 *  key_t was new at shmget 1 after overview 1's key, struct shmid_ds at shmctl 1 after shmget
 *  5's shmid_ds). A word with a letter more (cuid after uid) is another thing. */
export function cSpellingOf(entry: GlossaryEntry, word: string): string | undefined {
  const struct = /^struct (\w+)$/.exec(word)?.[1];
  if (struct) return entry.terms.find((t) => t === struct);
  const parts = word.toLowerCase().split('_');
  return parts.length > 1 ? entry.terms.find((t) => t.toLowerCase() !== word.toLowerCase() && parts.includes(t.toLowerCase())) : undefined;
}

/** `word` as the first of the names `entry`'s heading gives as one, "a / b" in either language
 *  (owner / 属主, 权限 / perms / access_perms / mode): a translation or another name of one
 *  thing, met once by any of them (issue 16, s36: zh overview 5 listed 属主 after step 1's
 *  owner, and 3 权限 after step 1's perms); else `word`. */
function oneName(entry: GlossaryEntry, word: string): string {
  const w = searched(word);
  const groups = [entry.name.en, entry.name.zh].flatMap((n) => n.split(/[：:,，、（）()]/)).map((part) => part.split(' / ').map((x) => searched(x.trim())));
  return groups.find((names) => names.length > 1 && names.includes(w))?.[0] ?? word;
}

/** Entries listed once, by any of their words: errno, whose names a trace line explains where
 *  it shows one (the one formatter: "ENOENT (no segment has this key)") and a question offers
 *  as choices (shmget 3's EINVAL, ENOENT), where listing the name would point at the answer. */
const ONE_LISTING: ReadonlySet<string> = new Set(['errno']);

/** Whether `keys` (metKeys) hold any word of `entry`. */
const entryMet = (keys: ReadonlySet<string>, entry: GlossaryEntry) => [...keys].some((k) => k.startsWith(`${entry.id} `));

/** Everything a learner reads in a lesson, in order, grouped by the step it is shown with,
 *  in two parts: what is shown before the step runs (the title and intro with the first
 *  step, the step's title and text, the question asked before it runs and its choices:
 *  a term offered as an answer is named before the learner picks it; then the Flow's labels
 *  on screen meanwhile, unmasked: flow-words.ts) and what its run brings (its notice and
 *  aside, the outro with the last step, the Flow's labels once it ran). */
export function textsByStep(lesson: Lesson, lang: 'en' | 'zh'): StepTexts[] {
  // each part made when read: the first frame reads its step's alone (metAt), and the
  // Flow's labels cost a diagram parse each
  return lesson.steps.map((step, i) => ({
    get saidBefore() {
      return [
        i === 0 ? `${lesson.title[lang]}\n${lesson.intro[lang]}\n${lesson.aside?.[lang] ?? ''}` : '',
        step.title[lang],
        step.say[lang],
        ...[lesson.checkpoints?.[step.id]].flatMap((q) => (q ? [q.question[lang], ...q.choices.map((c) => c[lang])] : [])),
      ].join('\n');
    },
    get flowBefore() {
      return flowTextBefore(lesson, lang, i);
    },
    get saidAfter() {
      return [step.notice[lang], step.aside?.[lang] ?? '', i === lesson.steps.length - 1 ? lesson.outro[lang] : ''].join('\n');
    },
    get flowAfter() {
      return flowTextAfter(lesson, lang, i);
    },
    get before() {
      return `${this.saidBefore}\n${this.flowBefore}`;
    },
    get after() {
      return `${this.saidAfter}\n${this.flowAfter}`;
    },
  }));
}

/** A step's texts (textsByStep): what the lesson pane says (`said…`) and the Flow's labels
 *  (`flow…`), before its run and with it; `before` and `after` hold both. */
export interface StepTexts {
  readonly saidBefore: string;
  readonly flowBefore: string;
  readonly saidAfter: string;
  readonly flowAfter: string;
  readonly before: string;
  readonly after: string;
}

/** Where a learner sees a term a step is the first to show: the lesson pane's own text (its
 *  step, question, notice), the Flow's labels, the Trace's lines, the Kernel pane's headings.
 *  The "New terms" line names those outside the text apart, with their pane: a learner reads
 *  the line as words of the text above it (fix23d#2: msg 6's fork() only the Trace shows). */
export type TermPlace = 'text' | 'flow' | 'trace' | 'kernel';

/** The entries a lesson's own words use anywhere (every step's text, question, notice; not the
 *  Flow's labels): a "New terms" line may count a word seen only in another pane ("+ 5 more in
 *  the Kernel pane") only when the lesson pane never shows it. Kept per lesson and language. */
export function saidByLesson(lesson: Lesson, lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): ReadonlySet<GlossaryEntry> {
  const byLesson = saidKept.get(glossary) ?? new WeakMap();
  saidKept.set(glossary, byLesson);
  const byLang = byLesson.get(lesson) ?? {};
  byLesson.set(lesson, byLang);
  return (byLang[lang] ??= new Set(textsByStep(lesson, lang).flatMap((t) => [...entriesUsed(`${t.saidBefore}\n${t.saidAfter}`, glossary).keys()])));
}

const saidKept = new WeakMap<readonly GlossaryEntry[], WeakMap<Lesson, Partial<Record<'en' | 'zh', Set<GlossaryEntry>>>>>();

/** The entries a learner meets first in one part of a step, each with the term it was met by. */
interface Fresh {
  entries: GlossaryEntry[];
  words: string[];
  /** where each is seen */
  where: TermPlace[];
}

/** Which lesson, and what its learner met before it: `ran`, the ids of the lessons before it
 *  the learner ran (the progress: src/app/store/progress.ts), whose terms count as met, so a
 *  learner who starts at parent-child is pointed to the notes there, and one who went
 *  through the course in order is not pointed to them again; `shown`, what the traces of
 *  those lessons showed (traceShown: ftok's open(O_WRONLY)), as the progress kept it. A bare index is a learner going
 *  through the lessons in order (`ipclab check`, the tests). */
export type LessonAt = number | { index: number; ran: readonly string[]; shown?: readonly string[] };

/** What a learner met before a lesson (keys of metKeys), and per step what is new there:
 *  before the step runs (its text), and in what its run brings (its notice). */
interface Met {
  prior: Set<string>;
  /** steps 0 to `step` (each step's new terms depend on the steps before it), found as
   *  far as asked: the first frame asks for the step it shows */
  upTo(step: number): { before: Fresh[]; after: Fresh[] };
  /** every step's */
  readonly before: Fresh[];
  readonly after: Fresh[];
}

/** Kept: the lessons, the glossary and the texts never change while ipclab runs, and the
 *  lesson pane asks on every frame. A lesson's new terms need only the lessons before it:
 *  the first frame finds those of the lesson it opens, not of every lesson. */
const metKept = new WeakMap<readonly GlossaryEntry[], WeakMap<readonly Lesson[], Map<string, Met>>>();
const usedKept = new WeakMap<readonly GlossaryEntry[], WeakMap<Lesson, Partial<Record<'en' | 'zh', Set<string>>>>>();

/** Where keysUsed and earlierTerms of the course's own glossary are kept across runs, as
 *  lists of words (set by the bundle's start: src/cli.ts); none when run from src/. */
let keptFound: ((key: string, find: () => string[]) => string[]) | undefined;

/** Keeps keysUsed and earlierTerms across runs: reading lessons 1-6 for the glossary's words
 *  was ~120 ms of CPU of parent-child's first frame (its "terms of lessons 1-6" line). */
export function keepFound(keeper: typeof keptFound): void {
  keptFound = keeper;
}

/** Every key (metKeys) the texts of a lesson use. */
function keysUsed(lesson: Lesson, lang: 'en' | 'zh', glossary: readonly GlossaryEntry[]): Set<string> {
  const byLesson = usedKept.get(glossary) ?? new WeakMap();
  usedKept.set(glossary, byLesson);
  const byLang = byLesson.get(lesson) ?? {};
  byLesson.set(lesson, byLang);
  const find = () => [
    ...new Set(
      textsByStep(lesson, lang).flatMap(({ before, after }) => [...entriesUsed(`${before}\n${after}`, glossary)].flatMap(([entry, words]) => words.flatMap((w) => metKeys(entry, w, lang, glossary)))),
    ),
  ];
  return (byLang[lang] ??= new Set(keptFound && glossary === GLOSSARY ? keptFound(`keys-used ${lesson.id} ${lang}`, find) : find()));
}

/** What the learner of `at` met before the lesson and meets first at each of its steps, found once. */
function metAt(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, glossary: readonly GlossaryEntry[]): Met {
  const index = typeof at === 'number' ? at : at.index;
  const earlier = lessons.slice(0, Math.max(0, index)).filter((l) => typeof at === 'number' || at.ran.includes(l.id));
  const byLessons = metKept.get(glossary) ?? new WeakMap();
  metKept.set(glossary, byLessons);
  const kept = byLessons.get(lessons) ?? new Map<string, Met>();
  byLessons.set(lessons, kept);
  const shown = typeof at === 'number' ? [] : (at.shown ?? []);
  const key = `${lang} ${index} ${earlier.map((l) => l.id).join(',')} ${shown.join(',')}`;
  const found = kept.get(key);
  if (found) return found;
  const prior = new Set([...earlier.flatMap((l) => [...keysUsed(l, lang, glossary)]), ...shown]);
  // an introduced entry is explained by the text that uses it first in the course, for every
  // learner (found when one is met: it reads every text of the lessons before)
  let inCourseKeys: Set<string> | undefined;
  const inCourse = () => (inCourseKeys ??= new Set(lessons.slice(0, Math.max(0, index)).flatMap((l) => [...keysUsed(l, lang, glossary)])));
  const met = new Set(prior);
  const meet = (text: string, place: TermPlace, fresh: Fresh = { entries: [], words: [], where: [] }): Fresh => {
    const used = entriesUsed(text, glossary);
    for (const entry of glossary.filter((e) => used.has(e))) {
      const explained = entry.introduced && !entryMet(met, entry) && !entryMet(inCourse(), entry);
      for (const word of used.get(entry)!) {
        // every word of an entry is new where first seen ("SIGUSR1, SIGUSR2"; cuid after owner)
        const keys = metKeys(entry, word, lang, glossary);
        if (keys.every((k) => met.has(k))) {
          // an entry listed once (errno): a second word of it this same text is the first to
          // use, and its heading shows, is named too ("ENOENT, EEXIST"), not left to guess
          const heading = outsideBrackets(entry.name[lang]).toLowerCase();
          const inOther = (w: string) => w.toLowerCase().includes(word.toLowerCase()) || word.toLowerCase().includes(w.toLowerCase());
          if (ONE_LISTING.has(entry.id) && fresh.entries.includes(entry) && heading.includes(word.toLowerCase()) && !fresh.words.some(inOther)) {
            fresh.entries.push(entry);
            fresh.words.push(word);
            fresh.where.push(place);
          }
          continue;
        }
        if (!explained && !entry.misspelling) {
          fresh.entries.push(entry);
          fresh.words.push(word);
          fresh.where.push(place);
        }
        keys.forEach((k) => met.add(k));
      }
    }
    return fresh;
  };
  const lesson = lessons[index];
  const texts = lesson ? textsByStep(lesson, lang) : [];
  const before: Fresh[] = [];
  const after: Fresh[] = [];
  const upTo = (step: number) => {
    for (let i = before.length; i <= Math.min(step, texts.length - 1); i++) {
      // what the pane's text says first, then what only the Flow's labels show
      before.push(meet(texts[i]!.flowBefore, 'flow', meet(texts[i]!.saidBefore, 'text')));
      after.push(meet(texts[i]!.flowAfter, 'flow', meet(texts[i]!.saidAfter, 'text')));
    }
    return { before, after };
  };
  const out: Met = {
    prior,
    upTo,
    get before() {
      return upTo(Infinity).before;
    },
    get after() {
      return upTo(Infinity).after;
    },
  };
  kept.set(key, out);
  return out;
}

/** The terms of lesson `at` that the lessons before it teach (their texts, on the course path)
 *  and this learner did not run (LessonAt's `ran`): not new at a step of this lesson, they are
 *  grouped apart, once, where it starts (issue 16: parent-child from the menu named 16 words
 *  under step 1's notice, none of them the lesson's own). `lessons`: for each entry, the lesson
 *  (index) whose text uses that word first. None for a bare index or a learner who ran them all. */
export interface EarlierTerms {
  entries: GlossaryEntry[];
  words: string[];
  lessons: number[];
}

/** Whether `word` of `entry` is one the lessons before `at` teach and its learner did not run. */
export function taughtEarlier(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, entry: GlossaryEntry, word: string, glossary: readonly GlossaryEntry[] = GLOSSARY): boolean {
  if (typeof at === 'number' || entry.misspelling) return false;
  const course = metAt(lessons, lang, at.index, glossary).prior;
  const keys = metKeys(entry, word, lang, glossary);
  return keys.every((k) => course.has(k)) && keys.some((k) => !metAt(lessons, lang, at, glossary).prior.has(k));
}

/** Every EarlierTerms word of lesson `at`, known before it runs: those its texts and Flow use
 *  (every step's), then the trace's pid column and the Kernel pane's headings over the objects
 *  those texts name a call of (shmget: key, nattch, IPC_STAT's dtime), which its run shows; each
 *  once, by the word the line would name. A word only its trace shows (a call's flag) stays
 *  new at the step that shows it. */
export function earlierTerms(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, glossary: readonly GlossaryEntry[] = GLOSSARY): EarlierTerms {
  const out: EarlierTerms = { entries: [], words: [], lessons: [] };
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  if (typeof at === 'number' || !lesson) return out;
  // kept: the lesson pane asks for every step's line (textNewTerms), and the Flow's labels cost a parse each
  const byLessons = earlierKept.get(glossary) ?? new WeakMap();
  earlierKept.set(glossary, byLessons);
  const kept = byLessons.get(lessons) ?? new Map<string, EarlierTerms>();
  byLessons.set(lessons, kept);
  const key = `${lang} ${at.index} ${at.ran.join(',')} ${at.shown?.join(',') ?? ''}`;
  const found = kept.get(key);
  if (found) return found;
  kept.set(key, out);
  const find = () => {
    findEarlier(lessons, lang, at, lesson, glossary, out);
    return out.entries.map((entry, i) => `${entry.id}\t${out.words[i]}\t${out.lessons[i]}`);
  };
  if (!keptFound || glossary !== GLOSSARY) {
    find();
    return out;
  }
  // kept across runs (per bundle) as rows of entry, word and lesson; read back when not found now
  const rows = keptFound(`earlier-terms ${key}`, find);
  if (out.entries.length > 0) return out;
  const read = rows.map((row) => row.split('\t')).map(([id, word, index]) => ({ entry: glossary.find((e) => e.id === id), word, index: Number(index) }));
  if (read.some((r) => !r.entry || r.word === undefined)) find();
  else {
    for (const r of read) {
      out.entries.push(r.entry!);
      out.words.push(r.word!);
      out.lessons.push(r.index);
    }
  }
  return out;
}

/** earlierTerms as found from the texts: into `out`. */
function findEarlier(lessons: readonly Lesson[], lang: 'en' | 'zh', at: Exclude<LessonAt, number>, lesson: Lesson, glossary: readonly GlossaryEntry[], out: EarlierTerms): void {
  const add = (entry: GlossaryEntry, word: string) => {
    const named = glossaryWord(entry, word, lang, glossary);
    if (out.words.includes(named) || !taughtEarlier(lessons, lang, at, entry, word, glossary)) return;
    const keys = metKeys(entry, word, lang, glossary);
    out.entries.push(entry);
    out.words.push(named);
    out.lessons.push(lessons.findIndex((l, i) => i < at.index && keys.some((k) => keysUsed(l, lang, glossary).has(k))));
  };
  const texts = textsByStep(lesson, lang).map((t) => `${t.before}\n${t.after}`).join('\n');
  for (const [entry, words] of entriesUsed(texts, glossary)) words.forEach((w) => add(entry, w));
  // the objects it works on: its steps' code (the C pane's anchors) and its Flow name their calls
  const code = [...lesson.steps.flatMap((st) => [st.code ?? []].flat()), ...lesson.diagrams.map((d) => labelsShown(d, lang, []))].join('\n');
  const made = Object.entries(CALLS_ON).filter(([, calls]) => calls.some((call) => new RegExp(`\\b${call}\\b`).test(code)));
  const shown = [PID_COLUMN, ...made.flatMap(([call]) => [...objectWords(call), ...(RECORD_WORDS[call as keyof typeof RECORD_WORDS] ?? [])])];
  for (const word of shown) {
    const entry = entryFor(word, glossary);
    if (entry) add(entry, word);
  }
}

const earlierKept = new WeakMap<readonly GlossaryEntry[], WeakMap<readonly Lesson[], Map<string, EarlierTerms>>>();

/** For each step of lesson `index`, the glossary entries a learner going through the
 *  lessons in order meets there for the first time before it runs, in its title and text:
 *  the "New terms" line under that text. What its notice is the first to name comes with
 *  the run (traceTerms). */
export function newTerms(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[][] {
  return metAt(lessons, lang, at, glossary).before.map((f) => f.entries);
}

/** newTerms as the lesson pane's "New terms" line names them: by the term the text used
 *  ("owner", not the entry's heading "owner: uid, gid, cuid, cgid, nobody"), in the same order. */
export function newTermWords(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, glossary: readonly GlossaryEntry[] = GLOSSARY): string[][] {
  return metAt(lessons, lang, at, glossary).before.map((f) => f.words);
}

/** For each step of lesson `index`, the entries its notice and aside are the first to name
 *  (shown once it ran), by the term they use. */
export function noticeTermWords(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, glossary: readonly GlossaryEntry[] = GLOSSARY): TraceTerms[] {
  return metAt(lessons, lang, at, glossary).after;
}

/** Every entry each step of every lesson is the first to use, before and after its run, in order. */
export function firstUses(lessons: readonly Lesson[], lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[][][] {
  return lessons.map((_, index) => {
    const met = metAt(lessons, lang, index, glossary);
    // an entry a step names by two words (SIGUSR1, SIGUSR2) is one first use
    return met.before.map((f, i) => [...new Set([...f.entries, ...(met.after[i]?.entries ?? [])])]);
  });
}

/** newTermWords of step `view` as the pane lists them once the steps before it ran: without
 *  what the run's trace of those steps showed first (traceTerms), so a term a note named
 *  at step 6 (fork()) is not new again where the text names it at step 8. */
export function stepTermWords(
  lessons: readonly Lesson[],
  lang: 'en' | 'zh',
  at: LessonAt,
  view: number,
  run: RunShown,
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): string[] {
  return stepTerms(lessons, lang, at, view, run, glossary).words;
}

/** stepTermWords with their entries and where each is seen (the step's text, or only the Flow).
 *  Kept as traceTerms is, by trace and what else they follow from (read-only: shared by every
 *  caller): the lesson pane asks on every change of the store, for each word of the line. */
export function stepTerms(
  lessons: readonly Lesson[],
  lang: 'en' | 'zh',
  at: LessonAt,
  view: number,
  run: RunShown,
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): TraceTerms {
  return keptPerTrace(stepTermsKept, findStepTerms, lessons, lang, at, view, run, glossary);
}

const stepTermsKept: TermsKept = new WeakMap();

function findStepTerms(
  lessons: readonly Lesson[],
  lang: 'en' | 'zh',
  at: LessonAt,
  view: number,
  run: RunShown,
  glossary: readonly GlossaryEntry[],
): TraceTerms {
  const fresh = metAt(lessons, lang, at, glossary).upTo(view).before[view];
  if (!fresh) return { entries: [], words: [], where: [] };
  const shown = new Set(
    Array.from({ length: view }, (_, step) => {
      const t = traceTerms(lessons, lang, at, step, run, glossary);
      return t.entries.flatMap((entry, i) => metKeys(entry, t.words[i]!, lang, glossary));
    }).flat(),
  );
  const kept = fresh.entries.flatMap((entry, i) => (metKeys(entry, fresh.words[i]!, lang, glossary).every((k) => shown.has(k)) ? [] : [i]));
  const out: TraceTerms = { entries: kept.map((i) => fresh.entries[i]!), words: kept.map((i) => fresh.words[i]!), where: kept.map((i) => fresh.where[i]!) };
  // a word only an earlier step's notice said, where the run showed its own notice instead
  // (race 2's "atomic add"), was never on screen: new where this step's text says it
  const index = typeof at === 'number' ? at : at.index;
  const lesson = lessons[index];
  if (!lesson || !Array.from({ length: view }, (_, j) => liveNotice(lesson, lang, run, j)).some(Boolean)) return out;
  const known = new Set(metAt(lessons, lang, at, glossary).prior);
  const know = (entry: GlossaryEntry, word: string) => metKeys(entry, word, lang, glossary).forEach((k) => known.add(k));
  const texts = textsByStep(lesson, lang);
  for (let j = 0; j < view; j++) {
    for (const [entry, words] of entriesUsed(texts[j]!.before, glossary)) words.forEach((w) => know(entry, w));
    afterShown(lessons, lang, at, j, run, glossary).forEach(({ entry, word }) => know(entry, word));
    const t = traceTerms(lessons, lang, at, j, run, glossary);
    t.entries.forEach((entry, i) => know(entry, t.words[i]!));
  }
  out.entries.forEach((entry, i) => know(entry, out.words[i]!));
  for (const [part, place] of [[texts[view]!.saidBefore, 'text'], [texts[view]!.flowBefore, 'flow']] as const) {
    for (const [entry, words] of entriesUsed(part, glossary)) {
      if (entry.misspelling || entry.introduced) continue;
      for (const word of words) {
        if (metKeys(entry, word, lang, glossary).every((k) => known.has(k))) continue;
        know(entry, word);
        out.entries.push(entry);
        out.words.push(word);
        out.where.push(place);
      }
    }
  }
  return out;
}

/** A lesson run as the "New terms" read it: its trace, where each step's entries begin, and
 *  the notices its results called for (Step.noticeBy), shown in place of a step's own: the
 *  store's copy (`notices`, by step) or the engine's (`outcomes`). */
export interface RunShown {
  trace: readonly TraceEntry[];
  stepStarts: readonly number[];
  notices?: Readonly<Record<number, Text>>;
  outcomes?: readonly { notice?: Text }[];
}

/** The notice the run of step `step` showed in place of the step's own, if any. */
function liveNotice(lesson: Lesson, lang: 'en' | 'zh', run: RunShown, step: number): Text | undefined {
  const notice = run.notices?.[step] ?? run.outcomes?.[step]?.notice;
  return notice && notice[lang] !== lesson.steps[step]?.notice[lang] ? notice : undefined;
}

/** The words the run of step `step` put in the lesson pane and the Flow with its notice: the
 *  step's own notice's first uses (metAt), or, where the run showed another notice, every word
 *  of that one, its aside, the outro with the last step and the Flow once it ran. */
function afterShown(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, step: number, run: RunShown, glossary: readonly GlossaryEntry[]): { entry: GlossaryEntry; word: string; where: TermPlace }[] {
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const live = lesson && liveNotice(lesson, lang, run, step);
  if (!lesson || !live) {
    const f = metAt(lessons, lang, at, glossary).upTo(step).after[step];
    return f ? f.entries.map((entry, i) => ({ entry, word: f.words[i]!, where: f.where[i]! })) : [];
  }
  const last = step === lesson.steps.length - 1;
  const said = [live[lang], lesson.steps[step]!.aside?.[lang] ?? '', last ? lesson.outro[lang] : ''].join('\n');
  const flow = textsByStep(lesson, lang)[step]!.flowAfter;
  return ([[said, 'text'], [flow, 'flow']] as const).flatMap(([text, where]) =>
    [...entriesUsed(text, glossary)].flatMap(([entry, words]) => (entry.misspelling || entry.introduced ? [] : words.map((word) => ({ entry, word, where })))),
  );
}

/** The entries the run of the step `view` of lesson `index` is the first to show, each by
 *  the term it shows: first what its notice and aside name that no text met so far did
 *  (noticeTermWords), then the code-like words (termsIn) of its trace: what the step's
 *  calls, notes and command output name (SHM_NORESERVE, SIGTERM, wchan) and neither the
 *  texts met so far (up to and with this step's own) nor the trace of the lesson's earlier
 *  steps showed. Listed under the step's notice ("New terms" there), as the notice is shown
 *  only after the run. `trace` and `stepStarts` are the run's (LessonRun); a step not run
 *  yet shows none. Kept per trace: the lesson pane asks on every change of the store. */
export function traceTerms(
  lessons: readonly Lesson[],
  lang: 'en' | 'zh',
  at: LessonAt,
  view: number,
  run: RunShown,
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): TraceTerms {
  return keptPerTrace(traceTermsKept, findTraceTerms, lessons, lang, at, view, run, glossary);
}

/** Terms of a run's step by trace (weakly: a trace left behind goes), then by what else they follow from. */
type TermsKept = WeakMap<readonly TraceEntry[], { lessons: readonly Lesson[]; glossary: readonly GlossaryEntry[]; found: Map<string, TraceTerms> }>;

/** `find`'s answer, kept in `cache` by the run's trace and runKey: a trace is never changed, only
 *  replaced (LessonRun), so its terms stay what they were (traceTerms, stepTerms). */
function keptPerTrace(
  cache: TermsKept,
  find: (lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, view: number, run: RunShown, glossary: readonly GlossaryEntry[]) => TraceTerms,
  lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, view: number, run: RunShown, glossary: readonly GlossaryEntry[],
): TraceTerms {
  let kept = cache.get(run.trace);
  if (!kept || kept.lessons !== lessons || kept.glossary !== glossary) {
    kept = { lessons, glossary, found: new Map() };
    cache.set(run.trace, kept);
  }
  const key = runKey(lessons, lang, at, view, run);
  let found = kept.found.get(key);
  if (!found) {
    found = find(lessons, lang, at, view, run, glossary);
    kept.found.set(key, found);
  }
  return found;
}

/** What a run's terms of step `view` follow from besides the trace, the lessons and the
 *  glossary (traceTerms, stepTerms): the language, the learner's place, where each step's
 *  entries begin and the notices the run showed up to that step. */
function runKey(lessons: readonly Lesson[], lang: 'en' | 'zh', at: LessonAt, view: number, run: RunShown): string {
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const live = lesson ? Array.from({ length: view + 1 }, (_, j) => liveNotice(lesson, lang, run, j)?.[lang] ?? '').join('\u0000') : '';
  return `${lang} ${typeof at === 'number' ? at : `${at.index} ${at.ran.join(',')} ${at.shown?.join(',') ?? ''}`} ${view} ${run.stepStarts.join(',')} ${live}`;
}

export interface TraceTerms {
  entries: GlossaryEntry[];
  words: string[];
  /** where each is seen: a notice's in the text (or the Flow once it ran), the trace's lines, the Kernel pane's headings */
  where: TermPlace[];
}

/** The glossary words a stretch of the trace puts on screen: its lines' code-like words, the
 *  calls a note names as C would make them ("a C program would fork() here"), and the Kernel
 *  pane's headings over the objects its calls made (semncnt, nattch, IPC_STAT's dtime). A prose
 *  word of a note (serv-clnt's "seen at its 100 ms poll", there only when the timer came first)
 *  is not one: the "New terms" line does not follow a run's timing. Exported for the test that
 *  holds that line to what each step showed (tests/app/new-terms-first-shown). */
export function traceWords(trace: readonly TraceEntry[], lang: 'en' | 'zh', glossary: readonly GlossaryEntry[]): { entry: GlossaryEntry; word: string; where: TermPlace }[] {
  const text = trace.flatMap((e) => traceLines(e, lang)).join('\n');
  // every line begins with the pid of its process: the pid column (the entry of pid and the
  // pid column of the trace) is on screen with the first line a step puts there, as the tab
  // bar with parent pid 4242 is (issue 16: in lesson 7 (parent-child) the notice of step 2
  // named pid, which the Trace of step 1 showed); then the code-like words of the lines and
  // the calls named as C makes them
  const column = trace.length > 0 && entryFor(PID_COLUMN, glossary) ? [PID_COLUMN] : [];
  // the output of a command (the headings of ipcs: shmid, perms) is read as it is, every term in it
  const output = trace.flatMap((e) => (e.type === 'output' ? traceLines(e, lang) : [])).join('\n');
  const said = [...entriesUsed(output, glossary).values()].flat();
  const lines = new Set([...column, ...termsIn(text), ...(text.match(NAMED_CALL) ?? []), ...said]);
  // the Kernel pane's headings over what a call made are on screen from that call on (pane-words.ts)
  const pane = trace.flatMap(paneWords);
  return [...new Set([...lines, ...pane])].flatMap((word) => {
    const entry = entryFor(word, glossary);
    // a misspelling a note quotes (ftok 4's IPC_CREATE) is never a term to learn (issue 16: it came
    // back as the trace's word after the texts' were filtered)
    return entry && !entry.misspelling ? [{ entry, word, where: lines.has(word) ? ('trace' as const) : ('kernel' as const) }] : [];
  });
}

/** What a lesson's trace showed a learner, as LessonAt's `shown` takes it: kept in the
 *  progress, as a later lesson's "New terms" needs it and that run's trace is gone by then. */
export function traceShown(trace: readonly TraceEntry[], lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  return [...new Set(traceWords(trace, lang, glossary).flatMap(({ entry, word }) => metKeys(entry, word, lang, glossary)))];
}

/** The word the trace's pid column is named by in the glossary. */
const PID_COLUMN = 'pid';

const traceTermsKept: TermsKept = new WeakMap();

function findTraceTerms(
  lessons: readonly Lesson[],
  lang: 'en' | 'zh',
  at: LessonAt,
  view: number,
  run: RunShown,
  glossary: readonly GlossaryEntry[],
): TraceTerms {
  const none = { entries: [], words: [], where: [] };
  if (view >= run.stepStarts.length) return none;
  const met = { prior: metAt(lessons, lang, at, glossary).prior, ...metAt(lessons, lang, at, glossary).upTo(view) };
  // what the notice names first is new by construction (metAt); seen: keys (metKeys) met before
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const live = lesson ? liveNotice(lesson, lang, run, view) : undefined;
  const notice = live ? none : (met.after[view] ?? none);
  const seen = new Set(met.prior);
  const see = (entry: GlossaryEntry, word: string) => metKeys(entry, word, lang, glossary).forEach((k) => seen.add(k));
  for (const f of met.before.slice(0, view + 1)) f.entries.forEach((e, i) => see(e, f.words[i]!));
  // a notice the run replaced (race 2's, by what this run lost) was not on screen: its words are not met
  for (let step = 0; step <= view; step++) if (step < view || !live) afterShown(lessons, lang, at, step, run, glossary).forEach(({ entry, word }) => see(entry, word));
  const shown = (step: number) => traceWords(run.trace.slice(run.stepStarts[step], run.stepStarts[step + 1] ?? run.trace.length), lang, glossary);
  const earlier = new Set<string>();
  for (let step = 0; step < view; step++) for (const { entry, word } of shown(step)) {
    see(entry, word);
    metKeys(entry, word, lang, glossary).forEach((k) => earlier.add(k));
  }
  // a call an earlier step's trace made is on screen by its name too ("kill(4242, SIGUSR2) = 0"):
  // a notice naming it is not its first showing (issue 16 pass 11: serv-clnt 3's notice names the
  // server's kill, which the client's line of step 2 showed); the trace lists it by its own rules
  for (let step = 0; step < view; step++) for (const e of run.trace.slice(run.stepStarts[step], run.stepStarts[step + 1] ?? run.trace.length)) {
    const entry = e.type === 'call' ? entryFor(e.call, glossary) : undefined;
    if (entry && e.type === 'call') metKeys(entry, e.call, lang, glossary).forEach((k) => earlier.add(k));
  }
  // what the notice names first is not new again when an earlier step's trace showed it
  // (overview: ipcs's nattch column at step 1, the notice's nattch at step 2)
  const out: TraceTerms = { entries: [], words: [], where: [] };
  notice.entries.forEach((entry, i) => {
    if (metKeys(entry, notice.words[i]!, lang, glossary).every((k) => earlier.has(k))) return;
    out.entries.push(entry);
    out.words.push(notice.words[i]!);
    out.where.push(notice.where[i]!);
  });
  // the run's own notice: every word of it not met before, then the trace's
  const fromLive = live ? afterShown(lessons, lang, at, view, run, glossary) : [];
  for (const { entry, word, where } of [...fromLive, ...shown(view)]) {
    if (metKeys(entry, word, lang, glossary).every((k) => seen.has(k))) continue;
    see(entry, word);
    out.entries.push(entry);
    out.words.push(word);
    out.where.push(where);
  }
  return out;
}

/** A term a learner reads with a step that announces nothing (a checkpoint's hint, a choice's
 *  whyNot, the your-turn form's texts; the check's texts after the last step) before any
 *  text that does (title, say, question, choices, notice, aside) named it: `ipclab check`
 *  fails on each, since the "New terms" line would point to it only later, or never. */
export interface EarlyTerm {
  lesson: string;
  /** the step's id, or 'check' for the end-of-lesson check */
  step: string;
  part: string;
  word: string;
  entry: string;
}

/** The texts shown with each step that are no part of textsByStep, by part, and the check's;
 *  `early`: shown before the step runs (a checkpoint's hint, asked for before the answer; the
 *  your-turn form, with the flags and values it offers), so what the step's notice and aside
 *  name first comes too late for it. A whyNot is shown with the grading, after the run. */
function unannouncedTexts(lesson: Lesson, lang: 'en' | 'zh'): { step: string; parts: [string, string, boolean?][] }[] {
  const steps = lesson.steps.map((step) => {
    const cp = lesson.checkpoints?.[step.id];
    const parts: [string, string, boolean?][] = [];
    if (cp) {
      parts.push(['hint', cp.hint[lang], true]);
      cp.choices.forEach((c, i) => c.whyNot && parts.push([`choice ${i + 1} whyNot`, c.whyNot[lang]]));
    }
    if (step.turn) {
      parts.push(['turn say', step.turn.say[lang], true]);
      for (const f of step.turn.fields) {
        parts.push([`turn field '${f.name}' label`, f.label[lang], true]);
        if (f.help) parts.push([`turn field '${f.name}' help`, f.help[lang], true]);
        const k = f.kind;
        if (k.kind === 'flags') for (const b of k.bits) parts.push([`turn field '${f.name}' flag`, b.name, true]);
        if (k.kind === 'choice') for (const c of k.choices) parts.push([`turn field '${f.name}' choice '${c.value}'`, c.label[lang], true]);
      }
    }
    return { step: step.id, parts };
  });
  const check: [string, string][] = (lesson.check ?? []).flatMap((q, n) => [
    [`question ${n + 1}`, q.question[lang]] as [string, string],
    ...q.choices.flatMap((c, i) => [[`question ${n + 1} choice ${i + 1}`, c[lang]] as [string, string], ...(c.whyNot ? [[`question ${n + 1} choice ${i + 1} whyNot`, c.whyNot[lang]] as [string, string]] : [])]),
    [`question ${n + 1} explanation`, q.explain[lang]] as [string, string],
  ]);
  return [...steps, { step: 'check', parts: check }];
}

/** Every EarlyTerm of the lessons, for a learner going through them in order. */
export function earlyTerms(lessons: readonly Lesson[], lang: 'en' | 'zh', glossary: readonly GlossaryEntry[] = GLOSSARY): EarlyTerm[] {
  return lessons.flatMap((lesson, index) => {
    const met = metAt(lessons, lang, index, glossary);
    // by entry, as before: met.prior holds the words met (metKeys), each after its entry's id
    const known = new Set([...met.prior].map((k) => k.slice(0, k.indexOf(' '))));
    const out: EarlyTerm[] = [];
    unannouncedTexts(lesson, lang).forEach(({ step, parts }, i) => {
      met.before[i]?.entries.forEach((e) => known.add(e.id));
      // what the run brings (notice, aside) is known to what is shown after it, not before
      const afterRun = new Set(met.after[i]?.entries.map((e) => e.id) ?? []);
      for (const [part, text, early] of parts) {
        for (const [entry, words] of entriesUsed(text, glossary)) {
          if (entry.introduced || entry.misspelling || known.has(entry.id) || (!early && afterRun.has(entry.id))) continue;
          out.push({ lesson: lesson.id, step, part, word: words[0]!, entry: entry.id });
        }
      }
      afterRun.forEach((id) => known.add(id));
    });
    return out;
  });
}

/** A text's pointer to one entry: "(g: semncnt)", "（按 g 查 root）"; a list ("(g: atime, dtime,
 *  ctime)") points to its first word. "(g: glossary)" names the key, no entry. */
const POINTER = /\(g: ([^),]+)[^)]*\)|（按 g 查 ?([^）、，,]+)[^）]*）/g;

/** The entry `text`'s last pointer names (issue 16: "(g: semncnt)" on screen, g opened at the
 *  step's first new term): the entry of which the word is a term, else the one whose heading
 *  starts with it (root). Undefined when the text points to none. */
export function pointedEntry(text: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry | undefined {
  let found: GlossaryEntry | undefined;
  for (const m of text.matchAll(POINTER)) {
    const word = (m[1] ?? m[2] ?? '').trim();
    const lower = word.toLowerCase();
    const entry = entryFor(word, glossary) ?? glossary.find((e) => [e.name.en, e.name.zh].some((t) => t.toLowerCase().startsWith(lower)));
    if (word && entry) found = entry;
  }
  return found;
}
