// `ipclab serv`: the server side of the rendezvous, for a terminal of its own.
// Calls and results go to stderr; the messages come from --message or stdin lines.
import type { Options } from '../options.js';
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
  const server = new Server({ rendezvous: rendezvousPath(options.path), messages, timeoutMs: options.timeout * 1000, emit });
  return runSide(server, report, (sig) => report({ en: `${sig}: removing the segment and leaving`, zh: `${sig}：删除共享内存段后退出` }));
}
