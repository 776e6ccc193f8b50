// The errors of the study notes the lessons follow, as data: what the notes say, what
// is true, and the lesson step that shows it live. The errata screen (e), `ipclab
// errata` and the validator read this list; lesson text names an erratum in words,
// never by its code, which means nothing to a learner who has not seen the list.
import type { Text } from './types.js';

export interface Erratum {
  /** 'E1'…'E12': how the list, the screen and `ipclab errata` number them */
  id: string;
  /** 'notes': the notes say it; 'belief': the notes are silent (they stop at shared
   *  memory) and the error is a common belief; each is shown under its own label */
  kind: 'notes' | 'belief';
  /** what the notes say (or the common belief), in our words */
  notes: Text;
  /** what the kernel and the C library actually do */
  truth: Text;
  /** the lesson and step that show the truth live */
  lesson: string;
  step: string;
  /** the words of the erratum that step's own text (title, say, notice, aside, code, its
   *  question) must hold in both languages, so that the step shown says what the erratum
   *  is about (the validator checks them) */
  words: string[];
}

export const ERRATA: Erratum[] = [
  {
    id: 'E1',
    kind: 'notes',
    notes: {
      en: 'The flag that makes shmget create a segment is IPC_CREATE.',
      zh: '让 shmget 创建共享内存段的标志叫 IPC_CREATE。',
    },
    truth: {
      en: 'There is no IPC_CREATE: the flag is IPC_CREAT, without a final E. The compiler rejects the other spelling.',
      zh: '根本没有 IPC_CREATE：这个标志叫 IPC_CREAT，结尾没有 E。另一种拼法编译器不认。',
    },
    lesson: 'ftok',
    step: 'no-creat',
    words: ['IPC_CREAT'],
  },
  {
    id: 'E2',
    kind: 'notes',
    notes: {
      en: 'With IPC_PRIVATE the key is always 0, so any process can open the segment by calling shmget.',
      zh: '用 IPC_PRIVATE 时 key 总是 0，所以任何进程都能用 shmget 打开这个共享内存段。',
    },
    truth: {
      en: 'Every shmget(IPC_PRIVATE, …) creates a new segment, which no key leads to: ipcs shows key 0x00000000 for each. Its shmid is not secret (ipcs lists it to anyone); its mode decides who may attach it.',
      zh: '每次 shmget(IPC_PRIVATE, …) 都新建一个共享内存段，任何 key 都找不到它：ipcs 里它们的 key 都显示为 0x00000000。它的 shmid 并不保密（ipcs 对谁都列出），能否映射由它的权限位决定。',
    },
    lesson: 'shmget',
    step: 'second',
    words: ['IPC_PRIVATE'],
  },
  {
    id: 'E3',
    kind: 'notes',
    notes: {
      en: 'IPC_PRIVATE is like a named pipe; an object made with an ftok key is like an unnamed pipe.',
      zh: 'IPC_PRIVATE 像有名管道，用 ftok 的 key 建的对象像无名管道。',
    },
    truth: {
      en: 'The other way round. An IPC_PRIVATE segment is found only by its shmid, which another process must be handed: in lesson 7 (parent and child) a parent hands its child two. A key is found by anyone who knows the file: in lesson 8 (server and client) the client, a program started on its own, computes it and opens the server\'s segment. Any process with permission that learns a shmid (from ipcs, say) can attach that segment too, related or not: IPC_PRIVATE is nearer the unnamed pipe, which no name leads to, and a key is the named one (a FIFO).',
      zh: '正好反过来。IPC_PRIVATE 的共享内存段只能凭 shmid 找到，得有人把 shmid 交给另一个进程：第 7 课（父子进程）里，父进程把两个 shmid 交给子进程。key 则是知道那个文件的进程都能算出来：在第 8 课（服务端与客户端）里，客户端是单独启动的程序，它算出 key，打开服务端的共享内存段。不过，任何有权限的进程只要得知 shmid（比如从 ipcs 看到），不论是否有亲缘关系，也都能映射那个共享内存段：IPC_PRIVATE 更接近无名管道，没有名字能通向它；key 则对应有名管道（FIFO）。',
    },
    lesson: 'serv-clnt',
    step: 'client',
    words: ['FIFO'],
  },
  {
    id: 'E4',
    kind: 'notes',
    notes: {
      en: 'shmat returns NULL when it fails.',
      zh: 'shmat 失败时返回 NULL。',
    },
    truth: {
      en: 'It returns (void *) -1 and sets errno. Test p == (void *) -1: a test for NULL lets the error through.',
      zh: '它返回 (void *) -1 并设置 errno。要判断 p == (void *) -1，判断 NULL 会把错误放过去。',
    },
    lesson: 'shmat',
    step: 'bad-id',
    words: ['(void *) -1'],
  },
  {
    id: 'E5',
    kind: 'notes',
    notes: {
      en: 'shmctl with IPC_RMID deletes the object.',
      zh: 'shmctl 的 IPC_RMID 删除对象。',
    },
    truth: {
      en: 'A segment still attached is only marked: status dest, key 0x00000000. Its memory stays usable and is freed at the last detach.',
      zh: '还有映射的共享内存段只会被标记：状态 dest，key 变成 0x00000000。内存照常可用，最后一次解除映射时才释放。',
    },
    lesson: 'shmctl',
    step: 'rmid',
    words: ['IPC_RMID'],
  },
  {
    id: 'E6',
    kind: 'notes',
    notes: {
      en: 'Every shmget with a key from ftok needs the create flag, the programs that only open the segment too.',
      zh: '用 ftok 的 key 调用 shmget，每次都要加创建标志，只打开共享内存段的程序也一样。',
    },
    truth: {
      en: 'Only the program that creates the segment needs IPC_CREAT. The others open it by key with no flag, shmget(key, 0, 0), which fails with ENOENT while no segment has the key.',
      zh: '只有创建共享内存段的程序需要 IPC_CREAT。其他程序不带标志、按 key 打开它：shmget(key, 0, 0)；这个 key 下还没有共享内存段时，它以 ENOENT 失败。',
    },
    lesson: 'ftok',
    step: 'open-sizes',
    words: ['IPC_CREAT'],
  },
  {
    id: 'E7',
    kind: 'notes',
    notes: {
      en: 'ftok returns a key for a path and an id, as if the key were the path\'s own name.',
      zh: 'ftok 根据路径和 id 返回一个 key，仿佛 key 就是这个路径的名字。',
    },
    truth: {
      en: 'The key is arithmetic on the file\'s inode and device numbers and the id\'s low 8 bits: a file created anew may give a new key, and two paths can give the same one.',
      zh: 'key 是用文件的 inode 号、设备号和 id 的低 8 位算出来的：重新创建的文件可能得到新的 key，两个不同的路径也可能得到同一个 key。',
    },
    lesson: 'ftok',
    step: 'new-file',
    words: ['ftok'],
  },
  {
    id: 'E8',
    kind: 'notes',
    notes: {
      en: 'The server writes the data and signals once that it is ready; the client then reads it.',
      zh: '服务端写入数据后发一次信号表示“有数据了”，客户端随后读取。',
    },
    truth: {
      en: 'With several messages that races: a second write can overwrite a message not yet read, and two signals of one kind can merge. The protocol of lesson 8 (server and client) numbers each message (seq) and waits for the client\'s ack; that step shows the numbering, not a merge, which takes two sends within microseconds: so both sides also poll every 100 ms.',
      zh: '消息一多就会出现竞争：第二次写入可能覆盖还没读的消息，同一种信号连发两次也可能合并成一次。第 8 课（服务端与客户端）的协议给每条消息编号（seq），并等待客户端确认（ack）；那一步演示的是编号，不是合并（合并要两次发送相隔几微秒以内），所以双方还每 100 ms 轮询一次。',
    },
    lesson: 'serv-clnt',
    step: 'message',
    words: ['seq', 'ack'],
  },
  {
    id: 'E9',
    kind: 'notes',
    notes: {
      en: 'IPC goes like file I/O: create, then one program writes and another reads, then delete.',
      zh: 'IPC 的思路和文件 I/O 相同：创建，一个程序写、另一个程序读，再删除。',
    },
    truth: {
      en: 'Not for a message queue: msgrcv takes the message out. Each message reaches exactly one reader, once; a file or a segment keeps its bytes for every reader.',
      zh: '消息队列不是这样：msgrcv 会把消息取走。每条消息只交给一个读者、只读一次；文件和共享内存段则把字节留给每个读者。',
    },
    lesson: 'msg',
    step: 'taken',
    words: ['msgrcv'],
  },
  {
    id: 'E10',
    kind: 'belief',
    notes: {
      en: 'semget gives a new semaphore a usable value.',
      zh: 'semget 新建的信号量就带着可用的初值。',
    },
    truth: {
      en: 'Linux starts every new semaphore at 0, and POSIX leaves the value unspecified: a lock must be set to 1 with semctl SETVAL (or SETALL) before anyone takes it.',
      zh: 'Linux 把新信号量都设为 0，POSIX 则没有规定初值：作锁用时必须先用 semctl SETVAL（或 SETALL）设为 1，别的进程才能取得它。',
    },
    lesson: 'sem',
    step: 'create',
    words: ['SETVAL'],
  },
  {
    id: 'E11',
    kind: 'belief',
    notes: {
      en: 'When a process dies, the kernel releases the semaphores it held.',
      zh: '进程死掉后，内核会释放它持有的信号量。',
    },
    truth: {
      en: 'Only what it took with SEM_UNDO. Without that flag the count stays taken after a kill -9: semval stays 0, and a later P waits until some other process makes a V.',
      zh: '只有带 SEM_UNDO 取得的才会归还。不带这个标志，kill -9 之后计数一直被占着：semval 停在 0，之后的 P 要一直等到别的进程做 V。',
    },
    lesson: 'sem',
    step: 'no-undo',
    words: ['SEM_UNDO'],
  },
  {
    id: 'E12',
    kind: 'belief',
    notes: {
      en: 'counter++ on shared memory is one step, or safe once the int is volatile. (The notes have no locks: their processes take turns by signals.)',
      zh: '共享内存里的 counter++ 一步完成，或者把 int 声明为 volatile 就安全了。（笔记没讲锁：其中的进程靠信号轮流。）',
    },
    truth: {
      en: 'It is a load, an add and a store. Two processes on two CPUs lose updates between them; volatile changes nothing (race.c uses it). Take a lock or use an atomic add.',
      zh: '它是读、加、写三步。两个 CPU 上的两个进程会在其间丢失更新；volatile 无济于事（race.c 就用了它）。要么加锁，要么用原子加。',
    },
    lesson: 'race',
    step: 'none',
    words: ['volatile'],
  },
];
