// Where `tmux -L NAME` keeps its socket: kill-server leaves the file there, so whoever
// starts a private server removes it after (tests, bench, startup-ratio).
import { join } from 'node:path';

export function tmuxSocketPath(name) {
  return join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid()}`, name);
}
