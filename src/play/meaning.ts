// One line saying what a call's result means here, per call and per errno, in both
// languages: printed under each call the playground makes.
import { formatKey, formatMode } from '../native/format.js';
import type { CallRecord } from '../native/types.js';
import type { Text } from './types.js';
import { FUNCTIONS, isFunction } from './vocabulary.js';

/** What the interpreter knows around the call, beyond the record itself. */
export interface CallContext {
  shmid?: number;
  key?: number;
  /** shmget: the call made the segment (it did not exist before) */
  created?: boolean;
  size?: number;
  mode?: number;
  /** the segment's nattch right after the call (null: it no longer exists) */
  nattch?: number | null;
  readOnly?: boolean;
  /** shmctl's command word: 'IPC_STAT', 'IPC_SET', 'IPC_RMID' */
  cmd?: string;
  path?: string;
}

function success(rec: CallRecord, c: CallContext): Text {
  const id = c.shmid ?? rec.ret;
  switch (rec.call) {
    case 'ftok':
      return {
        en: `key ${rec.retText} packs the inode and device of ${c.path} with the id's low 8 bits: the same file and id give the same key while the file exists`,
        zh: `key ${rec.retText} 由 ${c.path} 的 inode、设备号和 id 的低 8 位拼成：文件还在，同一文件和 id 就得到同一 key`,
      };
    case 'shmget':
      if (!c.created) return { en: `segment ${id} already existed under key ${formatKey(c.key ?? 0)}: shmget opened it, with the size and mode it was made with`, zh: `key ${formatKey(c.key ?? 0)} 下已有段 ${id}：shmget 打开了它，大小和权限是创建时的` };
      if (c.key === 0) return { en: `the kernel made segment ${id}: ${c.size} bytes, mode ${formatMode(c.mode ?? 0)}, key 0 (IPC_PRIVATE), so only this id reaches it; nothing is attached yet`, zh: `内核创建了段 ${id}：${c.size} 字节，权限 ${formatMode(c.mode ?? 0)}，key 为 0（IPC_PRIVATE），只有这个 id 能找到它；还没有进程映射它` };
      return { en: `the kernel made segment ${id} under key ${formatKey(c.key ?? 0)}: ${c.size} bytes, mode ${formatMode(c.mode ?? 0)}; any process with the key can open it`, zh: `内核在 key ${formatKey(c.key ?? 0)} 下创建了段 ${id}：${c.size} 字节，权限 ${formatMode(c.mode ?? 0)}；知道这个 key 的进程都能打开它` };
    case 'shmat':
      return c.readOnly
        ? { en: `segment ${c.shmid} is mapped read-only at ${rec.ret} in process ${rec.pid}: nattch is now ${c.nattch}; a write here would be SIGSEGV`, zh: `段 ${c.shmid} 以只读方式映射到进程 ${rec.pid} 的 ${rec.ret}：nattch 现在是 ${c.nattch}；在这里写入会收到 SIGSEGV` }
        : { en: `segment ${c.shmid} is mapped at ${rec.ret} in process ${rec.pid}: nattch is now ${c.nattch}`, zh: `段 ${c.shmid} 映射到进程 ${rec.pid} 的 ${rec.ret}：nattch 现在是 ${c.nattch}` };
    case 'shmdt':
      if (c.nattch === null) return { en: `that was the last attachment of segment ${c.shmid}, which was marked for removal: the kernel freed it now`, zh: `这是段 ${c.shmid} 的最后一个映射，而它已被标记删除：内核此刻释放了它` };
      return { en: `process ${rec.pid} no longer maps segment ${c.shmid}: nattch is now ${c.nattch}; the segment and its bytes stay`, zh: `进程 ${rec.pid} 不再映射段 ${c.shmid}：nattch 现在是 ${c.nattch}；段和其中的字节都还在` };
    case 'shmctl':
      if (c.cmd === 'IPC_STAT') return { en: `the kernel's record of segment ${c.shmid} (struct shmid_ds), as ipcs reads it:`, zh: `内核对段 ${c.shmid} 的记录（struct shmid_ds），ipcs 读的就是它：` };
      if (c.cmd === 'IPC_SET') return { en: `segment ${c.shmid} now has mode ${formatMode(c.mode ?? 0)}; its ctime moved to now`, zh: `段 ${c.shmid} 的权限现在是 ${formatMode(c.mode ?? 0)}；ctime 更新为现在` };
      if (c.nattch) return { en: `segment ${c.shmid} is only marked for removal (dest, key now 0): it lives until the last of its ${c.nattch} attachment(s) detaches`, zh: `段 ${c.shmid} 只是被标记删除（dest，key 变为 0）：要等它的 ${c.nattch} 个映射都解除才真正释放` };
      return { en: `segment ${c.shmid} is gone: nothing was attached, so the kernel freed it at once`, zh: `段 ${c.shmid} 已删除：没有进程映射它，内核立即释放了` };
    default:
      return { en: '', zh: '' };
  }
}

export function meaning(rec: CallRecord, context: CallContext): Text {
  if (rec.errno === null) return success(rec, context);
  const why = isFunction(rec.call) ? FUNCTIONS[rec.call].errors[rec.errno] : undefined;
  if (why) return { en: `${rec.errno}: ${why.en}`, zh: `${rec.errno}：${why.zh}` };
  return { en: `${rec.errno}: see \`help ${rec.call}\` and man ${rec.call}(2)`, zh: `${rec.errno}：见 \`help ${rec.call}\` 和 man ${rec.call}(2)` };
}
