// On a Cloud9 host (C9_PID or CLOUD9_ENVIRONMENT_ID is the environment id), asks Cloud9 itself whether managed credentials
// are on (cloud9:DescribeEnvironments is allowed under AMTC). Lazily: never at activation, at most
// every five minutes while the managed file is in play, and again when the endpoint setting changes.
import * as vscode from 'vscode';
import { describeManagedCredentials } from '../core/aws/cloud9Status';
import { cloud9EnvironmentId } from '../core/aws/cloud9Call';
import { loadSdk } from '../core/aws/verify';
import type { CredentialStatus } from '../core/amtc/state';
import { setting } from './config';
import type { CredentialService } from './credentialService';
import type { Log } from './log';

const REQUERY_MS = 5 * 60_000;

export class Cloud9ApiStatus implements vscode.Disposable {
  private lastAsked = 0;
  private asking = false;
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.changed.event;
  /** What Cloud9 answered (ENABLED_ON_CREATE, DISABLED_BY_OWNER…), or an error code. */
  text: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly service: CredentialService, private readonly log: Log, private readonly environmentId = cloud9EnvironmentId(process.env)) {
    if (!environmentId) return;
    this.subscriptions.push(
      service.onDidChange((s) => void this.maybeAsk(s, false)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('amtcGuard.cloud9Endpoint')) void this.maybeAsk(service.current, true);
      }),
    );
  }

  private async maybeAsk(s: CredentialStatus | undefined, force: boolean): Promise<void> {
    if (!this.environmentId || !s?.amtc || this.asking || (!force && Date.now() - this.lastAsked < REQUERY_MS)) return;
    this.asking = true;
    this.lastAsked = Date.now();
    try {
      const r = await describeManagedCredentials(loadSdk(__dirname), {
        environmentId: this.environmentId,
        region: s.amtc.region ?? 'us-east-1',
        paths: this.service.files().paths,
        endpoint: setting('cloud9Endpoint') || undefined,
      });
      this.text = r.ok ? r.managedCredentialsStatus ?? vscode.l10n.t('unknown') : vscode.l10n.t('not reachable ({0})', r.code);
      this.log.info(`Cloud9 managedCredentialsStatus: ${this.text}`);
      this.changed.fire(this.text);
    } finally {
      this.asking = false;
    }
  }

  /** What Cloud9 said in answer to our own calls (turning AMTC off / on). */
  report(value: string): void {
    this.text = value;
    this.lastAsked = Date.now();
    this.changed.fire(value);
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
