// `ipclab clnt`: the client side of the rendezvous. Only the message texts go to
// stdout, one per line; the calls and results go to stderr.
import type { Options } from '../options.js';
import { ProtoError, type ProtoEvent, type Text } from '../proto/events.js';
import { Client } from '../proto/client.js';
import { rendezvousPath } from '../proto/path.js';
import { formatEvent } from '../proto/print.js';
import { runSide } from '../proto/run-side.js';

export async function run(options: Options): Promise<number> {
  // `ipclab clnt | head -1`: a reader that went away is not a crash, but the messages
  // can no longer be delivered, so the client stops acknowledging them
  let stdoutGone = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutGone = true;
  });
  const report = (text: Text) => process.stderr.write(`ipclab clnt: ${text[options.lang]}\n`);
  const emit = (e: ProtoEvent) => {
    const line = formatEvent(e, 'clnt', options.lang);
    if (line) process.stderr.write(`${line}\n`);
  };
  const client = new Client({
    rendezvous: rendezvousPath(options.path),
    timeoutMs: options.timeout * 1000,
    emit,
    onMessage: (bytes) => {
      if (stdoutGone) throw new ProtoError({ en: 'stdout is closed: the messages have nowhere to go', zh: '标准输出已关闭：消息无处可写' });
      process.stdout.write(Buffer.concat([bytes, Buffer.from('\n')]));
    },
  });
  return runSide(client, report, (sig) => report({ en: `${sig}: detaching and leaving`, zh: `${sig}：分离后退出` }));
}
