// What a learner can open before answering a question, besides the lesson pane: the Flow
// tab (Tab) with any of the lesson's diagrams, and the C pane (c, f for its other files).
// Newcomers found answers there (fix17b): shmat's flow showed "(void *) -1" and "addr 2",
// shmget.c's "IPC_PRIVATE always creates" stood above its question. `ipclab check` holds
// every question to these screens as they are when it is asked (validate.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagramModel, outcomeParts, RESULT_WORD } from '../flow/index.js';
import { packageRoot } from '../paths.js';
import { anchorSpan, anchorTexts, codeStep, heldForQuestions, questionsWaiting } from './code-anchor.js';
import { heldAnswerLines } from '../text/answer-comments.js';
import { commentSpans } from '../text/comment-spans.js';
import { answerMatcher, asksSurvival, REMOVES } from './giveaway.js';
import { unrevealed } from './lit.js';
import type { Choice, Lesson, Text } from './types.js';

/** A text on a screen the learner can open, and where it is. */
export interface OpenText {
  where: string;
  /** what it says in words: a label, a C line's comment and string literals */
  prose: string;
  /** all of it: a label, a C line with its code */
  text: string;
  /** a C line of the code of a step that ran (the step whose anchor starts nearest above
   *  it): what it expects the run has shown */
  ran?: boolean;
  /** a Flow part: the first step from `ran` on that lights it, if any */
  litBy?: number;
}

/** The Flow's labels (nodes and labelled edges, in English) of every diagram of `lesson` once
 *  `ran` steps have run: a part an earlier step lit is the learner's to know and is left out;
 *  a part `%% hide`n until a step lights it is "?"; a masked part's results (an errno,
 *  SIGSEGV) are "?" (lit.ts unrevealed, the Flow pane's Highlight.masked). */
export function flowTexts(lesson: Lesson, ran: number): OpenText[] {
  const diagrams = [...new Set([...lesson.diagrams, ...lesson.steps.map((s) => s.diagram)])];
  return diagrams.flatMap((d) => {
    let m: ReturnType<typeof diagramModel>;
    try {
      m = diagramModel(d, 'en');
    } catch {
      return []; // a diagram that does not load is reported with the step's ids
    }
    const masked = new Set(unrevealed(lesson, d, ran));
    const lit = new Set(lesson.steps.slice(0, ran).flatMap((s) => (s.diagram === d ? s.highlight : [])));
    const hidden = new Set(m.hidden ?? []);
    const parts = [...m.nodes.map((n) => ({ id: n.id, label: n.label })), ...m.edges.filter((e) => e.label !== null).map((e) => ({ id: e.id, label: e.label! }))];
    return parts.flatMap(({ id, label }) => {
      if (lit.has(id) || (hidden.has(id) && masked.has(id))) return [];
      const text = masked.has(id) ? label.replace(RESULT_WORD, '?') : label;
      const by = lesson.steps.findIndex((s, i) => i >= ran && s.diagram === d && s.highlight.includes(id));
      return [{ where: `flow '${d}' ${id} "${text}"`, prose: text, text, ...(by >= 0 ? { litBy: by } : {}) }];
    });
  });
}

/** Every outcome (src/flow/outcomes.ts: a decision's branch to a result, and the result)
 *  that a step not yet run lights, shown unmasked while a checkpoint asks its question: the
 *  words need not be the right choice's to answer it ("0, or above SHMMAX", "the last shmdt",
 *  "size ≤ segment's? yes: open"; fix18c). Masked is `%% hide`n, or a label all results
 *  ("EINVAL", drawn "?"). What an earlier step lit is the learner's to know. */
export function unmaskedOutcomes(lesson: Lesson): string[] {
  const diagrams = [...new Set([...lesson.diagrams, ...lesson.steps.map((s) => s.diagram)])];
  return lesson.steps.flatMap((s, ran) => {
    if (!lesson.checkpoints?.[s.id]) return [];
    return diagrams.flatMap((d) => {
      let m: ReturnType<typeof diagramModel>;
      try {
        m = diagramModel(d, 'en');
      } catch {
        return [];
      }
      const waiting = new Set(unrevealed(lesson, d, ran));
      const hidden = new Set(m.hidden ?? []);
      const label = (id: string) => m.nodes.find((n) => n.id === id)?.label ?? m.edges.find((e) => e.id === id)?.label ?? '';
      const allResults = (id: string) => label(id).replace(RESULT_WORD, '').replace(/<br>|[\s()]/g, '') === '';
      return outcomeParts(m).flatMap((id) => {
        if (!waiting.has(id) || hidden.has(id) || allResults(id)) return [];
        const by = lesson.steps.findIndex((t, i) => i >= ran && t.diagram === d && [...t.highlight, ...Object.values(t.litBy?.paths ?? {}).flat()].includes(id));
        return [`checkpoint '${s.id}': flow '${d}' shows the outcome ${id} "${label(id)}" of step ${by + 1} (${lesson.steps[by]?.id}), not yet run: mark it '%% hide ${id}' so it is "?" until then`];
      });
    });
  });
}

/** a C string literal */
const STRING = /"(?:[^"\\\\]|\\\\.)*"/g;

/** The lines of the lesson's C files the C pane shows once `ran` steps have run: while the
 *  checkpoint of step `ran` is open (`open`), above the lines of every question still unanswered
 *  (code-anchor.ts heldForQuestions, as the pane holds them);
 *  a comment marked as the answer of a step not yet run held back (answer-comments.ts). The
 *  words of a file `shared` by several lessons (cleanup.h) are no prose: it says how every
 *  program cleans up, never one question's answer ("process" is not "until the process ends");
 *  its names and values still count. */
export function codeTexts(lesson: Lesson, ran: number, open: boolean, shared: ReadonlySet<string> = new Set()): OpenText[] {
  const paths = lesson.code.map((f) => f.path);
  const done = new Set(lesson.steps.slice(0, ran).map((s) => s.id));
  return paths.flatMap((path) => {
    const file = join(packageRoot(), 'examples', 'c', path);
    if (!existsSync(file)) return []; // said by checkCode
    const source = readFileSync(file, 'utf8');
    const anchors = lesson.steps.map((st) => anchorTexts(st.code, path, paths));
    const n = lesson.steps.length;
    // as the C pane holds them (CodePane): every unanswered question's lines, not the open one's alone
    const from = open ? (heldForQuestions(source, anchors, questionsWaiting(lesson.steps, lesson.checkpoints, ran), ran, codeStep(ran, n))?.from ?? null) : null;
    const lines = heldAnswerLines(source.split('\n'), (step) => done.has(step));
    const spans = commentSpans(lines);
    // each line is the code of the step whose anchor starts nearest above it: a function
    // the file puts after main (shmctl.c's permissions) is its step's, wherever it stands
    const starts = anchors.flatMap((a, step) => (a ?? []).flatMap((t) => { const at = anchorSpan(source, t); return at ? [{ line: at.first, step }] : []; })).sort((a, b) => a.line - b.line);
    const stepAt = (i: number) => starts.filter((s) => s.line <= i).at(-1)?.step ?? -1;
    return lines.slice(0, from ?? lines.length).flatMap((text, i) => {
      if (text.trim() === '') return [];
      const prose = shared.has(path) ? '' : spans[i]!.map((sp) => (sp.comment ? sp.text : (sp.text.match(STRING) ?? []).join(' '))).join(' ');
      return [{ where: `${path}:${i + 1} "${text.trim()}"`, prose, text, ran: stepAt(i) >= 0 && stepAt(i) < ran }];
    });
  });
}

/** Every question of `lesson` that a text on an open screen answers: a checkpoint (any of
 *  whose choices the run may make the answer) with the Flow and the C pane as they are
 *  before its step runs; a check question (its `answer`) with the Flow after the last step
 *  (what no step lit). The check asks what the lesson showed, and the C program is the
 *  lesson's: every line of it has run by then, so it is the learner's book, as the steps are.
 *  `shared`: the C files several lessons show (codeTexts). */
export function openScreenGiveaways(lesson: Lesson, shared: ReadonlySet<string> = new Set()): string[] {
  const n = lesson.steps.length;
  const questions: { where: string; ran: number; open: boolean; q: Text; choices: readonly Choice[]; answers: number[] }[] = [
    ...lesson.steps.flatMap((s, i) => {
      const cp = lesson.checkpoints?.[s.id];
      return cp ? [{ where: `checkpoint '${s.id}'`, ran: i, open: true, q: cp.question, choices: cp.choices ?? [], answers: (cp.choices ?? []).map((_, k) => k) }] : [];
    }),
    ...(lesson.check ?? []).map((q, i) => ({ where: `check question ${i + 1}`, ran: n, open: false, q: q.question, choices: q.choices ?? [], answers: [q.answer] })),
  ];
  return questions.flatMap(({ where, ran, open, q, choices, answers }) => {
    const shown = [...flowTexts(lesson, ran), ...(open ? codeTexts(lesson, ran, open, shared) : [])];
    const said = [lesson.title.en, lesson.intro.en, ...lesson.steps.flatMap((s, i) => (i < ran ? [s.title.en, s.say.en, s.notice.en] : i === ran ? [s.title.en, s.say.en] : []))].join("\n");
    const matchers = answers.map((a) => answerMatcher(q.en, choices, a, said));
    // a box a later step lights that removes the object says it outlived the step asked about
    const removed = open && asksSurvival(q.en, choices) ? shown.filter((t) => t.litBy !== undefined && t.litBy > ran && REMOVES.test(t.prose)) : [];
    return [
      ...removed.map((t) => `${where} ("${q.en}"): ${t.where}, which the learner can open before answering, removes the object, which says it outlived the step: %% hide it until its step`),
      ...shown.flatMap((t) =>
      matchers.flatMap((names) => {
        // a value the lesson pane said, on a line of a step that ran, is that step's result
        // restated (sem.c's "P took it: semval 0" above "semval then is…": semval 0 / 1)
        const told = names(t.prose, t.text, t.ran);
        return told ? [`${where} ("${q.en}"): ${t.where}, which the learner can open before answering, ${told}: %% hide it, reword it or mark the comment as the answer of its step`] : [];
      }),
      ),
    ];
  });
}
