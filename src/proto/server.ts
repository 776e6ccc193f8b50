// The server side of the rendezvous (docs/PROTOCOL.md, steps 1, 3 and 5): create the segment
// at ftok(PATH, 'S'), say "ready" with server_pid then magic, and hand each message
// over with seq, waiting for the client's ack. The fields are the truth; SIGUSR2 only wakes.
import * as sys from '../native/index.js';
import type { Segment } from '../native/index.js';
import { event, now, phase, ProtoError, type Emit } from './events.js';
import { SHARED } from '../text/strings.js';
import { hex32, OFF, readFields, RV_LAST, RV_MAGIC, RV_SIZE } from './layout.js';
import { peerGone } from './liveness.js';
import { ensureRendezvousFile, type RendezvousPath } from './path.js';
import { Wakeups, wokenText } from './wakeups.js';
import { load, preview, publish, PROJ_ID, segmentNotOurs, SETTLE_MS, SETTLE_POLL_MS } from './shared.js';

export interface ServerOptions {
  rendezvous: RendezvousPath;
  /** checked already (checkMessages): at most RV_DATA_MAX bytes, no newline or NUL */
  messages: Buffer[];
  timeoutMs: number;
  emit: Emit;
  /** a lesson's pace: awaited before message `seq` is written; the command does not wait */
  gate?: (seq: number) => Promise<void>;
}

export class Server {
  #shmid = -1;
  #seg: Segment | null = null;
  #wake: Wakeups | null = null;

  constructor(private readonly opts: ServerOptions) {}

  private emitFields(): void {
    if (this.#seg) this.opts.emit({ type: 'fields', pid: process.pid, shmid: this.#shmid, fields: readFields(this.#seg), at: now() });
  }

  async run(): Promise<void> {
    const { rendezvous, messages, timeoutMs, emit } = this.opts;
    const deadline = now() + timeoutMs;
    const made = ensureRendezvousFile(rendezvous);
    for (const call of made) emit(call);
    // what the open is for, said where it shows (issue 16: "open(...) = 19" went unexplained)
    if (made.some((c) => c.call === 'open')) emit(event({ en: 'the rendezvous file, made empty: ftok reads its inode, so both sides get one key', zh: '建好的空会合文件：ftok 读它的 inode，双方由此得到同一个 key' }));
    const key = sys.ftok(rendezvous.path, PROJ_ID);
    emit(key);
    if (key.errno) throw new ProtoError({ en: `cannot make a key from ${rendezvous.path}: ${key.message}`, zh: `无法由 ${rendezvous.path} 生成 key：${key.message}` });
    this.#shmid = this.create(key.ret as number);

    const at = sys.shmat(this.#shmid);
    emit(at.call);
    if (!at.segment) throw new ProtoError({ en: `cannot attach segment ${this.#shmid}: ${at.call.message}`, zh: `无法映射段 ${this.#shmid}：${at.call.message}` });
    const seg = (this.#seg = at.segment);
    // listen before the magic tells clients we are there
    this.#wake = new Wakeups(['SIGUSR2']);
    seg.write(0, new Uint8Array(OFF.data));
    emit(event(`memset(rv, 0, ${OFF.data})`));
    seg.writeInt32(OFF.server_pid, process.pid);
    emit(event(`rv->server_pid = ${process.pid}`));
    publish(seg, OFF.magic, RV_MAGIC);
    emit(event({ en: `rv->magic = ${hex32(RV_MAGIC)} (${SHARED.en.readyWaiting})`, zh: `rv->magic = ${hex32(RV_MAGIC)}（${SHARED.zh.readyWaiting}）` }));
    this.emitFields();
    emit(phase('ready'));

    const joined = await this.#wake.until(
      () => load(seg, OFF.client_pid) !== 0,
      () => {
        if (now() >= deadline) throw new ProtoError({ en: `no client joined within ${timeoutMs / 1000} s`, zh: `${timeoutMs / 1000} 秒内没有客户端加入` });
      },
      deadline,
    );
    const client = seg.readInt32(OFF.client_pid);
    // kill() with a pid below 1 would signal a whole process group, or every process
    if (client < 0) {
      throw new ProtoError({ en: `rv->client_pid is ${client}, not a process: the client does not follow the protocol`, zh: `rv->client_pid 为 ${client}，不是进程号：客户端没有遵守协议` });
    }
    // how it saw the client's pid: woken by its SIGUSR2, at a poll, or there already; in
    // serv.c's words, so one event reads the same from either server (issue 16)
    const how = wokenText(joined);
    emit(event({ en: `rv->client_pid == ${client} (${SHARED.en.clientJoined})${how.en}`, zh: `rv->client_pid == ${client}：${SHARED.zh.clientJoined}${how.zh}` }));
    this.emitFields();
    emit(phase('joined'));

    for (let i = 0; i < messages.length; i++) {
      await this.opts.gate?.(i + 1);
      await this.send(seg, client, messages[i], i === messages.length - 1);
    }
    await this.lastWakeup(client);
    emit(phase('done'));
  }

  /** shmget(key, 4096, IPC_CREAT|IPC_EXCL|0600); when the key is taken, refuse or take over a stale one. */
  private create(key: number): number {
    for (let attempt = 0; ; attempt++) {
      const made = sys.shmget(key, RV_SIZE, sys.IPC_CREAT | sys.IPC_EXCL | 0o600);
      this.opts.emit(made);
      if (made.errno === null) return made.ret as number;
      if (made.errno !== 'EEXIST' || attempt === 3) {
        throw new ProtoError({ en: `cannot create the segment: ${made.message}`, zh: `无法创建共享内存段：${made.message}` });
      }
      this.inspectTaken(key);
    }
  }

  /** The key names a segment already. Refuses (ProtoError) unless it is a stale ipclab
   *  segment of our uid whose server is gone: that one is removed. Writes nothing to it. */
  private inspectTaken(key: number): void {
    const { emit, rendezvous } = this.opts;
    const open = sys.shmget(key, 0, 0);
    emit(open);
    if (open.errno === 'ENOENT') return; // removed meanwhile: create again
    if (open.errno) {
      throw new ProtoError({
        en: `the segment at key ${sys.formatKey(key)} is not ours to use (${open.message}); left alone`,
        zh: `key ${sys.formatKey(key)} 上的段不归我们使用（${open.message}）；未做改动`,
      });
    }
    const id = open.ret as number;
    const stat = sys.shmctlStat(id);
    emit(stat.call);
    if (!stat.ds) return; // removed meanwhile
    if (stat.ds.size < RV_SIZE) throw segmentNotOurs(id, `${stat.ds.size} bytes, not 4096`);
    const peek = sys.shmat(id, sys.SHM_RDONLY);
    emit(peek.call);
    if (!peek.segment) return;
    const magic = peek.segment.readUint32(OFF.magic);
    const owner = peek.segment.readInt32(OFF.server_pid);
    emit(event(`rv->magic == ${hex32(magic)}, rv->server_pid == ${owner}`));
    emit(sys.shmdt(peek.segment));
    if (magic !== RV_MAGIC) {
      if (magic === 0 && !peerGone(stat.ds.cpid)) {
        throw new ProtoError({
          en: `segment ${id} at this key is being set up by pid ${stat.ds.cpid}; try again in a moment`,
          zh: `此 key 上的段 ${id} 正由进程 ${stat.ds.cpid} 建立；请稍后再试`,
        });
      }
      throw segmentNotOurs(id, `magic ${hex32(magic)}`);
    }
    if (!peerGone(owner)) {
      throw new ProtoError({
        en: `a server is already running on ${rendezvous.path}: pid ${owner} (segment ${id})`,
        zh: `${rendezvous.path} 上已有服务端在运行：进程 ${owner}（段 ${id}）`,
      });
    }
    if (stat.ds.cuid !== process.getuid!()) {
      throw new ProtoError({
        en: `the stale ipclab segment ${id} at this key was made by uid ${stat.ds.cuid}, not by you; left alone`,
        zh: `此 key 上的过期 ipclab 段 ${id} 由 uid ${stat.ds.cuid} 创建，不是你；未做改动`,
      });
    }
    emit(event({
      en: `taking over: segment ${id} is stale (its server, pid ${owner}, is gone); removing it and creating a new one`,
      zh: `接管：段 ${id} 已过期（其服务端进程 ${owner} 已不在）；删除后重新创建`,
    }));
    emit(sys.shmctlRmid(id));
  }

  private async send(seg: Segment, client: number, text: Buffer, last: boolean): Promise<void> {
    const { emit, timeoutMs } = this.opts;
    seg.write(OFF.data, Buffer.concat([text, Buffer.from([0])]));
    seg.writeUint32(OFF.len, text.length);
    seg.writeUint32(OFF.flags, last ? RV_LAST : 0);
    const seq = seg.readUint32(OFF.ack) + 1;
    // seq last: the client takes data, len and flags as soon as it sees seq move
    publish(seg, OFF.seq, seq);
    emit(event(`memcpy(rv->data, ${preview(text)}, ${text.length + 1}); rv->len = ${text.length}; rv->flags = ${last ? RV_LAST : 0}; rv->seq = ${seq}`));
    this.emitFields();
    const woke = sys.kill(client, sys.SIGUSR2);
    emit(woke);
    // a client that saw seq by polling may have acked and left already (after the last
    // message, that is its right): ESRCH is an error only if the wait below finds no ack
    if (woke.errno && woke.errno !== 'ESRCH') throw clientGone(client);
    emit(phase('sent', seq));
    const until = now() + timeoutMs;
    const by = await this.#wake!.until(
      () => load(seg, OFF.ack) === seq,
      () => {
        if (peerGone(client)) throw clientGone(client);
        if (now() >= until) {
          throw new ProtoError({
            en: `the client (pid ${client}) did not acknowledge message ${seq} within ${timeoutMs / 1000} s`,
            zh: `客户端（进程 ${client}）在 ${timeoutMs / 1000} 秒内没有确认第 ${seq} 条消息`,
          });
        }
      },
      until,
    );
    // how it saw the ack: a poll may see it before the client's kill(), which then follows it in
    // the trace; in serv.c's words (issue 16: "the client has it" here, bare there)
    const how = wokenText(by);
    emit(event({ en: `rv->ack == ${seq}${how.en}`, zh: `rv->ack == ${seq}${how.zh}` }));
    this.emitFields();
    emit(phase('acked', seq));
  }

  /** The client signals after it writes ack, so the server may see the last ack by
   *  polling before that SIGUSR2 lands, and a client may signal more than once or only
   *  after it detached. A Node process on its way out no longer listens: a late SIGUSR2
   *  would kill it (exit 140 instead of 0). So wait (briefly) until the client has
   *  detached, remove the segment, and keep listening until the client is gone. */
  private async lastWakeup(client: number): Promise<void> {
    const until = now() + SETTLE_MS;
    while (now() < until && !peerGone(client)) {
      const { ds } = sys.shmctlStat(this.#shmid);
      if (!ds || ds.nattch <= 1) break;
      await this.#wake!.wait(SETTLE_POLL_MS);
    }
    this.cleanup();
    while (now() < until && !peerGone(client)) await this.#wake!.wait(SETTLE_POLL_MS);
  }

  /** Detaches and removes the segment we created. Synchronous, so a signal handler
   *  can run it before the process exits; safe to call again. */
  cleanup(): void {
    const { emit } = this.opts;
    if (this.#seg?.attached) emit(sys.shmdt(this.#seg));
    this.#seg = null;
    if (this.#shmid >= 0) emit(sys.shmctlRmid(this.#shmid));
    this.#shmid = -1;
  }
}

function clientGone(pid: number): ProtoError {
  return new ProtoError({ en: `the client (pid ${pid}) is gone`, zh: `客户端（进程 ${pid}）已不在` });
}
