// The trace's clock, one for every process ipclab starts: CLOCK_MONOTONIC (Node's hrtime,
// what examples/c/stamp.h stamps too) plus one offset onto wall-clock milliseconds.
// performance.timeOrigin is no such clock across processes: each Node process reads it at
// its start, and a start preempted between its wall-clock and monotonic reads (a loaded
// machine) is off by the time it lost, so a peer's lines sorted after what they caused.
// The first process takes its own offset and hands it down in the environment.
const ENV = 'IPCLAB_TRACE_CLOCK';

const monotonic = (): number => Number(process.hrtime.bigint()) / 1e6;

function startOffset(): number {
  const inherited = Number(process.env[ENV]);
  if (process.env[ENV] && Number.isFinite(inherited)) return inherited;
  const own = performance.timeOrigin + performance.now() - monotonic();
  // every child (a peer, a C program, a shell command) inherits it
  process.env[ENV] = String(own);
  return own;
}

const offset = startOffset();

/** Now on the trace's clock (ms). */
export function now(): number {
  return monotonic() + offset;
}

/** A CLOCK_MONOTONIC time in ms (a C program's stamp) on the trace's clock. */
export function fromMonotonic(ms: number): number {
  return ms + offset;
}
