// "Use profile in terminals": sets AWS_PROFILE for new integrated terminals through the extension's
// environment variable collection (VS Code shows the description in the terminal UI).
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';

export function terminalProfile(collection: vscode.EnvironmentVariableCollection): string | undefined {
  const m = collection.get('AWS_PROFILE');
  return m?.type === vscode.EnvironmentVariableMutatorType.Replace ? m.value : undefined;
}

export async function useProfileInTerminals(collection: vscode.EnvironmentVariableCollection, status: CredentialStatus | undefined, refresh: () => Promise<void>, profile?: string): Promise<void> {
  const current = terminalProfile(collection);
  let chosen = profile;
  if (chosen === undefined) {
    const stop = current ? [{ label: `$(circle-slash) ${vscode.l10n.t('Stop using profile {0}', current)}`, name: '' }] : [];
    const items = [
      ...stop,
      ...(status?.profiles ?? []).filter((p) => p.name !== 'default' && p.source).map((p) => ({ label: p.name, description: [p.keyId, p.region].filter(Boolean).join(' · '), name: p.name })),
    ];
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no profile besides default yet; add a fallback profile first.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Use profile in terminals'), placeHolder: vscode.l10n.t('New terminals get AWS_PROFILE set to the profile you choose') });
    if (!pick) return;
    chosen = pick.name;
  }
  if (!chosen) {
    collection.delete('AWS_PROFILE');
    collection.description = undefined;
    await refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('New terminals use the default credentials again.'));
    return;
  }
  collection.replace('AWS_PROFILE', chosen);
  collection.description = vscode.l10n.t('AWS_PROFILE={0}: the AWS CLI uses that profile instead of the managed credentials.', chosen);
  await refresh();
  const open = vscode.l10n.t('Open terminal');
  const undo = vscode.l10n.t('Stop');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('New terminals use profile {0}; terminals already open keep their environment until relaunched.', chosen), open, undo);
  if (answer === open) vscode.window.createTerminal().show();
  else if (answer === undo) await useProfileInTerminals(collection, status, refresh, '');
}
