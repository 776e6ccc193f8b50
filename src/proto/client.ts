// The client side of the rendezvous (docs/PROTOCOL.md, steps 2 and 4): find the server's
// segment through ftok(PATH, 'S'), claim client_pid, and take each message in turn,
// acknowledging it. Either side may start first: the client retries until its timeout.
import * as sys from '../native/index.js';
import type { CallRecord, Segment } from '../native/index.js';
import { event, now, phase, ProtoError, type Emit } from './events.js';
import { SHARED } from '../text/strings.js';
import { hex32, OFF, readFields, RV_DATA_MAX, RV_LAST, RV_MAGIC, RV_SIZE } from './layout.js';
import { peerGone } from './liveness.js';
import type { RendezvousPath } from './path.js';
import { Wakeups, POLL_MS, wokenText } from './wakeups.js';
import { load, publish, PROJ_ID, segmentNotOurs, SETTLE_MS, SETTLE_POLL_MS } from './shared.js';

export interface ClientOptions {
  rendezvous: RendezvousPath;
  timeoutMs: number;
  emit: Emit;
  /** one message's bytes, unchanged (the command prints them and a newline on stdout) */
  onMessage(bytes: Buffer, seq: number): void;
}

export class Client {
  #seg: Segment | null = null;
  #wake: Wakeups | null = null;

  constructor(private readonly opts: ClientOptions) {}

  private emitFields(): void {
    if (this.#seg) this.opts.emit({ type: 'fields', pid: process.pid, shmid: this.#seg.shmid, fields: readFields(this.#seg), at: now() });
  }

  async run(): Promise<void> {
    const { emit, timeoutMs } = this.opts;
    // the server may signal as soon as client_pid holds our pid: listen first
    const wake = (this.#wake = new Wakeups(['SIGUSR2']));
    const seg = await this.join(now() + timeoutMs);
    const server = seg.readInt32(OFF.server_pid);
    const before = seg.compareExchangeInt32(OFF.client_pid, 0, process.pid);
    // the call as examples/c/clnt.c writes and prints it (`expected` holds 0): 1 when client_pid was 0 and is now ours
    const won = before === 0;
    const cas = `__atomic_compare_exchange_n(&rv->client_pid, &expected, ${process.pid}, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) = ${won ? 1 : 0}`;
    const said = won ? 'claimed' : 'taken';
    // the call's &expected, set as clnt.c sets it (a newcomer pass: it was never shown set)
    emit(event('expected = 0'));
    // the call as the code makes it, then in plain words on a line of its own (issue 16: its
    // arguments and memory orders said nothing to a newcomer of what it did)
    emit(event(cas));
    emit(event({ en: SHARED.en[said], zh: SHARED.zh[said] }));
    if (before !== 0) {
      throw new ProtoError({
        en: `another client (pid ${before}) is in session with server ${server}`,
        zh: `已有另一个客户端（进程 ${before}）在与服务端 ${server} 会话`,
      });
    }
    this.emitFields();
    const woke = sys.kill(server, sys.SIGUSR2);
    emit(woke);
    if (woke.errno) throw serverGone(server);
    emit(phase('joined'));

    let ack = seg.readUint32(OFF.ack);
    let until = now() + timeoutMs;
    for (;;) {
      const by = await wake.until(
        () => load(seg, OFF.seq) !== ack,
        () => {
          if (peerGone(server)) throw serverGone(server);
          if (now() >= until) {
            throw new ProtoError({
              en: `the server (pid ${server}) sent nothing within ${timeoutMs / 1000} s`,
              zh: `服务端（进程 ${server}）在 ${timeoutMs / 1000} 秒内没有发送任何消息`,
            });
          }
        },
        until,
      );
      const seq = load(seg, OFF.seq);
      if (seq !== ack + 1) throw notProtocol(`rv->seq jumped from ${ack} to ${seq}`);
      const len = seg.readUint32(OFF.len);
      const flags = seg.readUint32(OFF.flags);
      if (len > RV_DATA_MAX) throw notProtocol(`rv->len is ${len}, over ${RV_DATA_MAX}`);
      const bytes = seg.read(OFF.data, len);
      // how it saw seq move: a poll may see it before the server's kill(), which then follows it in the trace
      const how = wokenText(by);
      emit(event({ en: `${SHARED.en.readData(seq, len, flags)}${how.en}`, zh: `${SHARED.zh.readData(seq, len, flags)}${how.zh}` }));
      this.opts.onMessage(bytes, seq);
      emit({ type: 'message', pid: process.pid, seq, base64: bytes.toString('base64'), at: now() });
      ack = seq;
      publish(seg, OFF.ack, ack);
      emit(event(`rv->ack = ${ack}`));
      this.emitFields();
      const told = sys.kill(server, sys.SIGUSR2);
      emit(told);
      // after the last ack the server may already be gone: ESRCH then is no error
      if (flags & RV_LAST) break;
      if (told.errno) throw serverGone(server);
      emit(phase('received', seq));
      until = now() + timeoutMs;
    }
    emit(phase('received', ack));
    // detach first: a server waits for that before it removes the segment
    const shmid = seg.shmid;
    this.cleanup();
    await this.settle(server, shmid);
    emit(phase('done'));
  }

  /** A server may still signal after the last ack: its wake-up for the last message when
   *  we saw seq by polling, or a goodbye of its own. A Node process on its way out no
   *  longer listens, and a late SIGUSR2 would kill it (exit 140 instead of 0). So keep
   *  listening, briefly, until the server is gone or has removed the segment a moment ago. */
  private async settle(server: number, shmid: number): Promise<void> {
    const until = now() + SETTLE_MS;
    let removedAt = Infinity;
    while (now() < until && !peerGone(server) && now() < removedAt + SETTLE_POLL_MS) {
      if (removedAt === Infinity && !sys.shmctlStat(shmid).ds) removedAt = now();
      await this.#wake!.wait(SETTLE_POLL_MS);
    }
  }

  /** ftok, shmget(key, 0, 0), shmat, then wait for magic and a live server_pid.
   *  Retries every POLL_MS until the deadline. */
  private async join(deadline: number): Promise<Segment> {
    const { emit, rendezvous } = this.opts;
    const told = new Set<string>(); // say each kind of retry once, not ten times a second
    const retry = async (kind: string, calls: CallRecord[], why: { en: string; zh: string }) => {
      if (!told.has(kind)) {
        told.add(kind);
        for (const c of calls) emit(c);
        emit(event({ en: `${why.en}; ${SHARED.en.retrying(POLL_MS)}`, zh: `${why.zh}；${SHARED.zh.retrying(POLL_MS)}` }));
      }
      if (now() >= deadline) {
        throw new ProtoError({ en: `no server on ${rendezvous.path} within the timeout`, zh: `超时：${rendezvous.path} 上没有服务端` });
      }
      await this.#wake!.wait(deadline - now());
    };
    for (;;) {
      const key = sys.ftok(rendezvous.path, PROJ_ID);
      if (key.errno) {
        await retry('ftok', [key], { en: 'no rendezvous file yet', zh: '会合文件还不存在' });
        continue;
      }
      const open = sys.shmget(key.ret as number, 0, 0);
      if (open.errno === 'ENOENT') {
        await retry('shmget', [key, open], { en: 'no segment at this key yet', zh: '此 key 上还没有共享内存段' });
        continue;
      }
      emit(key);
      emit(open);
      if (open.errno) {
        throw new ProtoError({ en: `cannot open the segment at key ${key.retText}: ${open.message}`, zh: `无法打开 key ${key.retText} 上的段：${open.message}` });
      }
      const id = open.ret as number;
      const stat = sys.shmctlStat(id);
      emit(stat.call);
      if (!stat.ds) continue; // removed meanwhile
      if (stat.ds.size < RV_SIZE) throw segmentNotOurs(id, `${stat.ds.size} bytes, not 4096`);
      // why the client reads the record at all (a newcomer pass: the step never said)
      emit(event({ en: `ds.shm_segsz == ${stat.ds.size}: room for struct ipclab_rv, so this is the server's segment (a smaller one at this key would be another program's)`, zh: `ds.shm_segsz == ${stat.ds.size}：放得下 struct ipclab_rv，是服务端的段（放不下就说明这个 key 上是别的程序的段）` }));
      const at = sys.shmat(id);
      emit(at.call);
      if (!at.segment) {
        if (at.call.errno === 'EINVAL' || at.call.errno === 'EIDRM') continue;
        throw new ProtoError({ en: `cannot attach segment ${id}: ${at.call.message}`, zh: `无法映射段 ${id}：${at.call.message}` });
      }
      this.#seg = at.segment;
      const seg = at.segment;
      for (;;) {
        const magic = load(seg, OFF.magic);
        const server = seg.readInt32(OFF.server_pid);
        if (magic === RV_MAGIC && server > 0 && !peerGone(server)) {
          emit(event(`rv->magic == ${hex32(magic)}, rv->server_pid == ${server}`));
          this.emitFields();
          return seg;
        }
        if (magic !== 0 && magic !== RV_MAGIC) {
          this.cleanup();
          throw segmentNotOurs(id, `magic ${hex32(magic)}`);
        }
        await retry(
          magic === 0 ? 'magic' : 'stale',
          [],
          magic === 0
            ? { en: 'rv->magic == 0: the server is not ready yet', zh: 'rv->magic == 0：服务端还没就绪' }
            : { en: `rv->server_pid ${server} is gone: waiting for a new server`, zh: `rv->server_pid ${server} 已不在：等待新的服务端` },
        );
        // a new server may have taken the key over: look it up again
        if (sys.shmget(key.ret as number, 0, 0).ret !== id) break;
      }
      this.cleanup();
    }
  }

  /** Detaches (the client never removes: the server made the segment). Synchronous. A server
   *  that removed the segment first (serv.c does, at serv-clnt 6) left it dest while this side
   *  maps it: its ipcs row says so just before the shmdt that frees it (issue 16: the quiz named
   *  dest, and no pane ever showed it). */
  cleanup(): void {
    if (this.#seg?.attached) {
      const shmid = this.#seg.shmid;
      const row = sys.readSegments().find((r) => r.shmid === shmid);
      if (row?.status.includes('dest')) {
        this.opts.emit(event({
          // one Trace row: serv-clnt 6's lines from IPC_RMID to the exits fill the 5 rows at 80x24
          en: `ipcs -m before this shmdt: shmid ${shmid}, nattch ${row.nattch}, status dest`,
          zh: `这次 shmdt 前的 ipcs -m：shmid ${shmid}，nattch ${row.nattch}，status dest`,
        }));
      }
      this.opts.emit(sys.shmdt(this.#seg));
    }
    this.#seg = null;
  }
}

function serverGone(pid: number): ProtoError {
  return new ProtoError({ en: `the server (pid ${pid}) is gone`, zh: `服务端（进程 ${pid}）已不在` });
}

function notProtocol(why: string): ProtoError {
  return new ProtoError({ en: `${why}: the server does not follow the protocol`, zh: `${why}：服务端没有遵守协议` });
}
