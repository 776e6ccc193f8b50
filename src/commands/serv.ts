// `ipclab serv`: the server side of the rendezvous, for a terminal of its own.
// Calls and results go to stderr; the messages come from --message or stdin lines.
import { existsSync } from 'node:fs';
import type { Options } from '../options.js';
import { sanitize } from '../text/sanitize.js';
import type { ProtoEvent, Text } from '../proto/events.js';
import { ProtoError } from '../proto/events.js';
import { checkMessages, messagesFromArgs, splitLines } from '../proto/messages.js';
import { rendezvousPath } from '../proto/path.js';
import { formatEvent } from '../proto/print.js';
import { runSide } from '../proto/run-side.js';
import { Server } from '../proto/server.js';

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) process.stderr.write('ipclab serv: reading messages from stdin, one per line; end with Ctrl-D\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function run(options: Options): Promise<number> {
  const report = (text: Text) => process.stderr.write(`ipclab serv: ${text[options.lang]}\n`);
  const emit = (e: ProtoEvent) => {
    const line = formatEvent(e, 'serv', options.lang);
    if (line) process.stderr.write(`${line}\n`);
  };
  let messages: Buffer[];
  try {
    messages = options.messages ? messagesFromArgs(options.messages) : splitLines(await readStdin());
    checkMessages(messages);
  } catch (err) {
    if (!(err instanceof ProtoError)) throw err;
    report(err.text);
    return err.exitCode;
  }
  const rendezvous = rendezvousPath(options.path);
  const server = new Server({ rendezvous, messages, timeoutMs: options.timeout * 1000, emit });
  // the note comes before a signal's line and only after a run that went well: where serv
  // fails, its last line on stderr is the reason (docs/PROTOCOL.md; tests/contract)
  const code = await runSide(server, report, (sig) => {
    leftFile(rendezvous.path, report);
    report({ en: `${sig}: removing the segment and leaving`, zh: `${sig}：删除共享内存段后退出` });
  });
  if (code === 0) leftFile(rendezvous.path, report);
  return code;
}

/** The rendezvous file stays, by the protocol (docs/PROTOCOL.md: a new file would have a new
 *  inode and so give a new key, and a client may be waiting on this one): say so, and how
 *  to remove it, rather than leave a file the user did not ask for without a word. */
export function leftFile(path: string, report: (text: Text) => void): void {
  if (!existsSync(path)) return;
  const shown = sanitize(path);
  report({
    en: `left the rendezvous file ${shown} for the next run (ftok makes the key from its inode: a new file would give a new key); rm ${shown} removes it`,
    zh: `会合文件 ${shown} 留给下一次运行（ftok 由它的 inode 生成 key，换一个新文件就是另一个 key）；不再需要时用 rm ${shown} 删除`,
  });
}
