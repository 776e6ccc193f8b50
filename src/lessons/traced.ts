// The native layer as a lesson step sees it: the same exports, with every call that
// reports a CallRecord (or a child's death) added to the trace as it returns.
import * as native from '../native/index.js';
import type { CallRecord, ChildDeath } from '../native/types.js';
import type { TraceEntry } from './types.js';
import { both } from '../text/strings.js';
import { now } from '../native/clock.js';

export type Native = typeof native;

export interface TraceHooks {
  record(entry: TraceEntry): void;
  /** told about every successful call after it was recorded: the engine tracks what the lesson made */
  afterCall?(name: string, args: unknown[], result: unknown): void;
}

function isCallRecord(value: unknown): value is CallRecord {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'call' && 'c' in value;
}

function isDeath(value: unknown): value is ChildDeath & { pid: number } {
  return typeof value === 'object' && value !== null && 'signal' in value && 'code' in value && 'pid' in value;
}

/** Classes (Segment, SegmentError) pass through untouched: wrapping them would break `new` and instanceof. */
function isClass(fn: Function): boolean {
  return Object.getOwnPropertyDescriptor(fn, 'prototype')?.writable === false;
}

function recordResult(name: string, args: unknown[], result: unknown, hooks: TraceHooks): void {
  if (isCallRecord(result)) hooks.record(result);
  else if (Array.isArray(result)) {
    for (const item of result) if (isCallRecord(item)) hooks.record(item);
  } else if (typeof result === 'object' && result !== null && isCallRecord((result as { call?: unknown }).call)) {
    hooks.record((result as { call: CallRecord }).call);
  } else if (isDeath(result)) {
    const opts = args[0] as { op?: string } | undefined;
    const { pid, signal, code } = result;
    // what the child did before it died (crashInChild's shmat), each at its own time
    const { calls, spawnedAt, accessAt, address } = result as { calls?: unknown; spawnedAt?: unknown; accessAt?: unknown; address?: unknown };
    // the trace shows every process start before its calls (docs/PROTOCOL.md)
    if (typeof spawnedAt === 'number') {
      const job = opts?.op ?? name;
      hooks.record({ type: 'event', pid: process.pid, text: both((s) => s.forked(pid, s.child, s.childJob(job))), at: spawnedAt });
    }
    if (Array.isArray(calls)) for (const c of calls) if (isCallRecord(c)) hooks.record(c);
    // the access that kills it, under its own pid, stamped before it, so it shows before the death
    if (typeof accessAt === 'number' && typeof address === 'string' && opts?.op) {
      const op = opts.op;
      hooks.record({ type: 'event', pid, text: both((s) => s.childAccess(op, address)), at: accessAt });
    }
    hooks.record({ type: 'death', pid, what: opts?.op ?? name, death: { signal, code }, at: now() });
  }
  hooks.afterCall?.(name, args, result);
}

/** A copy of the native namespace whose functions record what they return. */
export function tracedNative(hooks: TraceHooks): Native {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(native)) {
    if (typeof value !== 'function' || isClass(value)) {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      const result = fn(...args);
      if (result instanceof Promise) {
        return result.then((settled) => {
          recordResult(name, args, settled, hooks);
          return settled;
        });
      }
      recordResult(name, args, result, hooks);
      return result;
    };
  }
  return out as Native;
}
