// Activation only: build the pieces, register them, and put every Disposable in subscriptions.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { affectsSettings, onSettingChange, setting } from './vscode/config';
import { CredentialService } from './vscode/credentialService';
import { createLog } from './vscode/log';
import { StatusBarController } from './vscode/statusBar';
import { REPORT_SCHEME, StatusReportProvider } from './vscode/statusReport';
import { DenialNotifier } from './vscode/denialNotifier';
import { ExplanationView } from './vscode/explanationView';
import { watchShellIntegration } from './vscode/shellIntegrationHint';
import { registerErrorLinks } from './vscode/terminalLinks';
import { Cloud9ApiStatus } from './vscode/cloud9ApiStatus';
import { StaleKeysCheck } from './vscode/staleKeysCheck';
import { registerPreflight } from './vscode/preflightDiagnostics';
import { JudgedCommand, TerminalWatcher } from './vscode/terminalWatcher';
import { TerminalEnvironments } from './vscode/terminalEnvironments';
import { knownValues } from './core/terminal/shellEnv';
import { CredentialStatus, fallbackProfiles } from './core/amtc/state';
import { notificationText } from './core/text/plainText';
import { Cloud9Signs } from './vscode/cloud9Signs';
import { ContextKeys } from './vscode/contextKeys';
import { ManagedFileGuard } from './vscode/managedFileGuard';
import { terminalProfile } from './vscode/terminalProfile';
import { SourceAlerts } from './vscode/sourceAlerts';
import { worthTelling } from './core/amtc/verdict';

/** What activate() returns: a read-only view for tests and other extensions. */
export interface AmtcGuardApi {
  onDidJudge: vscode.Event<JudgedCommand>;
  /** How long activate() took, in ms (npm run bench reads it). */
  activationMs: number;
  /** Ms from the start of activate() until the status bar first showed a status (npm run bench reads it). */
  firstStatusMs: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): AmtcGuardApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    const service = new CredentialService(log, context.environmentVariableCollection);
    const signs = new Cloud9Signs(() => service.environment(), service.files().home, () => statusBar.update());
    const statusBar = new StatusBarController(signs.itemVisible);
    statusBar.verified = (s) => service.verifications.current(s);
    const report = new StatusReportProvider(() => service.current);
    const contextKeys = new ContextKeys();
    const guard = new ManagedFileGuard(() => service.current, service.onDidChange, log);
    // Preflight follows the status, and its setting turns it off (and on) at once.
    const preflightInput = new vscode.EventEmitter<CredentialStatus>();
    context.subscriptions.push(
      service,
      statusBar,
      report,
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, report),
      guard,
      preflightInput,
      service.onDidChange((s) => {
        report.refresh();
        contextKeys.update(s, terminalProfile(context.environmentVariableCollection));
        preflightInput.fire(s);
      }),
      onSettingChange('preflight', () => service.current && preflightInput.fire(service.current)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) statusBar.update();
      }),
    );
    context.subscriptions.push(new SourceAlerts(service.onDidChange, log));
    const cloud9 = new Cloud9ApiStatus(service, log);
    const stale = new StaleKeysCheck(service, cloud9);
    const show = (): void => service.current && statusBar.update(stale.apply(service.current));
    context.subscriptions.push(
      cloud9,
      stale,
      service.onDidChange(show),
      stale.onDidChange(show),
      service.verifications.onDidChange(() => statusBar.update()),
      cloud9.onDidChange((text) => {
        statusBar.cloud9 = text;
        statusBar.update();
      }),
    );
    const explanations = new ExplanationView(log);
    const environments = new TerminalEnvironments(context.environmentVariableCollection);
    const terminals = new TerminalWatcher({ ran: (t, line, exit) => environments.ran(t, line, exit), status: (env) => service.statusWith(knownValues(env.variables)) }, log);
    const notifier = new DenialNotifier(context.globalState, explanations, log);
    context.subscriptions.push(
      explanations,
      environments,
      terminals,
      registerErrorLinks(() => service.current, explanations, terminals),
      registerPreflight(() => (setting('preflight') ? service.current : undefined), preflightInput.event),
      watchShellIntegration(context.globalState),
      terminals.onDidJudge((j) => {
        if (worthTelling(j.verdict) && setting('notifications')) void notifier.notify({ ...j, fallbackProfile: fallbackProfiles(service.current)[0] });
      }),
    );
    registerCommands(context, { log, service, terminalEnv: context.environmentVariableCollection, explanations, guard, terminals, notifier, cloud9 });
    // The first read runs after activate() returns, so activation stays cheap.
    void service.start();
    return { onDidJudge: terminals.onDidJudge, activationMs: performance.now() - started, firstStatusMs: statusBar.firstPaint.then((at) => at - started) };
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
