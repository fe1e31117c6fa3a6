// The words for a verdict (notification sentence, explanation document), in one place.
import * as vscode from 'vscode';
import { ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import type { Verdict } from '../core/amtc/verdict';
import { chainKindLabel, chainProblemText } from './sourceWords';

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
    case 'source-fails': return v.source?.kind
      ? vscode.l10n.t('Not caused by AMTC: the {0} this command used fails. {1}', chainKindLabel(v.source.kind), chainProblemText(v.source))
      : vscode.l10n.t('This error was not caused by Cloud9\'s managed credentials.');
    case 'none': return vscode.l10n.t('No AWS error was found.');
  }
}

/** The explanation's words: the rule that applied and the way out (plain text; the view escapes it). */
export function explanationText(v: Verdict): { rule: string; wayOut: string } {
  const wayOut = vscode.l10n.t('Use an IAM user profile of your own for what AMTC does not allow: "Add fallback profile" stores it in ~/.aws/config, so the managed credentials file is never touched. Then run the command with --profile NAME.');
  switch (v.reason) {
    case 'unsupported-action':
      return { rule: vscode.l10n.t('AWS managed temporary credentials allow every action except in Cloud9, IAM and STS, where only the actions AWS lists are allowed; {0} is not on that list. AMTC answers a denied call with a token error (InvalidClientTokenId or UnrecognizedClientException), which is why the message talks about an invalid token.', v.action ?? ''), wayOut };
    case 'role-name':
      return { rule: vscode.l10n.t('IAM actions on a role are allowed under AMTC only when the role name starts with {0} (iam:PassRole excepted). The token is fine; the role name is the reason.', ROLE_NAME_PREFIX), wayOut };
    case 'expired':
      return { rule: vscode.l10n.t('Cloud9 refreshes the managed credentials every 5 minutes while the owner has the IDE open; they expire 15 minutes after the last refresh. Cloud9 also stops refreshing a credentials file that was edited.'), wayOut: vscode.l10n.t('Open (or reload) the Cloud9 IDE so Cloud9 refreshes the credentials; if the credentials file was edited, Repair moves your edits to the config file first. Then run the command again.') };
    case 'token-rejected':
      return { rule: vscode.l10n.t('AMTC calls work only from the environment\'s own IP address, and stop working when the credentials are invalidated (for example when a member is added by someone other than the owner).'), wayOut: vscode.l10n.t('Run the command in the Cloud9 environment itself, or with a profile that has your own keys; if the credentials were invalidated, reopen the Cloud9 IDE so it issues new ones.') };
    case 'source-fails':
      return {
        rule: vscode.l10n.t('The AWS CLI takes credentials from the first source of its chain that is configured (environment, profile settings, files, container, instance role); when that source fails, the call fails before it reaches AWS, whatever the error says. AMTC was not involved.'),
        wayOut: v.source?.kind === 'sso' ? vscode.l10n.t('Sign in again (aws sso login --profile {0}), then run the command again.', v.source.signInProfile ?? '') : vscode.l10n.t('Fix the source the status names, then run the command again.'),
      };
    default:
      return { rule: vscode.l10n.t('The command used other credentials, or the error is an ordinary authorization error (AccessDenied comes from the identity\'s own IAM policy).'), wayOut: vscode.l10n.t('Check the IAM policy of the identity that made the call; aws sts get-caller-identity shows which identity that is.') };
  }
}
