// How `ipclab serv` and `ipclab clnt` show what they do: one line per call or field
// access on stderr, C-style with its result, so a class can follow both terminals.
import type { Lang } from '../lang.js';
import { callText } from '../text/results.js';
import { sanitize } from '../text/sanitize.js';
import type { ProtoEvent } from './events.js';

/** "[serv 4242] shmget(0x5300f7e8, 4096, IPC_CREAT|IPC_EXCL|0600) = 32769"; null for events that are not shown. */
export function formatEvent(e: ProtoEvent, role: string, lang: Lang): string | null {
  const who = `[${role} ${e.pid}]`;
  // file names and the peer's values are outside text: no control character reaches the terminal
  if (e.type === 'call') return `${who} ${sanitize(callText(e, lang))}`;
  if (e.type === 'event') return `${who} ${sanitize(e.text[lang])}`;
  return null;
}
