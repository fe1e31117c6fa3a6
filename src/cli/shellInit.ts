// `amtc-guard init bash|zsh`: the shell code for `eval "$(amtc-guard init bash)"`, plus --print,
// --install (asked for) and --uninstall. The rc file is edited only with --install / --uninstall.
import * as path from 'node:path';
import { safeWrite } from '../core/files/safeWrite';
import { parseArgs, UsageError } from './args';
import { CliContext } from './context';
import { failureExit } from './exitCodes';

const TOOLS = ['aws', 'sam', 'cdk', 'terraform'];
const MARK = '# amtc-guard shell hook';

/**
 * Each tool becomes a function whose stderr runs through `tee` into a temp file (the terminal still
 * gets it at once, in order) in a pipeline, so the file is complete when the pipeline ends, however
 * fast the command failed; it keeps the tool's exit code and only after a failure asks
 * `amtc-guard explain --hint` for one line. Nothing runs after a success.
 */
export function hookScript(shell: 'bash' | 'zsh', bin: string): string {
  const quoteArgs = shell === 'zsh' ? '${(j: :)${(q)@}}' : '$(printf "%q " "$@")';
  const firstStatus = shell === 'zsh' ? '${pipestatus[1]}' : '${PIPESTATUS[0]}';
  const wrappers = TOOLS.map((t) => `${t}() { _amtc_guard_run ${t} "$@"; }`).join('\n');
  return `${MARK} (${shell})
_amtc_guard_run() {
  local _amtc_tool=$1; shift
  local _amtc_err _amtc_rc; _amtc_err=$(mktemp "\${TMPDIR:-/tmp}/amtc-guard.XXXXXX") || { command "$_amtc_tool" "$@"; return; }
  { command "$_amtc_tool" "$@" 2>&1 1>&3 3>&- | tee "$_amtc_err" >&2; _amtc_rc=${firstStatus}; } 3>&1
  if [ "$_amtc_rc" -ne 0 ]; then
    ${bin} explain --hint --command "$_amtc_tool ${quoteArgs}" --exit-code "$_amtc_rc" < "$_amtc_err" >&2
  fi
  rm -f "$_amtc_err"
  return "$_amtc_rc"
}
${wrappers}
# The prompt segment, refreshed when the credentials file changes (or every 30 s for the countdown).
_amtc_guard_prompt() {
  local _f="\${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" _m
  _m=$(stat -c %Y "\${_f/#\\~/$HOME}" 2>/dev/null)
  if [ "$_m" != "\${_AMTC_GUARD_MTIME-}" ] || [ "$SECONDS" -ge "\${_AMTC_GUARD_NEXT:-0}" ]; then
    _AMTC_GUARD_PROMPT=$(${bin} prompt 2>/dev/null); _AMTC_GUARD_MTIME=$_m; _AMTC_GUARD_NEXT=$((SECONDS + 30))
  fi
  printf '%s' "$_AMTC_GUARD_PROMPT"
}
# End of ${MARK}
`;
}

function rcFile(shell: 'bash' | 'zsh', home: string): string {
  return path.join(home, shell === 'zsh' ? '.zshrc' : '.bashrc');
}

const evalLine = (shell: string): string => `eval "$(amtc-guard init ${shell})" ${MARK}`;

export async function initCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags, positional } = parseArgs(argv, { print: 'boolean', install: 'boolean', uninstall: 'boolean' }, 1);
  const shell = positional[0] ?? (flags.print ? 'bash' : undefined);
  if (shell !== 'bash' && shell !== 'zsh') throw new UsageError({ code: 'needs-shell' });
  const m = ctx.messages.init;
  if (flags.print) {
    ctx.out(m.print(rcFile(shell, ctx.home), evalLine(shell), hookScript(shell, 'amtc-guard')));
    return 0;
  }
  if (flags.install || flags.uninstall) {
    const rc = rcFile(shell, ctx.home);
    const result = await safeWrite({
      file: rc,
      home: ctx.home,
      edit: (current) => {
        const lines = (current ?? '').split('\n');
        const kept = lines.filter((l) => !l.includes(MARK));
        if (flags.uninstall) return { write: kept.join('\n'), result: kept.length !== lines.length };
        const base = kept.join('\n');
        return { write: `${base}${base && !base.endsWith('\n') ? '\n' : ''}${evalLine(shell)}\n`, result: true };
      },
    });
    if (!result.ok) {
      ctx.err(m.failed(rc));
      return failureExit(result.failure);
    }
    ctx.out(flags.uninstall ? m.uninstalled(rc, result.result === true) : m.installed(rc, result.backup));
    return 0;
  }
  ctx.out(hookScript(shell, 'amtc-guard'));
  return 0;
}
