// Where the two sides meet: the file whose inode and device give ftok its key.
import { chmodSync, closeSync, fchmodSync, lstatSync, mkdirSync, openSync, constants as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CallRecord } from '../native/index.js';
import { now, ProtoError, type Text } from './events.js';

export interface RendezvousPath {
  path: string;
  /** true when no --path was given: the server may then create the folder too */
  isDefault: boolean;
}

/** --path, else $XDG_RUNTIME_DIR/ipclab/rendezvous, else ${TMPDIR:-/tmp}/ipclab-<uid>/rendezvous. */
export function rendezvousPath(override: string | undefined, env: NodeJS.ProcessEnv = process.env): RendezvousPath {
  if (override !== undefined) return { path: override, isDefault: false };
  if (env.XDG_RUNTIME_DIR) return { path: join(env.XDG_RUNTIME_DIR, 'ipclab', 'rendezvous'), isDefault: true };
  return { path: join(env.TMPDIR || '/tmp', `ipclab-${process.getuid!()}`, 'rendezvous'), isDefault: true };
}

/** The server's part: a missing file is created (0600), and for the default path its
 *  folder (0700). Nobody removes the file: a new file would give a new key.
 *  Returns what it did, as C calls for the trace (calls, not • lines: they are real ones). */
export function ensureRendezvousFile({ path, isDefault }: RendezvousPath): CallRecord[] {
  const made: CallRecord[] = [];
  if (isDefault) {
    const dir = dirname(path);
    try {
      mkdirSync(dir, { mode: 0o700 });
      chmodSync(dir, 0o700); // the umask may have taken bits the contract promises
      made.push(succeeded('mkdir', `mkdir("${dir}", 0700)`, 0));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw cannot({ en: `make the folder ${dir}`, zh: `创建文件夹 ${dir}` }, err);
    }
    // a shared /tmp: a folder someone else made first could hand them our key's file
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== process.getuid!()) {
      throw new ProtoError({
        en: `${dir} is not a folder of yours; remove it or give --path`,
        zh: `${dir} 不是属于你的文件夹；请删除它，或用 --path 指定别的路径`,
      });
    }
  }
  try {
    const fd = openSync(path, fs.O_WRONLY | fs.O_CREAT | fs.O_EXCL, 0o600);
    fchmodSync(fd, 0o600);
    closeSync(fd);
    // its close too, as serv.c's: an fd left open in the trace read as one still in use (issue 16)
    made.push(succeeded('open', `open("${path}", O_WRONLY|O_CREAT|O_EXCL, 0600)`, fd), succeeded('close', `close(${fd})`, 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw cannot({ en: `create ${path}`, zh: `创建 ${path}` }, err);
  }
  return made;
}

/** A call that returned `ret`, as the trace records one (made through Node's fs, not koffi). */
function succeeded(call: string, c: string, ret: number): CallRecord {
  return { type: 'call', pid: process.pid, call, c, ret, errno: null, message: null, at: now() };
}

function cannot(what: Text, err: unknown): ProtoError {
  const why = (err as Error).message;
  return new ProtoError({ en: `cannot ${what.en}: ${why}`, zh: `无法${what.zh}：${why}` });
}
