// `ipclab check`: the lessons checked as data, as rustlings' `dev check` checks its
// exercises: every lesson valid, its texts fitting the 80x24 lesson pane in both
// languages, every highlight naming a part of its diagram, every C file there and of
// its kind, no C file or diagram that no lesson uses, and no unexplained term in the
// screen's own strings (src/app/strings.ts), every text in the rules of style
// (src/lessons/text-style.ts: the ASCII apostrophe, a lesson named as a lesson); the playground's challenges
// too (src/play/challenges.ts). Exit 0 with one line of
// counts, or one line per problem and exit 1.
import { LESSONS } from '../lessons/index.js';
import { orphanFiles } from '../lessons/orphans.js';
import { screenWordProblems, stringStyleProblems, stringTermProblems, validateLessons, type ScreenWords } from '../lessons/validate.js';
import { legend } from '../flow/legend.js';
import { textStyleProblems } from '../lessons/text-style.js';
import { BINDINGS, keyFor } from '../app/keymap.js';
import { COMMANDS, ENVIRONMENT, FILES, OPTIONS, TAGLINE } from './specs.js';
import { strings } from '../app/strings.js';
import { CHALLENGES, validateChallenges } from '../play/challenges.js';
import { EXIT } from '../exit-codes.js';

/** The screen's own words, by where they show: each group one glossary entry must hold whole. */
function screenWords(lang: 'en' | 'zh'): ScreenWords[] {
  const s = strings(lang);
  // every entry of the Flow's legend, drawn and --ascii, each sample and its word
  const flow = [false, true].map((ascii) => legend(lang, ascii, { masked: true, framesDone: true, doorway: true }).map((r) => r.text));
  return [
    ...flow.map((words) => ({ where: 'the Flow\'s legend (src/flow/legend.ts)', lang, words })),
    { where: 'the Kernel pane\'s record labels', lang, words: [s.statHeadShort(0), s.recordNewShort, s.recordNamed, s.recordMore] },
    // step 3 as the entry quotes it, and the folded aside's line, which it quotes beside
    { where: 'a step in review', lang, words: [s.asideFolded(keyFor('aside', false)), s.flowReview(3)] },
  ];
}

export async function run(): Promise<number> {
  // the screen's own strings (with the trace's, src/text/strings.ts, spread in) name no unexplained term either
  const screen = (['en', 'zh'] as const).flatMap((lang) => [...stringTermProblems(`screen string (${lang})`, strings(lang)), ...screenWordProblems(screenWords(lang))]);
  // and follow the rules of style, as the key help and the commands' help do (src/lessons/text-style.ts)
  const style = [
    ...(['en', 'zh'] as const).flatMap((lang) => stringStyleProblems(`screen string (${lang})`, strings(lang), lang)),
    ...textStyleProblems('key help (src/app/keymap.ts)', BINDINGS),
    ...textStyleProblems('command help (src/commands/specs.ts)', { COMMANDS, OPTIONS, ENVIRONMENT, FILES, TAGLINE }),
  ];
  const problems = [...validateLessons(LESSONS), ...screen, ...style, ...orphanFiles(LESSONS), ...validateChallenges(CHALLENGES)];
  if (problems.length > 0) {
    process.stdout.write(problems.map((p) => `${p}\n`).join(''));
    return EXIT.failed;
  }
  const steps = LESSONS.reduce((n, l) => n + l.steps.length, 0);
  const diagrams = new Set(LESSONS.flatMap((l) => l.diagrams)).size;
  const files = new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path))).size;
  process.stdout.write(`ok: ${LESSONS.length} lessons, ${steps} steps, ${diagrams} diagrams, ${files} C files, ${CHALLENGES.length} challenges\n`);
  return EXIT.ok;
}
