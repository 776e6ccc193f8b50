// `ipclab _peer JSON` (hidden): the other process of a lesson or of the bench. It runs
// one side (server, client or parent-child child) and reports every event as a JSON
// line on stdout. Its stdin is a pipe from the process that started it: a line "go"
// lets a gated side take its next action, and the end of stdin means that process is
// gone, so the peer cleans up and leaves rather than outliving it.
import { createInterface } from 'node:readline';
import type { Options } from '../options.js';
import { event, type Emit } from '../proto/events.js';
import { makeSide, PEER_ROLES, type SpawnSpec } from '../proto/peer.js';
import { runSide, type Side } from '../proto/run-side.js';
import { EXIT } from '../exit-codes.js';

/** gate() resolves once per "go" line (lines sent early are kept); onEnd runs when
 *  stdin ends before stop() is called. */
function lineGate(onEnd: () => void): { gate: () => Promise<void>; stop: () => void } {
  let credits = 0;
  let waiting: (() => void) | null = null;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'go') return;
    if (waiting) {
      const go = waiting;
      waiting = null;
      go();
    } else credits += 1;
  });
  lines.on('close', onEnd);
  const gate = () =>
    new Promise<void>((resolve) => {
      if (credits > 0) {
        credits -= 1;
        resolve();
      } else waiting = resolve;
    });
  const stop = () => {
    lines.off('close', onEnd);
    lines.close();
    process.stdin.destroy();
  };
  return { gate, stop };
}

export async function run(options: Options): Promise<number> {
  let spec: SpawnSpec;
  try {
    spec = JSON.parse(options.positionals[0]) as SpawnSpec;
    if (![...PEER_ROLES, 'play'].includes(spec?.role)) throw new Error('no role');
  } catch {
    process.stderr.write('ipclab _peer: takes one JSON argument with a role (it is started by ipclab itself)\n');
    return EXIT.usage;
  }
  if (spec.role === 'play') return (await import('../play/helper.js')).runHelper(spec);
  const write: Emit = (e) => process.stdout.write(`${JSON.stringify(e)}\n`);
  // quiet (the bench): only the start and the end, not a line per round
  const emit: Emit = spec.role === 'child' && spec.quiet ? (e) => e.type === 'phase' && (e.phase === 'ready' || e.phase === 'done') && write(e) : write;
  let side: Side | null = null;
  const { gate, stop } = lineGate(() => {
    // the starter closed our stdin: it is gone or done with us
    side?.cleanup();
    process.exit(EXIT.failed);
  });
  side = makeSide(spec, emit, gate);
  const code = await runSide(side, (text) => {
    emit(event(text));
    process.stderr.write(`ipclab _peer ${spec.role}: ${text.en}\n`);
  });
  stop();
  return code;
}
