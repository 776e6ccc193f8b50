// The server's messages: --message arguments or the lines of stdin, checked before
// anything is created so refused input leaves no trace in the kernel.
import { readFileSync } from 'node:fs';
import { ProtoError } from './events.js';
import { RV_DATA_MAX } from './layout.js';
import { EXIT } from '../exit-codes.js';

/** Lines of stdin without their "\n" or "\r\n"; bytes pass through unchanged.
 *  No text after the last newline adds no message; "\n" alone is one empty message. */
export function splitLines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < input.length) {
    let end = input.indexOf(0x0a, start);
    const next = end < 0 ? input.length : end + 1;
    if (end < 0) end = input.length;
    else if (end > start && input[end - 1] === 0x0d) end -= 1;
    lines.push(input.subarray(start, end));
    start = next;
  }
  return lines;
}

/** --message values as the bytes given. Node decodes argv as UTF-8 and turns bytes
 *  that are not UTF-8 into U+FFFD; /proc/self/cmdline still holds the raw bytes, so
 *  then they are taken from there (ours are the last argv words, after Node's own). */
export function messagesFromArgs(messages: string[], argv: string[] = process.argv): Buffer[] {
  const utf8 = messages.map((m) => Buffer.from(m, 'utf8'));
  if (!messages.some((m) => m.includes('\uFFFD'))) return utf8;
  let words: Buffer[];
  try {
    const all = readFileSync('/proc/self/cmdline');
    words = splitOn(all.subarray(0, all.length - 1), 0).slice(-(argv.length - 2));
  } catch {
    return utf8;
  }
  const raw: Buffer[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i].toString('utf8');
    if (word === '--') break;
    if (word === '--message' && i + 1 < words.length) raw.push(words[++i]);
    else if (word.startsWith('--message=')) raw.push(words[i].subarray('--message='.length));
  }
  const same = raw.length === messages.length && raw.every((r, i) => r.toString('utf8') === messages[i]);
  return same ? raw : utf8;
}

function splitOn(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; ; ) {
    const end = bytes.indexOf(separator, start);
    parts.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    if (end < 0) return parts;
    start = end + 1;
  }
}

/** Refuses (exit 2) an empty list, a message over RV_DATA_MAX bytes, or one holding a
 *  newline or a NUL: the client prints one line per message. */
export function checkMessages(messages: Buffer[]): void {
  if (messages.length === 0) {
    throw new ProtoError({ en: 'no messages to send: give --message TEXT or lines on stdin', zh: '没有要发送的消息：请用 --message TEXT 或从标准输入逐行提供' }, EXIT.usage);
  }
  messages.forEach((m, i) => {
    const n = i + 1;
    if (m.length > RV_DATA_MAX) {
      throw new ProtoError({ en: `message ${n} has ${m.length} bytes; at most ${RV_DATA_MAX} fit in the segment`, zh: `第 ${n} 条消息有 ${m.length} 字节；共享内存段最多容纳 ${RV_DATA_MAX} 字节` }, EXIT.usage);
    }
    if (m.includes(0x0a)) throw new ProtoError({ en: `message ${n} holds a newline; send one line per message`, zh: `第 ${n} 条消息含有换行符；每条消息只能是一行` }, EXIT.usage);
    if (m.includes(0)) throw new ProtoError({ en: `message ${n} holds a NUL byte; messages are text`, zh: `第 ${n} 条消息含有 NUL 字节；消息必须是文本` }, EXIT.usage);
  });
}
