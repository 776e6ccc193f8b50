// A lesson's other process, wired to the lesson: its calls and events go into the
// lesson's trace as they arrive (each with its own pid and time), the struct it
// reads goes to the state panel, its end is reported with its exit code or signal,
// and the lesson's reset or close ends it.
import type { StepContext, Text } from '../lessons/types.js';
import { now, type ProtoEvent } from './events.js';
import { decodedRows } from './layout.js';
import type { PeerSpec } from './peer.js';
import { PeerProcess } from './spawn.js';

function said(ctx: StepContext, pid: number, text: Text): void {
  ctx.trace({ type: 'event', pid, text, at: now() });
}

function forward(ctx: StepContext, e: ProtoEvent): void {
  switch (e.type) {
    case 'call':
    case 'event':
      ctx.trace(e);
      break;
    case 'fields':
      ctx.setDecoded?.({ title: 'struct ipclab_rv', shmid: e.shmid, pid: e.pid, fields: decodedRows(e.fields) });
      break;
    case 'message': {
      const text = JSON.stringify(Buffer.from(e.base64, 'base64').toString('utf8'));
      ctx.trace({ type: 'event', pid: e.pid, text: { en: `printf("%s\\n", rv->data) prints ${text}`, zh: `printf("%s\\n", rv->data) 打印出 ${text}` }, at: e.at });
      break;
    }
    case 'phase':
      break;
  }
}

/** Starts `node bin/ipclab.mjs _peer SPEC`; `role` names it in the trace ("child", "server"). */
export function startPeer(ctx: StepContext, spec: PeerSpec, role: Text): PeerProcess {
  const peer = new PeerProcess(spec, (e) => forward(ctx, e));
  said(ctx, process.pid, { en: `spawn(node ipclab _peer ${spec.role}) = ${peer.pid}: the ${role.en}`, zh: `spawn(node ipclab _peer ${spec.role}) = ${peer.pid}：${role.zh}` });
  void peer.exited.then(({ code, signal }) => {
    const how: Text = signal
      ? { en: `killed by ${signal}`, zh: `被 ${signal} 杀死` }
      : { en: `exited with code ${code}`, zh: `退出，退出码 ${code}` };
    said(ctx, peer.pid, { en: `${role.en} ${how.en}`, zh: `${role.zh}${how.zh}` });
    const last = peer.stderr.trim().split('\n').pop();
    if (code !== 0 && last) said(ctx, peer.pid, { en: last, zh: last });
  });
  ctx.onReset(async () => {
    await peer.stop();
  });
  return peer;
}
