// A lesson's other process (`ipclab _peer`) runs on the build it was started from: were it to
// ask the build check, bin would rebuild and run it again as a child of its own, with another
// pid than the one the lesson recorded (issue 16: serv-clnt 2's "lpid is 11557, expected 11168"
// once src/ changed while the lesson ran). A command a person types still stops on a stale build.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { EXIT } from '../src/exit-codes.js';

/** a build check that says "stale" and counts how often it was asked */
function staleCheck(): { asked: number; check: () => boolean } {
  const counter = { asked: 0, check: () => true };
  counter.check = () => {
    counter.asked += 1;
    return true;
  };
  return counter;
}

describe('the build check and ipclab\'s own helper process', () => {
  it('_peer is never asked: it runs on (here a JSON without a role: a usage error, not a silent stop)', async () => {
    const stale = staleCheck();
    const code = await main(['_peer', '{}'], { buildCheck: stale.check });
    expect(stale.asked).toBe(0);
    expect(code).toBe(EXIT.usage);
  });

  it('a command a person types stops on a stale build, having done nothing', async () => {
    const stale = staleCheck();
    const code = await main(['lessons'], { buildCheck: stale.check });
    expect(stale.asked).toBe(1);
    expect(code).toBe(EXIT.ok);
  });
});
