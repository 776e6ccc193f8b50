// `ipclab clnt`: the client side of the rendezvous. Only the message texts go to
// stdout, one per line; the calls and results go to stderr.
import type { Options } from '../cli.js';
import type { ProtoEvent, Text } from '../proto/events.js';
import { Client } from '../proto/client.js';
import { rendezvousPath } from '../proto/path.js';
import { formatEvent } from '../proto/print.js';
import { runSide } from '../proto/run-side.js';

export async function run(options: Options): Promise<number> {
  const report = (text: Text) => process.stderr.write(`ipclab clnt: ${text[options.lang]}\n`);
  const emit = (e: ProtoEvent) => {
    const line = formatEvent(e, 'clnt', options.lang);
    if (line) process.stderr.write(`${line}\n`);
  };
  const client = new Client({
    rendezvous: rendezvousPath(options.path),
    timeoutMs: options.timeout * 1000,
    emit,
    onMessage: (bytes) => process.stdout.write(Buffer.concat([bytes, Buffer.from('\n')])),
  });
  return runSide(client, report, (sig) => report({ en: `${sig}: detaching and leaving`, zh: `${sig}：分离后退出` }));
}
