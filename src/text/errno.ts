// What an errno means, in both languages, for the trace's results: `= -1 EINVAL (无效的参数)`.
// The errno's name stays as C spells it; its meaning, the C library's words after it, is
// shown in Chinese in zh. One row for every errno name the native layer knows (koffi's
// os.errno, which src/native/errno.ts names from): `en` is glibc's strerror text, which a
// call's message must equal to be put in Chinese (another C library's words, or an errno
// with no row, stay as the C library gave them); `zh` is glibc's own zh_CN translation
// (libc.mo), corrected where it was wrong or left English words (ENOMSG "符合需求格式",
// ENOLINK "已有服务", EBADSLT "slot"). tests/text/errno.test.ts holds the table to this
// machine's libc and to koffi's list.
import type { Lang } from '../lang.js';

export const ERRNO_MEANINGS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  E2BIG: { en: "Argument list too long", zh: "参数列表过长" },
  EACCES: { en: "Permission denied", zh: "权限不够" },
  EADDRINUSE: { en: "Address already in use", zh: "地址已在使用" },
  EADDRNOTAVAIL: { en: "Cannot assign requested address", zh: "无法指定被请求的地址" },
  EADV: { en: "Advertise error", zh: "通知错误" },
  EAFNOSUPPORT: { en: "Address family not supported by protocol", zh: "协议不支持的地址族" },
  EAGAIN: { en: "Resource temporarily unavailable", zh: "资源暂时不可用" },
  EALREADY: { en: "Operation already in progress", zh: "操作已经在进行" },
  EBADE: { en: "Invalid exchange", zh: "无效的交换" },
  EBADF: { en: "Bad file descriptor", zh: "错误的文件描述符" },
  EBADFD: { en: "File descriptor in bad state", zh: "文件描述符处于错误状态" },
  EBADMSG: { en: "Bad message", zh: "错误的消息" },
  EBADR: { en: "Invalid request descriptor", zh: "无效的请求描述符" },
  EBADRQC: { en: "Invalid request code", zh: "无效的请求码" },
  EBADSLT: { en: "Invalid slot", zh: "无效的槽" },
  EBFONT: { en: "Bad font file format", zh: "错误的字体文件格式" },
  EBUSY: { en: "Device or resource busy", zh: "设备或资源忙" },
  ECANCELED: { en: "Operation canceled", zh: "操作已取消" },
  ECHILD: { en: "No child processes", zh: "没有子进程" },
  ECHRNG: { en: "Channel number out of range", zh: "通道编号超出范围" },
  ECOMM: { en: "Communication error on send", zh: "发送时出现通讯错误" },
  ECONNABORTED: { en: "Software caused connection abort", zh: "由软件导致的连接断开" },
  ECONNREFUSED: { en: "Connection refused", zh: "拒绝连接" },
  ECONNRESET: { en: "Connection reset by peer", zh: "连接被对方重设" },
  EDEADLK: { en: "Resource deadlock avoided", zh: "已避免资源死锁" },
  EDEADLOCK: { en: "Resource deadlock avoided", zh: "已避免资源死锁" },
  EDESTADDRREQ: { en: "Destination address required", zh: "需要目标地址" },
  EDOM: { en: "Numerical argument out of domain", zh: "数值参数超出域" },
  EDOTDOT: { en: "RFS specific error", zh: "RFS 特定错误" },
  EDQUOT: { en: "Disk quota exceeded", zh: "超出磁盘限额" },
  EEXIST: { en: "File exists", zh: "文件已存在" },
  EFAULT: { en: "Bad address", zh: "错误的地址" },
  EFBIG: { en: "File too large", zh: "文件过大" },
  EHOSTDOWN: { en: "Host is down", zh: "主机关闭" },
  EHOSTUNREACH: { en: "No route to host", zh: "没有到主机的路由" },
  EHWPOISON: { en: "Memory page has hardware error", zh: "内存分页有硬件错误" },
  EIDRM: { en: "Identifier removed", zh: "标识符已删除" },
  EILSEQ: { en: "Invalid or incomplete multibyte or wide character", zh: "无效或不完整的多字节字符或宽字符" },
  EINPROGRESS: { en: "Operation now in progress", zh: "操作现在正在进行" },
  EINTR: { en: "Interrupted system call", zh: "被中断的系统调用" },
  EINVAL: { en: "Invalid argument", zh: "无效的参数" },
  EIO: { en: "Input/output error", zh: "输入/输出错误" },
  EISCONN: { en: "Transport endpoint is already connected", zh: "传输端点已连接" },
  EISDIR: { en: "Is a directory", zh: "是一个目录" },
  EISNAM: { en: "Is a named type file", zh: "是一个有名类型文件" },
  EKEYEXPIRED: { en: "Key has expired", zh: "密钥已过期" },
  EKEYREJECTED: { en: "Key was rejected by service", zh: "密钥被服务拒绝" },
  EKEYREVOKED: { en: "Key has been revoked", zh: "密钥已被吊销" },
  EL2HLT: { en: "Level 2 halted", zh: "级别 2 已停止" },
  EL2NSYNC: { en: "Level 2 not synchronized", zh: "级别 2 尚未同步" },
  EL3HLT: { en: "Level 3 halted", zh: "级别 3 已停止" },
  EL3RST: { en: "Level 3 reset", zh: "级别 3 已重置" },
  ELIBACC: { en: "Can not access a needed shared library", zh: "无法访问必须的共享库" },
  ELIBBAD: { en: "Accessing a corrupted shared library", zh: "正在访问一个已毁坏的共享库" },
  ELIBEXEC: { en: "Cannot exec a shared library directly", zh: "无法直接执行共享库" },
  ELIBMAX: { en: "Attempting to link in too many shared libraries", zh: "试图与过多的共享库相链接" },
  ELIBSCN: { en: ".lib section in a.out corrupted", zh: "a.out 中的 .lib 节已毁坏" },
  ELNRNG: { en: "Link number out of range", zh: "链接数超出范围" },
  ELOOP: { en: "Too many levels of symbolic links", zh: "符号连接的层数过多" },
  EMEDIUMTYPE: { en: "Wrong medium type", zh: "错误的介质类型" },
  EMFILE: { en: "Too many open files", zh: "打开的文件过多" },
  EMLINK: { en: "Too many links", zh: "过多的链接" },
  EMSGSIZE: { en: "Message too long", zh: "消息过长" },
  EMULTIHOP: { en: "Multihop attempted", zh: "尝试了多跳" },
  ENAMETOOLONG: { en: "File name too long", zh: "文件名过长" },
  ENAVAIL: { en: "No XENIX semaphores available", zh: "没有可用的 XENIX 信号量" },
  ENETDOWN: { en: "Network is down", zh: "网络已关闭" },
  ENETRESET: { en: "Network dropped connection on reset", zh: "重置时断开网络连接" },
  ENETUNREACH: { en: "Network is unreachable", zh: "网络不可达" },
  ENFILE: { en: "Too many open files in system", zh: "系统中打开的文件过多" },
  ENOANO: { en: "No anode", zh: "没有 anode" },
  ENOBUFS: { en: "No buffer space available", zh: "没有可用的缓冲区空间" },
  ENOCSI: { en: "No CSI structure available", zh: "没有可用的 CSI 结构" },
  ENODATA: { en: "No data available", zh: "没有可用的数据" },
  ENODEV: { en: "No such device", zh: "没有那个设备" },
  ENOENT: { en: "No such file or directory", zh: "没有那个文件或目录" },
  ENOEXEC: { en: "Exec format error", zh: "可执行文件格式错误" },
  ENOKEY: { en: "Required key not available", zh: "所需的密钥不存在" },
  ENOLCK: { en: "No locks available", zh: "没有可用的锁" },
  ENOLINK: { en: "Link has been severed", zh: "链接已断开" },
  ENOMEDIUM: { en: "No medium found", zh: "找不到介质" },
  ENOMEM: { en: "Cannot allocate memory", zh: "无法分配内存" },
  ENOMSG: { en: "No message of desired type", zh: "没有所需类型的消息" },
  ENONET: { en: "Machine is not on the network", zh: "机器不在网络中" },
  ENOPKG: { en: "Package not installed", zh: "包未安装" },
  ENOPROTOOPT: { en: "Protocol not available", zh: "不可用的协议" },
  ENOSPC: { en: "No space left on device", zh: "设备上没有空间" },
  ENOSR: { en: "Out of streams resources", zh: "流资源不足" },
  ENOSTR: { en: "Device not a stream", zh: "设备不是流" },
  ENOSYS: { en: "Function not implemented", zh: "函数未实现" },
  ENOTBLK: { en: "Block device required", zh: "需要块设备" },
  ENOTCONN: { en: "Transport endpoint is not connected", zh: "传输端点尚未连接" },
  ENOTDIR: { en: "Not a directory", zh: "不是目录" },
  ENOTEMPTY: { en: "Directory not empty", zh: "目录非空" },
  ENOTNAM: { en: "Not a XENIX named type file", zh: "不是 XENIX 命名的类型文件" },
  ENOTRECOVERABLE: { en: "State not recoverable", zh: "状态无法恢复" },
  ENOTSOCK: { en: "Socket operation on non-socket", zh: "对非套接字进行套接字操作" },
  ENOTSUP: { en: "Operation not supported", zh: "不支持的操作" },
  ENOTTY: { en: "Inappropriate ioctl for device", zh: "对设备不适当的 ioctl 操作" },
  ENOTUNIQ: { en: "Name not unique on network", zh: "网络上的名称不是唯一的" },
  ENXIO: { en: "No such device or address", zh: "没有那个设备或地址" },
  EOPNOTSUPP: { en: "Operation not supported", zh: "不支持的操作" },
  EOVERFLOW: { en: "Value too large for defined data type", zh: "对已定义的数据类型来说值过大" },
  EOWNERDEAD: { en: "Owner died", zh: "拥有者已终止" },
  EPERM: { en: "Operation not permitted", zh: "不允许的操作" },
  EPFNOSUPPORT: { en: "Protocol family not supported", zh: "不支持的协议族" },
  EPIPE: { en: "Broken pipe", zh: "断开的管道" },
  EPROTO: { en: "Protocol error", zh: "协议错误" },
  EPROTONOSUPPORT: { en: "Protocol not supported", zh: "不支持的协议" },
  EPROTOTYPE: { en: "Protocol wrong type for socket", zh: "套接字的协议类型错误" },
  ERANGE: { en: "Numerical result out of range", zh: "数值结果超出范围" },
  EREMCHG: { en: "Remote address changed", zh: "远程地址已改变" },
  EREMOTE: { en: "Object is remote", zh: "对象是远程的" },
  EREMOTEIO: { en: "Remote I/O error", zh: "远程 I/O 错误" },
  ERESTART: { en: "Interrupted system call should be restarted", zh: "被中断的系统调用应该重新启动" },
  ERFKILL: { en: "Operation not possible due to RF-kill", zh: "由于 RF-kill 而无法操作" },
  EROFS: { en: "Read-only file system", zh: "只读文件系统" },
  ESHUTDOWN: { en: "Cannot send after transport endpoint shutdown", zh: "无法在传输端点关闭以后发送" },
  ESOCKTNOSUPPORT: { en: "Socket type not supported", zh: "不支持的套接字类型" },
  ESPIPE: { en: "Illegal seek", zh: "非法的定位操作" },
  ESRCH: { en: "No such process", zh: "没有那个进程" },
  ESRMNT: { en: "Srmount error", zh: "Srmount 错误" },
  ESTALE: { en: "Stale file handle", zh: "过期的文件句柄" },
  ESTRPIPE: { en: "Streams pipe error", zh: "流管道错误" },
  ETIME: { en: "Timer expired", zh: "计时器超时" },
  ETIMEDOUT: { en: "Connection timed out", zh: "连接超时" },
  ETOOMANYREFS: { en: "Too many references: cannot splice", zh: "过多的引用：无法接合" },
  ETXTBSY: { en: "Text file busy", zh: "文本文件忙" },
  EUCLEAN: { en: "Structure needs cleaning", zh: "结构需要清理" },
  EUNATCH: { en: "Protocol driver not attached", zh: "未加载协议驱动程序" },
  EUSERS: { en: "Too many users", zh: "用户过多" },
  EWOULDBLOCK: { en: "Resource temporarily unavailable", zh: "资源暂时不可用" },
  EXDEV: { en: "Invalid cross-device link", zh: "无效的跨设备链接" },
  EXFULL: { en: "Exchange full", zh: "交换满" },
};

/** The one table of what an errno means for the call that got it, by call and errno name, as
 *  man 2 CALL's ERRORS lists them; every use reads it (an errno's number is this machine's,
 *  from koffi: src/native/errno.ts). A row holds, in each language:
 *  - `en`, `zh`: what the trace shows after the errno's name in place of the C library's
 *    generic words ("ENOENT (no segment has this key)", not "No such file or directory": no
 *    file is involved). Short enough for a trace line; tests/text/results.test.ts runs every
 *    lesson and fails on a failed call with no row here.
 *  - `perror`: the C library's words mislead for this call (they name a file, a device, an
 *    argument list), and the learner meets them in real life (perror, strace), so the trace
 *    shows them too, quoted after the meaning.
 *  - `why`: why it happened, at length, for a your-turn step's failed call
 *    (src/lessons/turn/errno-why.ts, ERRNO_WHY; lines for the learner's own values are there).
 *  - `play`: the playground's help words for the call (`help shmget`, and after a failed
 *    call: src/play/vocabulary.ts), listed in the row's order.
 *  - `cases`: where `en`/`zh` name several causes, the words for a call whose key, flags or
 *    command leave only one (the first whose `when` matches the call in C): a newcomer read
 *    "or over the existing segment" under shmget(IPC_PRIVATE, 0, 0600), where none exists. */
export interface CallErrno {
  readonly en: string;
  readonly zh: string;
  readonly perror?: true;
  readonly why?: Words;
  readonly play?: Words;
  readonly cases?: readonly ErrnoCase[];
}

/** One cause of a row, for the calls `when` matches (the call as the trace shows it in C). */
export interface ErrnoCase {
  readonly when: RegExp;
  readonly en: string;
  readonly zh: string;
}

/** Words in each language. */
export type Words = Readonly<Record<Lang, string>>;

type CallTable = Readonly<Record<string, Readonly<Record<string, CallErrno>>>>;

export const ERRNO_FOR_CALL = {
  shmget: {
    EEXIST: {
      en: 'a segment with this key exists', zh: '这个 key 的共享内存段已存在', perror: true,
      why: { en: 'IPC_CREAT|IPC_EXCL was given and a segment with this key already exists', zh: '给了 IPC_CREAT|IPC_EXCL，而这个 key 的段已经存在' },
      play: { en: 'IPC_CREAT|IPC_EXCL and a segment with this key exists', zh: 'IPC_CREAT|IPC_EXCL 而该 key 的段已存在' },
    },
    ENOENT: {
      en: 'no segment has this key', zh: '这个 key 下没有共享内存段', perror: true,
      why: { en: 'no segment has this key and IPC_CREAT was not given, so there was nothing to open ("No such file or directory" is only errno\'s generic text, and no file is involved)', zh: `没有段用这个 key，又没有给 IPC_CREAT，所以无从打开（“${ERRNO_MEANINGS.ENOENT.zh}”只是 errno 的通用说明，这里不涉及任何文件）` },
      play: { en: 'no segment has this key and IPC_CREAT is not given', zh: '该 key 没有段，又没给 IPC_CREAT' },
    },
    EINVAL: {
      // the bounds are a new segment's; opening (ftok's shmget(key, 0, 0)) checks only its size
      // plain words (issue 16: "new: size < SHMMIN or > SHMMAX; open: > existing segment" was terse)
      // a trace line's note: 56 cells at most (results.test)
      en: 'below SHMMIN, above SHMMAX, or over the existing segment', zh: 'size 小于 SHMMIN、大于 SHMMAX，或大于已有段',
      cases: [
        // IPC_PRIVATE and IPC_EXCL only create: the bounds of a new segment alone
        { when: /^shmget\((?:IPC_PRIVATE,|[^)]*IPC_EXCL)/, en: 'a new segment needs SHMMIN to SHMMAX bytes', zh: '新段的大小须在 SHMMIN 到 SHMMAX 之间' },
        // no IPC_CREAT only opens: the size against the existing segment's alone
        { when: /^shmget\([^,]*, [^,]*, (?![^)]*IPC_CREAT)/, en: 'size is over the existing segment\'s', zh: 'size 大于已有段的大小' },
      ],
      why: { en: 'the size is below SHMMIN (1) or above SHMMAX, or a segment with this key exists and is smaller than the size asked', zh: '大小小于 SHMMIN（1）或大于 SHMMAX，或者这个 key 的段已存在而比所要的大小小' },
      play: { en: 'size below SHMMIN or above SHMMAX, or larger than the existing segment', zh: 'size 小于 SHMMIN、大于 SHMMAX，或大于已有段的大小' },
    },
    EACCES: {
      en: "the segment's mode denies this access", zh: '段的权限不允许这种访问',
      why: { en: 'the segment exists but its mode does not let this user have the access asked', zh: '段存在，但它的权限不允许这个用户做所要的访问' },
      play: { en: "the segment's mode does not allow the access asked for", zh: '段的权限不允许所要的访问' },
    },
    ENOSPC: {
      en: 'the limit on all segments is reached', zh: '所有段合计已达上限', perror: true,
      why: { en: 'the size would take the segments above SHMALL pages in all, or SHMMNI segments exist already', zh: '加上这段，所有段的页数会超过 SHMALL，或者段数已达 SHMMNI' },
      play: { en: 'the limit of segments (SHMMNI) or of shared memory (SHMALL) is reached', zh: '段的数量（SHMMNI）或共享内存总量（SHMALL）已到上限' },
    },
    ENOMEM: {
      en: 'no memory for a segment of this size', zh: '内存不够建这么大的段',
      why: { en: 'the limits allow the size, but the kernel could not reserve that much memory for it', zh: '上限允许这个大小，但内核预留不出这么多内存' },
      play: { en: 'no memory for a segment of this size', zh: '没有足够的内存创建这么大的段' },
    },
    EPERM: {
      en: 'no right to lock memory for huge pages', zh: '没有为大页锁定内存的权限',
      why: { en: 'SHM_HUGETLB was asked without the right to lock memory', zh: '要求 SHM_HUGETLB，但没有锁定内存的权限' },
    },
  },
  ftok: {
    ENOENT: {
      en: 'the file does not exist', zh: '文件不存在',
      why: { en: 'the file does not exist, and ftok needs an existing file, since the key is made from its inode', zh: '文件不存在，而 key 要由文件的 inode 算出，所以 ftok 需要一个存在的文件' },
      play: { en: 'the file does not exist', zh: '文件不存在' },
    },
    EACCES: {
      en: 'a folder on the path may not be searched', zh: '路径上有目录不允许进入',
      why: { en: 'a folder on the path may not be searched by this user, so stat() cannot reach the file', zh: '路径上某个目录不允许这个用户进入，stat() 找不到这个文件' },
      play: { en: 'a folder on the path cannot be searched', zh: '路径上的某个目录无权进入' },
    },
    ENOTDIR: {
      en: 'a part of the path is not a folder', zh: '路径中有一段不是目录',
      why: { en: 'a part of the path that should be a folder is a file', zh: '路径中应是目录的一段其实是文件' },
    },
  },
  shmat: {
    EINVAL: {
      en: 'no segment has this shmid, or the address is wrong', zh: '没有段用这个 shmid，或地址不对',
      // the kernel's order (ipc/shm.c do_shmat): a negative shmid, then the address (SHM_REMAP with
      // NULL has none to replace at), then the lookup; ipclab's shmat always passes NULL, which lets
      // the kernel choose, so without SHM_REMAP only the shmid is left (issue 16: shmat 7's
      // SHM_REMAP read "no segment has this shmid, or the address is wrong")
      cases: [
        { when: /^shmat\((?:-\d|[^,]*, NULL, (?![^)]*SHM_REMAP))/, en: 'no segment has this shmid', zh: '没有段用这个 shmid' },
        { when: /^shmat\([^,]*, NULL, [^)]*SHM_REMAP/, en: 'SHM_REMAP needs an address, and it is NULL', zh: 'SHM_REMAP 需要一个地址，传的却是 NULL' },
      ],
      why: { en: 'the shmid names no segment (-1 is what a failed shmget returns), or the flags need an address (SHM_REMAP) and NULL was given', zh: 'shmid 不指向任何段（-1 是 shmget 失败时的返回值），或者标志需要一个地址（SHM_REMAP）而传的是 NULL' },
      play: { en: 'no segment has this id (or it was removed)', zh: '没有这个 id 的段（或已被删除）' },
    },
    EACCES: {
      en: "the segment's mode denies this access", zh: '段的权限不允许这种访问',
      why: { en: 'the mode does not allow the access asked (read, and write unless SHM_RDONLY, or execute with SHM_EXEC)', zh: '权限不允许所要的访问（读；不带 SHM_RDONLY 时还要写；带 SHM_EXEC 时还要执行）' },
      play: { en: 'the mode does not allow this attach', zh: '权限不允许这样映射' },
    },
    EIDRM: {
      en: 'the segment was removed during the call', zh: '调用进行中段被删除了',
      why: { en: 'the segment was removed (IPC_RMID) while the call looked it up', zh: '查找时这段已被删除（IPC_RMID）' },
      play: { en: 'the segment was removed', zh: '段已被删除' },
    },
    ENOMEM: {
      en: 'no room for the mapping in the address space', zh: '地址空间里放不下这个映射',
      why: { en: 'the process has no room left in its address space for the mapping', zh: '进程的地址空间里已放不下这个映射' },
    },
  },
  shmdt: {
    EINVAL: {
      en: 'no segment is attached at this address', zh: '这个地址上没有映射共享内存段',
      why: { en: 'no segment is attached at that exact address; shmdt takes the address shmat returned, not one inside the mapping', zh: '这个地址上没有映射任何段；shmdt 要的是 shmat 返回的那个地址，而不是映射中间的地址' },
      play: { en: 'nothing is attached at addr', zh: 'addr 处没有映射任何段' },
    },
  },
  shmctl: {
    EINVAL: {
      en: 'no segment has this shmid, or cmd is not valid', zh: '没有段用这个 shmid，或 cmd 无效',
      // a cmd by its name is a valid one: only the shmid is left
      cases: [{ when: /^shmctl\([^,]*, IPC_(?:STAT|SET|RMID),/, en: 'no segment has this shmid', zh: '没有段用这个 shmid' }],
      why: { en: 'the shmid names no segment (any more), or cmd is not a valid command', zh: 'shmid 不（再）指向任何段，或 cmd 不是有效的命令' },
      play: { en: 'no segment has this id, or cmd is unknown', zh: '没有这个 id 的段，或 cmd 未知' },
    },
    EPERM: {
      en: 'only the owner, the creator or root may do this', zh: '只有属主、创建者或 root 能这样做',
      why: { en: 'IPC_SET and IPC_RMID need the owner, the creator or root, and this process is none of them', zh: 'IPC_SET 和 IPC_RMID 只能由属主、创建者或 root 执行，本进程都不是' },
      play: { en: 'IPC_SET and IPC_RMID need the owner, the creator or root', zh: 'IPC_SET 和 IPC_RMID 需要所有者、创建者或 root' },
    },
    EACCES: {
      en: 'IPC_STAT needs read permission', zh: 'IPC_STAT 需要读权限',
      why: { en: 'IPC_STAT needs read permission on the segment', zh: 'IPC_STAT 需要对这段有读权限' },
      play: { en: 'IPC_STAT needs read permission', zh: 'IPC_STAT 需要读权限' },
    },
    EFAULT: {
      en: "buf points outside the process's memory", zh: 'buf 指向本进程内存之外',
      why: { en: 'buf points outside the address space', zh: 'buf 指向地址空间之外' },
    },
    EIDRM: {
      en: 'the segment was removed during the call', zh: '调用进行中段被删除了',
      why: { en: 'the segment was removed while the call looked it up', zh: '查找时这段已被删除' },
    },
  },
  msgget: {
    EEXIST: { en: 'a queue with this key exists', zh: '这个 key 的消息队列已存在', perror: true },
    ENOENT: { en: 'no queue has this key', zh: '这个 key 下没有消息队列', perror: true },
    EACCES: { en: "the queue's mode denies this access", zh: '队列的权限不允许这种访问' },
    ENOSPC: { en: 'the limit on queues is reached', zh: '队列数已达上限', perror: true },
  },
  msgsnd: {
    EINVAL: {
      en: 'mtype or size not valid, or no queue has this msqid', zh: 'mtype 或长度无效，或没有队列用这个 msqid',
      why: { en: 'mtype is below 1, or the text is longer than msgmax (8192 bytes by default), or the msqid names no queue', zh: 'mtype 小于 1，或正文超过 msgmax（默认 8192 字节），或 msqid 不指向任何队列' },
    },
    EAGAIN: {
      en: 'the queue is full, and IPC_NOWAIT forbids waiting', zh: '队列已满，而 IPC_NOWAIT 不许等待',
      why: { en: 'the text would take the queue past msg_qbytes, and IPC_NOWAIT forbids waiting for room', zh: '放进这段正文，队列就会超过 msg_qbytes，而 IPC_NOWAIT 不许等待腾出空间' },
    },
    EIDRM: { en: 'the queue was removed while waiting', zh: '等待时队列被删除了' },
  },
  msgrcv: {
    ENOMSG: {
      en: 'no message of the type asked', zh: '没有所要类型的消息',
      // the words for what msgtyp asked (issue 16: "no message of the type asked" under msg 4's
      // read of type 0 on an empty queue, which asks for any type)
      cases: [
        { when: /^msgrcv\((?:[^,]*, ){3}0,/, en: 'the queue is empty, and type 0 takes any type', zh: '队列是空的，而类型 0 什么类型都取' },
        { when: /^msgrcv\((?:[^,]*, ){3}-/, en: 'no message of a type up to |msgtyp|', zh: '没有类型不超过 |msgtyp| 的消息' },
      ],
      why: { en: 'no queued message fits msgtyp (none of that type for a positive one, none of a type up to its absolute value for a negative one, none at all for 0), and IPC_NOWAIT forbids waiting', zh: '队列里没有符合 msgtyp 的消息（正数要这个类型的，负数要类型不超过其绝对值的，0 要任意一条），而 IPC_NOWAIT 不许等待' },
    },
    E2BIG: {
      en: 'the message is longer than msgsz', zh: '消息比 msgsz 长', perror: true,
      why: { en: 'the message msgtyp picks has more text than msgsz and MSG_NOERROR was not given, so msgrcv refuses it and it stays in the queue', zh: 'msgtyp 选中的那条消息正文比 msgsz 长，又没有给 MSG_NOERROR，所以 msgrcv 拒收，这条消息留在队列里' },
    },
    EINVAL: {
      en: 'no queue has this msqid, or msgsz is negative', zh: '没有队列用这个 msqid，或 msgsz 是负数',
      why: { en: 'the msqid names no queue, or msgsz is negative', zh: 'msqid 不指向任何队列，或 msgsz 是负数' },
    },
    EIDRM: { en: 'the queue was removed while waiting', zh: '等待时队列被删除了' },
  },
  msgctl: {
    EINVAL: {
      en: 'no queue has this msqid, or cmd is not valid', zh: '没有队列用这个 msqid，或 cmd 无效',
      cases: [{ when: /^msgctl\([^,]*, IPC_(?:STAT|SET|RMID),/, en: 'no queue has this msqid', zh: '没有队列用这个 msqid' }],
    },
    EPERM: { en: 'only the owner, the creator or root may do this', zh: '只有属主、创建者或 root 能这样做' },
  },
  semget: {
    EEXIST: { en: 'a set with this key exists', zh: '这个 key 的信号量集已存在', perror: true },
    ENOENT: { en: 'no set has this key', zh: '这个 key 下没有信号量集', perror: true },
    EINVAL: { en: 'nsems is not valid for this set', zh: 'nsems 对这个信号量集无效' },
    EACCES: { en: "the set's mode denies this access", zh: '信号量集的权限不允许这种访问' },
    ENOSPC: { en: 'the limit on sets or semaphores is reached', zh: '信号量集或信号量数已达上限', perror: true },
  },
  semop: {
    EAGAIN: {
      en: 'the call would wait, and IPC_NOWAIT forbids it', zh: '调用本该等待，而 IPC_NOWAIT 不许等待',
      why: { en: 'semval is below what sem_op takes away (or not 0 for a sem_op of 0), so the call would wait, and IPC_NOWAIT forbids waiting', zh: 'semval 小于 sem_op 要减去的量（sem_op 为 0 时则是 semval 不为 0），调用本该等待，而 IPC_NOWAIT 不许等待' },
    },
    ERANGE: {
      en: 'the value would pass SEMVMX (32767)', zh: '值会超过 SEMVMX（32767）',
      why: { en: 'semval plus sem_op would pass SEMVMX (32767), the most a semaphore holds', zh: 'semval 加上 sem_op 会超过 SEMVMX（32767），即一个信号量能容纳的最大值' },
    },
    EFBIG: {
      en: 'sem_num is not a semaphore of the set', zh: 'sem_num 不是集里的信号量', perror: true,
      why: { en: 'sem_num is not a semaphore of the set', zh: 'sem_num 不是这个信号量集里的信号量' },
    },
    EINVAL: { en: 'no set has this semid', zh: '没有信号量集用这个 semid' },
    EIDRM: { en: 'the set was removed while waiting', zh: '等待时信号量集被删除了' },
  },
  semctl: {
    ERANGE: {
      en: 'SETVAL takes 0 to SEMVMX (32767)', zh: 'SETVAL 只接受 0 到 SEMVMX（32767）',
      why: { en: 'SETVAL takes 0 to SEMVMX (32767), as a semaphore is never negative nor above that', zh: 'SETVAL 只接受 0 到 SEMVMX（32767），因为信号量不会是负数，也不会超过它' },
    },
    EINVAL: {
      en: 'no set has this semid, or semnum is not in it', zh: '没有信号量集用这个 semid，或 semnum 不在集里',
      why: { en: 'the semid names no set, or semnum is not one of its semaphores', zh: 'semid 不指向任何信号量集，或 semnum 不是集里的信号量' },
    },
    EPERM: { en: 'only the owner, the creator or root may do this', zh: '只有属主、创建者或 root 能这样做' },
  },
  // the client's last kill() may find the server gone already (src/proto/client.ts): no error then
  kill: {
    ESRCH: { en: 'the process has ended', zh: '这个进程已结束' },
    EPERM: { en: 'this user may not signal that process', zh: '这个用户无权向那个进程发信号' },
  },
} as const satisfies CallTable;

/** The meaning of `errno` for `call`, if the table holds it. */
export function callErrno(call: string, errno: string): CallErrno | undefined {
  const table: CallTable = ERRNO_FOR_CALL;
  return Object.hasOwn(table, call) && Object.hasOwn(table[call], errno) ? table[call][errno] : undefined;
}

/** A row's words for the call `c` (in C, as the trace shows it): the case its arguments leave, else the row's. */
export function errnoWords(row: CallErrno, c: string | undefined): Words {
  return (c === undefined ? undefined : row.cases?.find((one) => one.when.test(c))) ?? row;
}

/** One column of the table: per call, the errnos whose row has `field`, with its words, in the
 *  table's order; a call with none is left out. */
export function errnoColumn(field: 'why' | 'play'): Record<string, Record<string, Words>> {
  const table: CallTable = ERRNO_FOR_CALL;
  const column: Record<string, Record<string, Words>> = {};
  for (const [call, rows] of Object.entries(table)) {
    const words = Object.entries(rows).flatMap(([errno, row]) => (row[field] ? [[errno, row[field]] as const] : []));
    if (words.length) column[call] = Object.fromEntries(words);
  }
  return column;
}

/** ipclab's own words in a call's message, where it answers for the kernel
 *  (src/native/calls.ts): each as its English pattern and the Chinese it reads as. */
const OWN_MESSAGES: readonly { en: RegExp; zh: (m: RegExpMatchArray) => string }[] = [
  // shmdt on an address a later shmat reuses
  {
    en: /^segment (\d+) was already detached; (\S+) now maps segment (\d+), so ipclab did not call shmdt$/,
    zh: (m) => `共享内存段 ${m[1]} 早已解除映射；${m[2]} 现在映射的是段 ${m[3]}，所以 ipclab 没有调用 shmdt`,
  },
  // kill with a pid <= 0
  {
    en: /^ipclab never signals pid (-?\d+) \(a pid <= 0 names a process group or every process\)$/,
    zh: (m) => `ipclab 从不向 pid ${m[1]} 发信号（pid <= 0 指的是一个进程组或所有进程）`,
  },
];

function ownMessage(text: string): string | null {
  for (const own of OWN_MESSAGES) {
    const m = own.en.exec(text);
    if (m) return own.zh(m);
  }
  return null;
}

/** A failed call's message in `lang`: in English as it came; in Chinese the C library's
 *  words for `errno` in Chinese, with ipclab's own words after them ("Invalid argument
 *  (segment 5 was …)") in Chinese too; words it does not know stay as they are. */
export function errnoMeaning(errno: string, message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const own = ownMessage(message);
  if (own !== null) return own;
  const row = ERRNO_MEANINGS[errno];
  if (!row) return message;
  if (message === row.en) return row.zh;
  if (message.startsWith(`${row.en} (`) && message.endsWith(')')) {
    const rest = message.slice(row.en.length + 2, -1);
    return `${row.zh}（${ownMessage(rest) ?? rest}）`;
  }
  return message;
}

/** The C library's words for an errno, as perror prints them after a colon with no errno name
 *  ("serv: reading stdin: Broken pipe"), in Chinese; other words stay as they are. */
export function libcWordsChinese(words: string): string {
  for (const row of Object.values(ERRNO_MEANINGS)) if (row.en === words) return row.zh;
  return words;
}

/** An errno's meaning in two or three words, as a question's choice shows it after the name:
 *  "EINVAL (bad argument)". Newcomers read "[1] EINVAL [2] ENOSPC" as bare codes while ftok
 *  4 said "ENOENT (no such entry)" (s28b#3): every choice now says it one way. The words are
 *  the name's own, not the call's (ERRNO_FOR_CALL's "no segment has this key" would answer the
 *  question), and never strerror's whole (giveaway.ts errnoGlossed: "ENOMSG (no message of
 *  desired type)" answered the question under it, issue 16), which also names a file or a
 *  device no IPC call involves.
 *  `ipclab check` names an errno a choice shows that has no row here. */
export const ERRNO_SHORT: Readonly<Record<string, Words>> = {
  EINVAL: { en: 'bad argument', zh: '参数无效' },
  ENOENT: { en: 'no such entry', zh: '没有这一项' },
  EEXIST: { en: 'already exists', zh: '已经存在' },
  EACCES: { en: 'access denied', zh: '无权访问' },
  EPERM: { en: 'not permitted', zh: '不允许' },
  ENOSPC: { en: 'no space left', zh: '没有空间' },
  ENOMEM: { en: 'out of memory', zh: '内存不足' },
  EFAULT: { en: 'bad pointer', zh: '指针无效' },
  EAGAIN: { en: 'try again', zh: '请重试' },
};

/** The errno names `text` holds (every name koffi knows, ERRNO_MEANINGS), each with what
 *  follows it: `meaning` the words in the bracket right after it ("ENOENT (no such entry)"),
 *  else null; `bracketed` whether the name itself stands inside a bracket ("fails (EFAULT)"). */
export function errnosIn(text: string): { name: string; meaning: string | null; bracketed: boolean }[] {
  return [...text.matchAll(/(?<![A-Za-z0-9_])E[A-Z0-9]+(?![A-Za-z0-9_])/g)].flatMap((m) => {
    if (!Object.hasOwn(ERRNO_MEANINGS, m[0])) return [];
    const after = /^(?: \(|（)([^)）]*)[)）]/.exec(text.slice(m.index + m[0].length));
    const before = text.slice(0, m.index);
    return [{ name: m[0], meaning: after ? after[1]! : null, bracketed: before.lastIndexOf('(') > before.lastIndexOf(')') || before.lastIndexOf('（') > before.lastIndexOf('）') }];
  });
}

/** `text` (a question's choice) with each errno name that has no words after it followed by its
 *  ERRNO_SHORT meaning, in `lang`'s brackets: "EINVAL" -> "EINVAL (bad argument)",
 *  "EINVAL（参数无效）"; a name already followed by its words, or without a row, is left as it is. */
export function withErrnoMeanings(text: string, lang: Lang): string {
  // in Chinese the space between the name and a Chinese word goes with it: "EAGAIN（请重试）失败"
  return text.replace(/(?<![A-Za-z0-9_])(E[A-Z0-9]+)(?![A-Za-z0-9_])(?! \(|（)( (?=\p{Script=Han}))?/gu, (all, name: string, space = '') => {
    const short = Object.hasOwn(ERRNO_SHORT, name) ? ERRNO_SHORT[name]![lang] : undefined;
    return short === undefined ? all : lang === 'zh' ? `${name}（${short}）` : `${name} (${short})${space}`;
  });
}
