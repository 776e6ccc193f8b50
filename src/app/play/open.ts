// `ipclab play` on a terminal: the tutorial's screen opened in the playground
// (docs/ARCHITECTURE.md, "The playground"); Esc goes on to the lessons. Script mode
// (a file, stdin not a terminal) is the play command's own and never comes here.
import type { Lang } from '../../lang.js';
import { EXIT } from '../../exit-codes.js';
import { USAGE_ERRORS } from '../../usage-errors.js';

export interface PlaygroundOptions {
  lang: Lang;
  ascii: boolean;
  color: boolean;
  /** lift the look-only rule for segments the playground did not create */
  allowForeign: boolean;
  /** a challenge to open (an id of `ipclab challenges`) */
  challenge?: string;
}

/** Runs the playground until the learner quits; the exit status. */
export async function openPlayground(opts: PlaygroundOptions): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(`ipclab: ${USAGE_ERRORS[opts.lang].needsTerminal}\n`);
    return EXIT.usage;
  }
  const { launchTui } = await import('../launch.js');
  await launchTui({
    lang: opts.lang,
    ascii: opts.ascii,
    color: opts.color,
    present: false,
    // Esc leads to the lessons, with their questions as usual
    quiz: true,
    restart: false,
    play: { open: true, allowForeign: opts.allowForeign, challenge: opts.challenge },
  });
  return EXIT.ok;
}
