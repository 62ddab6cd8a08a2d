// The scripts `awsdeck completion SHELL` and `awsdeck shell-init SHELL` print. Completion hands the
// line up to the cursor to the completer (dist/completer.js, its own small bundle) in COMP_LINE, as
// the AWS CLI's `complete -C aws_completer aws` does, and reads one candidate a line back; the
// line __awsdeck_files__ asks for the shell's own file-name completion.
import type { ShellName } from '../command-groups.js';

export const FILES_MARKER = '__awsdeck_files__';

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `node '/…/dist/completer.js'`: the command that prints candidates for COMP_LINE. */
export function completerCommand(completerPath: string): string {
  return `node ${shellQuote(completerPath)}`;
}

function bashCompletion(completer: string): string {
  return `# awsdeck completion for bash: eval "$(awsdeck completion bash)"
_awsdeck_complete() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}" line="\${COMP_LINE:0:COMP_POINT}" out word trim c
  out=$(COMP_LINE="$line" ${completer} 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == ${FILES_MARKER} ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
  fi
  # COMP_WORDBREAKS splits s3://bucket at the colon: replace only the part after it.
  word="\${line##*[[:space:]]}"
  [[ $word != "$cur" && $word == *"$cur" ]] && trim="\${word%"$cur"}"
  for c in $out; do
    COMPREPLY+=("\${c#"$trim"}")
    [[ $c == */ ]] && compopt -o nospace 2>/dev/null
  done
  return 0
}
complete -F _awsdeck_complete awsdeck
`;
}

function zshCompletion(completer: string): string {
  return `# awsdeck completion for zsh: eval "$(awsdeck completion zsh)"
(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }
_awsdeck_complete() {
  local out c
  local -a cands whole partial
  out=$(COMP_LINE="\${(j: :)words[1,CURRENT]}" ${completer} 2>/dev/null) || return 1
  if [[ $out == ${FILES_MARKER} ]]; then
    _files
    return
  fi
  cands=(\${(f)out})
  for c in $cands; do
    if [[ $c == */ ]]; then partial+=("$c"); else whole+=("$c"); fi
  done
  (( \${#whole} )) && compadd -- "\${whole[@]}"
  (( \${#partial} )) && compadd -S '' -- "\${partial[@]}"
  (( \${#cands} ))
}
compdef _awsdeck_complete awsdeck
`;
}

function fishCompletion(completer: string): string {
  return `# awsdeck completion for fish: awsdeck completion fish | source
function __awsdeck_complete
    set -l line (commandline -cp)
    set -l out (env COMP_LINE="$line" ${completer} 2>/dev/null)
    if test "$out" = ${FILES_MARKER}
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\\n' $out
end
complete -c awsdeck -e
complete -c awsdeck -f -a '(__awsdeck_complete)'
`;
}

export function completionScript(shell: ShellName, completerPath: string): string {
  const completer = completerCommand(completerPath);
  if (shell === 'bash') return bashCompletion(completer);
  if (shell === 'zsh') return zshCompletion(completer);
  return fishCompletion(completer);
}

// The wrapper runs the real awsdeck with a private file in AWSDECK_SHELL_EXPORTS and sources what it
// wrote (`awsdeck use P`, a profile chosen in the dashboard): the only way a child changes its
// parent shell's environment.
function posixWrapper(syntaxName: string): string {
  return `# awsdeck shell integration for ${syntaxName}: eval "$(awsdeck shell-init ${syntaxName})"
awsdeck() {
  local __awsdeck_exports __awsdeck_status
  __awsdeck_exports=$(mktemp "\${TMPDIR:-/tmp}/awsdeck-exports.XXXXXX") || { command awsdeck "$@"; return; }
  AWSDECK_SHELL_EXPORTS="$__awsdeck_exports" AWSDECK_SHELL_EXPORTS_FORMAT=posix command awsdeck "$@"
  __awsdeck_status=$?
  [ -s "$__awsdeck_exports" ] && . "$__awsdeck_exports"
  rm -f "$__awsdeck_exports"
  return $__awsdeck_status
}
`;
}

const fishWrapper = `# awsdeck shell integration for fish: awsdeck shell-init fish | source
function awsdeck
    set -l __awsdeck_exports (mktemp (set -q TMPDIR; and echo $TMPDIR; or echo /tmp)/awsdeck-exports.XXXXXX)
    or begin; command awsdeck $argv; return; end
    env AWSDECK_SHELL_EXPORTS=$__awsdeck_exports AWSDECK_SHELL_EXPORTS_FORMAT=fish awsdeck $argv
    set -l __awsdeck_status $status
    test -s $__awsdeck_exports; and source $__awsdeck_exports
    rm -f $__awsdeck_exports
    return $__awsdeck_status
end
`;

export function shellInitScript(shell: ShellName, completerPath: string): string {
  const wrapper = shell === 'fish' ? fishWrapper : posixWrapper(shell);
  return `${wrapper}${completionScript(shell, completerPath)}`;
}
