// The words for a verdict (notification sentence, explanation document), in one place.
import * as vscode from 'vscode';
import { DOCS_URL, ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import type { Verdict } from '../core/amtc/verdict';
import { maskSecretsIn } from '../core/mask';
import { Markdown, md } from '../core/text/markdown';

export function verdictSentence(v: Verdict): string {
  const action = v.action ?? vscode.l10n.t('this action');
  switch (v.reason) {
    case 'unsupported-action': return vscode.l10n.t('AMTC does not allow {0}. Run it with a profile that has your own keys.', action);
    case 'role-name': return v.roleName
      ? vscode.l10n.t('AMTC allows {0} only on roles named {1}…, not on "{2}". Run it with a profile that has your own keys.', action, ROLE_NAME_PREFIX, v.roleName)
      : vscode.l10n.t('AMTC allows {0} only on roles named {1}…. Run it with a profile that has your own keys.', action, ROLE_NAME_PREFIX);
    case 'expired': return vscode.l10n.t('The managed credentials expired because Cloud9 stopped refreshing them (IDE closed, file modified or AMTC turned off).');
    case 'token-rejected': return vscode.l10n.t('AMTC rejected the token: the call may come from outside the environment\'s IP address, or a collaborator invalidated the credentials.');
    case 'not-amtc': return vscode.l10n.t('This error was not caused by Cloud9\'s managed credentials.');
    case 'none': return vscode.l10n.t('No AWS error was found.');
  }
}

export function explanationMarkdown(v: Verdict, commandLine: string | undefined): string {
  // The command line and the error come from the terminal: md`…` escapes them, maskSecretsIn hides secrets.
  const lines: (string | Markdown)[] = [md`# ${vscode.l10n.t('Why did this AWS call fail?')}`, '', v.likely ? vscode.l10n.t('Most likely: {0}', verdictSentence(v)) : verdictSentence(v), ''];
  // From the error text alone the rule is the likely cause; the rarer ones follow it.
  for (const reason of v.alsoPossible) lines.push(vscode.l10n.t('Less likely: {0}', verdictSentence({ ...v, reason })), '');
  if (commandLine) lines.push(md`- ${vscode.l10n.t('Command')}: ${maskSecretsIn(commandLine)}`);
  if (v.error) lines.push(md`- ${vscode.l10n.t('Error')}: ${v.error.code}${v.error.operation ? ` (${v.error.operation})` : ''}: ${maskSecretsIn(v.error.message)}`);
  if (v.action) lines.push(md`- ${vscode.l10n.t('IAM action')}: ${v.action}`);
  lines.push('', md`## ${vscode.l10n.t('The rule that applied')}`, '');
  switch (v.reason) {
    case 'unsupported-action':
      lines.push(vscode.l10n.t('AWS managed temporary credentials allow every action except, for Cloud9, IAM and STS, the ones AWS lists; {0} is not on that list. AMTC answers a denied call with a token error (InvalidClientTokenId or UnrecognizedClientException), which is why the message talks about an invalid token.', v.action ?? ''));
      break;
    case 'role-name':
      lines.push(vscode.l10n.t('IAM actions on a role are allowed under AMTC only when the role name starts with {0} (iam:PassRole excepted). The token is fine; the role name is the reason.', ROLE_NAME_PREFIX));
      break;
    case 'expired':
      lines.push(vscode.l10n.t('Cloud9 refreshes the managed credentials every 5 minutes while the owner has the IDE open; they expire 15 minutes after the last refresh. Cloud9 also stops refreshing a credentials file that was edited.'));
      break;
    case 'token-rejected':
      lines.push(vscode.l10n.t('AMTC calls work only from the environment\'s own IP address, and stop working when the credentials are invalidated (for example when a member is added by someone other than the owner).'));
      break;
    default:
      lines.push(vscode.l10n.t('The command used other credentials, or the error is an ordinary authorization error (AccessDenied comes from the identity\'s own IAM policy).'));
  }
  lines.push('', md`## ${vscode.l10n.t('The way out')}`, '', vscode.l10n.t('Use an IAM user profile of your own for what AMTC does not allow: **AMTC Guard: Add fallback profile** stores it in ~/.aws/config, so the managed credentials file is never touched. Then run the command with --profile NAME.'), '', md`[${vscode.l10n.t('AWS documentation: actions supported by AWS managed temporary credentials')}](${DOCS_URL})`);
  // Plain strings here are our own sentences (with the role name escaped below); Markdown values are already safe.
  return Markdown.join(lines.map((l) => (l instanceof Markdown ? l : md`${l}`)), '\n').value + '\n';
}
