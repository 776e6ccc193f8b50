// Runs one side of an exchange (server, client, or a lesson's child) to its end and
// turns the way it ended into an exit code. Signals clean up first, then exit 128+n.
import { ENDING_SIGNALS, exitBeforeTeardown, installCleanup } from '../native/index.js';
import { ProtoError, type Text } from './events.js';
import { EXIT } from '../exit-codes.js';

export interface Side {
  /** resolves when the side is done: to its exit status where it has its own, as its C
   *  counterpart's (the msg reader exits 2 after EIDRM, as msg.c's does), else EXIT.ok */
  run(): Promise<number | void>;
  /** synchronous, idempotent: detach, and remove what this side created */
  cleanup(): void;
}

/** EXIT.ok when the side finished (or the status its run gave); a ProtoError's status after `report`; on SIGINT,
 *  SIGTERM, SIGHUP or SIGQUIT the side cleans up and the native cleanup ends the
 *  process by that signal (a shell sees 128+n). */
export async function runSide(side: Side, report: (text: Text) => void, onSignal?: (name: string) => void): Promise<number> {
  for (const name of ENDING_SIGNALS) {
    // prepend: ours must run before installCleanup's handler, which exits
    process.prependListener(name, () => {
      onSignal?.(name);
      side.cleanup();
    });
  }
  installCleanup();
  // after the cleanup's own 'exit' listener: the signal listeners stay until the very end
  process.once('exit', exitBeforeTeardown);
  try {
    return (await side.run()) ?? EXIT.ok;
  } catch (err) {
    side.cleanup();
    if (!(err instanceof ProtoError)) throw err;
    report(err.text);
    return err.exitCode;
  }
}
