// `ipclab completion bash|zsh`: a completion script made from the table of commands,
// with this installation's lesson ids and diagram names written in. Both scripts walk
// the words typed so far the same way: the first word that is not an option (nor an
// option's value) is the command; what follows the cursor's neighbour decides the offer.
import { diagramNames } from '../flow/index.js';
import { LESSONS } from '../lessons/index.js';
import type { Options } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { COMMANDS, COMMON, namedCommands, OPTIONS, type Command, type Completion, type OptionName } from './specs.js';

/** A case arm of the script: after `pattern`, offer these words, and file names too
 *  when `files` (a diagram is a name or a file). */
interface Arm {
  pattern: string;
  offer: string[];
  files: boolean;
}

function arm(pattern: string, complete: Completion | undefined): Arm {
  if (complete === 'files') return { pattern, offer: [], files: true };
  if (complete === 'diagrams') return { pattern, offer: diagramNames(), files: true };
  if (complete === 'lessons') return { pattern, offer: LESSONS.map((l) => l.id), files: false };
  if (complete === 'commands') return { pattern, offer: namedCommands(), files: false };
  return { pattern, offer: [...(complete ?? [])], files: false };
}

const ALL_COMMANDS: Command[] = ['tui', ...namedCommands()];
const VALUE_OPTIONS = (Object.keys(OPTIONS) as OptionName[]).filter((o) => OPTIONS[o].type === 'string');

/** After an option that takes a value: what that value may be. */
function valueArms(): Arm[] {
  return VALUE_OPTIONS.map((o) => arm(`--${o}`, (OPTIONS[o] as { complete?: Completion }).complete));
}

/** The options of each command ('' is the tutorial: no command yet). */
function optionArms(): Arm[] {
  return ALL_COMMANDS.map((c) => arm(c === 'tui' ? "''" : c, [...COMMANDS[c].options, ...COMMON].map((o) => `--${o}`)));
}

/** The first argument of each command that has one. */
function argumentArms(): Arm[] {
  return namedCommands()
    .filter((c) => COMMANDS[c].args.length > 0)
    .map((c) => arm(c, COMMANDS[c].args[0].complete));
}

/** The script's shared skeleton: find the command and how many arguments it has, then
 *  fill `offer` (and `files`) from the arms. */
function script(shell: 'bash' | 'zsh'): string {
  const bash = shell === 'bash';
  const list = (words: string[]) => (bash ? `'${words.join(' ')}'` : `(${words.join(' ')})`);
  const arms = (all: Arm[], indent: string) =>
    all.map((a) => `${indent}${a.pattern}) offer=${list(a.offer)}${a.files ? '; files=1' : ''} ;;`).join('\n');
  const word = bash ? '${COMP_WORDS[i]}' : '$words[i]';
  const before = bash ? '$prev' : '$words[CURRENT-1]';
  return `${
    bash
      ? `# bash completion for ipclab: eval "$(ipclab completion bash)" in ~/.bashrc
_ipclab() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmd='' args=0 skip=0 i files=0 offer=''
  for ((i = 1; i < COMP_CWORD; i++)); do`
      : `#compdef ipclab
# zsh completion for ipclab: eval "$(ipclab completion zsh)" in ~/.zshrc after
# compinit, or save it as _ipclab in a folder of $fpath
_ipclab() {
  local cmd='' args=0 skip=0 i files=0
  local -a offer
  for ((i = 2; i < CURRENT; i++)); do`
  }
    if ((skip)); then skip=0; continue; fi
    case ${word} in
      ${VALUE_OPTIONS.map((o) => `--${o}`).join('|')}) skip=1 ;;
      -*) ;;
      *) if [[ -z $cmd ]]; then cmd=${word}; else args=$((args + 1)); fi ;;
    esac
  done
  if ((skip)); then
    case ${before} in
${arms(valueArms(), '      ')}
    esac
  elif [[ ${bash ? '$cur' : '$PREFIX'} == -* ]]; then
    case $cmd in
${arms(optionArms(), '      ')}
    esac
  elif [[ -z $cmd ]]; then
    offer=${list(namedCommands())}
  elif ((args == 0)); then
    case $cmd in
${arms(argumentArms(), '      ')}
    esac
  fi
${
  bash
    ? `  COMPREPLY=($(compgen -W "$offer" -- "$cur"))
  if ((files)); then COMPREPLY+=($(compgen -f -- "$cur")); fi
}
complete -F _ipclab ipclab`
    : `  ((\${#offer})) && compadd -a offer
  ((files)) && _files
  return 0
}
if [[ $funcstack[1] == _ipclab ]]; then _ipclab "$@"; else compdef _ipclab ipclab; fi`
}
`;
}


export { script };

export async function run(options: Options): Promise<number> {
  // the parser has checked the shell against the spec's words (bash|zsh)
  process.stdout.write(script(options.positionals[0] as 'bash' | 'zsh'));
  return EXIT.ok;
}
