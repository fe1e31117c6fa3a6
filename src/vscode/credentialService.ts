// Wires the core monitor to VS Code: settings and the terminal environment in, status out.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { CredentialMonitor, MonitorSettings } from '../core/amtc/monitor';
import type { CredentialStatus } from '../core/amtc/state';
import { Env, FilePaths, homeDir, resolvePaths } from '../core/credentials/resolve';
import { maskKeyIdsIn } from '../core/mask';
import { affectsSettings, setting } from './config';
import type { Log } from './log';
import { terminalProfile } from './terminalProfile';
import { VerifyMemory } from './verifyMemory';

export class CredentialService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CredentialStatus>();
  readonly onDidChange = this.changed.event;
  private readonly monitor: CredentialMonitor;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** What Verify found per profile, for the tooltip (in memory only). */
  readonly verifications = new VerifyMemory();

  constructor(
    private readonly log: Log,
    private readonly terminalEnv: vscode.EnvironmentVariableCollection,
  ) {
    this.monitor = new CredentialMonitor({
      settings: () => this.settings(),
      onStatus: (s) => {
        this.log.info(`state ${s.state}${s.problems.length ? ` (${s.problems.map((p) => p.code).join(', ')})` : ''}, profile ${s.activeProfile}`);
        this.changed.fire(s);
      },
      onError: (e) => this.log.error(maskKeyIdsIn(e instanceof Error ? e.message : String(e))),
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) void this.monitor.refresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.monitor.refresh()),
    );
  }

  get current(): CredentialStatus | undefined {
    return this.monitor.current;
  }

  start(): Promise<void> {
    return this.monitor.start();
  }

  refresh(): Promise<void> {
    return this.monitor.refresh();
  }

  /** The environment new terminals get: the host's, plus what this extension sets for them. */
  environment(): Env {
    const env: Record<string, string | undefined> = { ...process.env };
    const profile = terminalProfile(this.terminalEnv);
    if (profile !== undefined) env.AWS_PROFILE = profile;
    return env;
  }

  /** The status a terminal with these credential variables sees (one opened before "Use profile in terminals" kept its old AWS_PROFILE; its commands may have changed them since). */
  statusWith(variables: Env): CredentialStatus | undefined {
    const env = this.environment();
    if (Object.entries(variables).every(([k, v]) => env[k] === v)) return this.current;
    return this.monitor.statusFor({ ...env, ...variables });
  }

  /** The files the AWS CLI would use now, and the home directory writes must stay inside. */
  files(): { paths: FilePaths; home: string } {
    const { paths, home } = this.resolve();
    return { paths, home };
  }

  private settings(): MonitorSettings {
    const { env, paths, home } = this.resolve();
    // The chain settles after the first paint: SSO and role caches read, IMDS or the container endpoint asked once per change.
    return { env, paths, lifetimeMs: Math.max(0.1, setting('credentialLifetimeMinutes') || 15) * 60_000, chain: { home, probe: true } };
  }

  /** Settings paths go through the same expansion as the environment's (core/credentials/resolve). */
  private resolve(): { env: Env; home: string; paths: FilePaths } {
    const env = this.environment();
    const home = homeDir(env, homedir());
    const paths = resolvePaths(env, home, { credentialsFile: setting('credentialsFile') || undefined, configFile: setting('configFile') || undefined });
    return { env, home, paths };
  }

  dispose(): void {
    void this.monitor.dispose();
    this.changed.dispose();
    this.verifications.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
