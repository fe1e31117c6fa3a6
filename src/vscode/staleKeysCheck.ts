// Asks what is behind Cloud9's managed keys once they are dead (expired, or Cloud9 says AMTC is
// off): at most once per change of the file, the state or Cloud9's answer, never on activation's path.
import * as vscode from 'vscode';
import { classifyManagedStatus } from '../core/amtc/managedStatus';
import { behindDeadKeys, BehindDeadKeys, managedKeysAreDead, withStaleKeys } from '../core/amtc/staleKeys';
import type { CredentialStatus } from '../core/amtc/state';
import type { Cloud9ApiStatus } from './cloud9ApiStatus';
import type { CredentialService } from './credentialService';

export class StaleKeysCheck implements vscode.Disposable {
  private behind: BehindDeadKeys | null = null;
  private asked = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: CredentialService, private readonly cloud9: Cloud9ApiStatus) {
    this.subscriptions = [service.onDidChange((s) => void this.check(s)), cloud9.onDidChange(() => void this.check(service.current))];
  }

  /** The status as shown: with problem stale-managed-keys when something works behind the dead keys. */
  apply(s: CredentialStatus): CredentialStatus {
    return this.dead(s) ? withStaleKeys(s, this.behind) : s;
  }

  private dead(s: CredentialStatus | undefined): boolean {
    return managedKeysAreDead(s, classifyManagedStatus(this.cloud9.text));
  }

  private async check(s: CredentialStatus | undefined): Promise<void> {
    if (!s || !this.dead(s)) {
      this.asked = '';
      return;
    }
    const key = `${s.amtc?.refreshedAt}|${s.state}|${this.cloud9.text ?? ''}`;
    if (key === this.asked) return;
    this.asked = key;
    this.behind = await behindDeadKeys({ env: this.service.environment(), paths: this.service.files().paths });
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
