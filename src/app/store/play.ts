// The playground: its session (src/play), the input line, the transcript, and which
// segment and call the panes show. Lines run one after the other in the order they
// were entered (a paste of many lines is many Enters), each after the one before has
// finished; the kernel view is read again after each.
import type { StateCreator } from 'zustand/vanilla';
import type { CallRecord } from '../../native/types.js';
import type { ChallengeState, PlayOutput, PlayProcess, PlaySession } from '../../play/types.js';
import { complete, edit, emptyLine, insert, submit, wordBefore, type EditAction, type LineState } from '../play/line-editor.js';
import { HISTORY_LIMIT } from '../play/history.js';
import { appendCapped, entriesOf, shmidOf, type PlayEntry } from '../play/transcript.js';
import type { AppState } from '../store.js';
import type { AppDeps } from './deps.js';
import type { Status } from './run.js';

export type Screen = 'lesson' | 'play';
/** The pane beside the transcript where only one fits (80x24). */
export type PlaySide = 'kernel' | 'flow' | 'challenge';

export interface PlaySlice {
  screen: Screen;
  /** the statements typed, what they printed and their calls, oldest first */
  playEntries: readonly PlayEntry[];
  /** the session's shmget calls: which segments the kernel pane marks as the playground's */
  playCalls: readonly CallRecord[];
  playLine: LineState;
  /** the last call made: what the flow lights */
  playLast: CallRecord | null;
  /** the segment the kernel pane details: the one the last call worked on */
  playFocus: number | null;
  /** statements run */
  playCount: number;
  /** statements that counted (src/play/count.ts), for the title bar */
  playCounted: number;
  /** the playground's processes (a, and b once started), for the Kernel pane */
  playProcesses: PlayProcess[];
  /** lines entered and not yet run */
  playWaiting: number;
  /** Ctrl-C was the last key: another one quits */
  playArmed: boolean;
  playSide: PlaySide;
  challenge: ChallengeState | null;
  /** ':' from the lesson, or at start: the playground (its session opened the first time) */
  openPlay(): void;
  /** Esc: back to the lesson (the saved one, opened now, after `ipclab play`); the session and what it made stay */
  leavePlay(): void;
  playEdit(action: EditAction): void;
  /** typed or pasted text without control characters, inserted at the cursor at once */
  playType(text: string): void;
  playEnter(): void;
  playComplete(): void;
  /** Ctrl-C: clears the line; twice in a row quits */
  playInterrupt(): void;
  playNextSide(): void;
  /** removes what the session made and ends its helper (quit does it) */
  closePlay(): Promise<void>;
}

export const playSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], PlaySlice> =>
  (set, get) => {
    let session: Promise<PlaySession> | null = null;
    /** the session once started: Tab completes at once, not a turn later */
    let ready: PlaySession | null = null;
    let chain: Promise<void> = Promise.resolve();

    const theSession = () => {
      if (!session) {
        session = deps.play.start(get().lang, get().ascii);
        session.then(
          (s) => (ready = s),
          // a session that cannot start says so on the status line; the next line tries again
          (err: unknown) => {
            session = null;
            set({ status: (s) => s.playNoSession(err instanceof Error ? err.message : String(err)) });
          },
        );
      }
      return session;
    };

    /** What one statement did, into the store: its entries, the call it ended on, the segment in focus. */
    const record = (text: string, output: PlayOutput, challenge: ChallengeState | null, processes: PlayProcess[]) => {
      const n = get().playCount + 1;
      const last = output.calls[output.calls.length - 1] ?? get().playLast;
      const focused = [...output.calls].reverse().map(shmidOf).find((id) => id !== null);
      if (challenge?.solved && !get().challenge?.solved) deps.play.solved(challenge.id);
      set({
        playEntries: appendCapped(get().playEntries, entriesOf(n, text, output)),
        playCalls: output.calls.some((c) => c.call === 'shmget') ? [...get().playCalls, ...output.calls.filter((c) => c.call === 'shmget')] : get().playCalls,
        playLast: last,
        playFocus: focused ?? get().playFocus,
        playCount: n,
        playCounted: get().playCounted + (output.counted ? 1 : 0),
        playProcesses: processes,
        challenge,
      });
    };

    const runLine = async (text: string) => {
      if (get().finished || get().busy === 'quitting') return;
      let s: PlaySession;
      try {
        s = await theSession();
      } catch {
        return;
      }
      get().markBefore(get().playCount);
      // the first @b starts process b (about 2 s): the status line says it is running
      const running: Status | null = /^\s*@b\b/.test(text) ? (st) => st.playRunningB : null;
      if (running) set({ status: running });
      const output = await s.run(text);
      if (running && get().status === running) set({ status: null });
      record(text, output, s.challenge, s.processes());
      get().refreshKernel(true);
      if (output.quit) await get().quit();
    };

    const enter = () => {
      const was = get().playLine;
      // an empty line runs nothing and takes no number (nc: "5›" with nothing after it)
      if (was.text.trim() === '') {
        if (was.text !== '' || get().playArmed) set({ playLine: emptyLine(was.history), playArmed: false });
        return;
      }
      const { line, next } = submit(was, HISTORY_LIMIT);
      set({ playLine: next, playArmed: false, status: null, playWaiting: get().playWaiting + 1 });
      if (next.history !== was.history) deps.play.saveHistory(next.history);
      chain = chain
        .then(() => runLine(line))
        .catch((err: unknown) => set({ status: (s) => s.stepFailed(err instanceof Error ? err.message : String(err)) }))
        .finally(() => set({ playWaiting: get().playWaiting - 1 }));
    };

    const setLine = (playLine: LineState) => set({ playLine, playArmed: false, ...(get().status ? { status: null } : {}) });

    return {
      screen: 'lesson',
      playEntries: [],
      playCalls: [],
      playLine: emptyLine(),
      playLast: null,
      playFocus: null,
      playCount: 0,
      playCounted: 0,
      playProcesses: [],
      playWaiting: 0,
      playArmed: false,
      playSide: 'kernel',
      challenge: null,

      openPlay() {
        if (!get().flow) get().loadFlow();
        if (!session) set({ playLine: emptyLine(deps.play.loadHistory()) });
        set({ screen: 'play', overlay: 'none', status: null, before: null });
        void theSession().then((s) => set({ challenge: s.challenge, ...(s.challenge ? { playSide: 'challenge' as const } : {}) }), () => {});
        get().refreshKernel(true);
      },

      leavePlay() {
        // what the playground made stays in the kernel, beside the lesson's: the status line says so
        const kept = (ready?.leftovers().length ?? 0) > 0 || get().playProcesses.some((p) => p.playMapped);
        set({ screen: 'lesson', status: kept ? (s) => s.playKept : null, before: null });
        // opened by `ipclab play`: the lesson the learner was on, where they left it; with
        // nothing to resume (nothing saved, or the last lesson done) the menu, to choose one
        if (!get().run) {
          const saved = deps.progress.load();
          const { lessons } = get();
          const at = lessons.findIndex((l) => l.id === saved.lesson);
          // start() goes on to the next lesson after a finished one; after the last, nothing is left to resume
          const resumes = at >= 0 && (saved.step < lessons[at].steps.length || at < lessons.length - 1);
          void get()
            .start({ restart: false })
            .then(() => {
              if (!resumes) set({ overlay: 'menu', menuCursor: get().lessonIndex });
            });
        }
        get().refreshKernel(true);
      },

      playEdit(action) {
        setLine(edit(get().playLine, action));
      },

      playType(text) {
        setLine(insert(get().playLine, text));
      },

      playEnter: enter,

      playComplete() {
        // before the session has started there is nothing to complete from
        if (!ready) return;
        const { playLine } = get();
        const { next, choices } = complete(playLine, ready.completions(wordBefore(playLine)));
        set({ playLine: next, playArmed: false, status: choices.length ? () => choices.join('  ') : null });
      },

      playInterrupt() {
        if (get().playArmed) {
          void get().quit();
          return;
        }
        set({ playLine: { ...emptyLine(get().playLine.history) }, playArmed: true, status: (s) => s.playCtrlC });
      },

      playNextSide() {
        const sides: PlaySide[] = get().challenge ? ['challenge', 'kernel', 'flow'] : ['kernel', 'flow'];
        set({ playSide: sides[(sides.indexOf(get().playSide) + 1) % sides.length] });
      },

      async closePlay() {
        const open = session;
        session = null;
        ready = null;
        if (!open) return;
        try {
          await (await open).close();
        } catch {
          // cleanupNow after it removes whatever close could not
        }
      },
    };
  };
