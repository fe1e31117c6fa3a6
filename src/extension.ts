// Activation only: build the pieces, register them, and put every Disposable in subscriptions.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { affectsSettings, setting } from './vscode/config';
import { CredentialService } from './vscode/credentialService';
import { createLog } from './vscode/log';
import { StatusBarController } from './vscode/statusBar';
import { REPORT_SCHEME, StatusReportProvider } from './vscode/statusReport';
import { DenialNotifier } from './vscode/denialNotifier';
import { EXPLANATION_SCHEME, ExplanationProvider } from './vscode/explanationView';
import { watchShellIntegration } from './vscode/shellIntegrationHint';
import { registerErrorLinks } from './vscode/terminalLinks';
import { Cloud9ApiStatus } from './vscode/cloud9ApiStatus';
import { registerPreflight } from './vscode/preflightDiagnostics';
import { JudgedCommand, TerminalWatcher } from './vscode/terminalWatcher';
import { fallbackProfiles } from './core/amtc/state';
import { notificationText } from './core/text/plainText';

/** What activate() returns: a read-only view for tests and other extensions. */
export interface AmtcGuardApi {
  onDidJudge: vscode.Event<JudgedCommand>;
  /** How long activate() took, in ms (npm run bench reads it). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): AmtcGuardApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    const service = new CredentialService(log, context.environmentVariableCollection);
    const statusBar = new StatusBarController(() => setting('showWhenUnmanaged'));
    const report = new StatusReportProvider(() => service.current);
    context.subscriptions.push(
      service,
      statusBar,
      report,
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, report),
      service.onDidChange((s) => {
        statusBar.update(s);
        report.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) statusBar.update();
      }),
    );
    const cloud9 = new Cloud9ApiStatus(service, log);
    context.subscriptions.push(
      cloud9,
      cloud9.onDidChange((text) => {
        statusBar.cloud9 = text;
        statusBar.update();
      }),
    );
    const explanations = new ExplanationProvider();
    const terminals = new TerminalWatcher(() => service.current, log);
    const notifier = new DenialNotifier(context.globalState, explanations, log);
    context.subscriptions.push(
      explanations,
      terminals,
      vscode.workspace.registerTextDocumentContentProvider(EXPLANATION_SCHEME, explanations),
      registerErrorLinks(() => service.current, explanations, terminals),
      registerPreflight(() => service.current, service.onDidChange),
      watchShellIntegration(context.globalState),
      terminals.onDidJudge((j) => {
        if (j.verdict.amtc) void notifier.notify({ ...j, fallbackProfile: fallbackProfiles(service.current)[0] });
      }),
    );
    registerCommands(context, { log, service, terminalEnv: context.environmentVariableCollection, explanations });
    // The first read runs after activate() returns, so activation stays cheap.
    void service.start();
    return { onDidJudge: terminals.onDidJudge, activationMs: performance.now() - started };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`activation failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('AMTC Guard could not start: {0}', notificationText(message)));
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
