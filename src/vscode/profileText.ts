// Words for add-profile problems in the editor (the CLI has its own in src/cli/messages.ts).
import * as vscode from 'vscode';
import type { AddProfileProblem } from '../core/profiles/addProfile';

export function addProfileProblemText(p: AddProfileProblem, name: string, file: string): string {
  const text: Record<AddProfileProblem, () => string> = {
    'invalid-name': () => vscode.l10n.t('"{0}" is not a usable profile name; use letters, digits and _ - . + @.', name),
    'invalid-key-id': () => vscode.l10n.t('The access key id must be AKIA or ASIA followed by 16 upper-case letters or digits.'),
    'invalid-secret': () => vscode.l10n.t('The secret access key is empty or has spaces; paste it exactly as IAM shows it.'),
    'missing-session-token': () => vscode.l10n.t('An ASIA key is temporary and needs its session token.'),
    'invalid-region': () => vscode.l10n.t('The region does not look like an AWS region (for example us-east-1).'),
    'invalid-output': () => vscode.l10n.t('The output format must be json, yaml, yaml-stream, text or table.'),
    exists: () => vscode.l10n.t('Profile "{0}" already exists; nothing was changed.', name),
    'exists-in-credentials': () => vscode.l10n.t('Profile "{0}" has keys in {1}, which win over the config file; repair that file first.', name, file),
    'managed-file': () => vscode.l10n.t('{0} is managed by Cloud9; nothing was changed.', file),
    'cli-cannot-parse': () => vscode.l10n.t('The AWS CLI cannot parse {0}; fix that file first (the status report shows the line).', file),
    'invalid-value': () => vscode.l10n.t('A value contains a line break or surrounding spaces.'),
    'outside-home': () => vscode.l10n.t('{0} links to a file outside your home directory; edit the target yourself.', file),
    'not-a-file': () => vscode.l10n.t('{0} is not a regular file.', file),
    unreadable: () => vscode.l10n.t('{0} cannot be read; check its permissions.', file),
    'invalid-utf8': () => vscode.l10n.t('{0} is not valid UTF-8 text; nothing was changed.', file),
    locked: () => vscode.l10n.t('Another AMTC Guard is writing {0}; try again in a moment.', file),
    'keeps-changing': () => vscode.l10n.t('{0} kept changing while AMTC Guard tried to write it; nothing was changed, try again.', file),
    refused: () => vscode.l10n.t('Nothing was changed.'),
    io: () => vscode.l10n.t('{0} could not be written.', file),
  };
  return text[p]();
}
