// "Why?": an explanation of a verdict in its own webview panel, with the actions next to the reason.
// Untrusted text (the command line, the error) is escaped by html`…` and masked; the page runs no
// script, its Content-Security-Policy allows only its own style, and its links run one command,
// ours, whose only argument is an id into the actions this class holds (never text from the page).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { DOCS_URL } from '../core/amtc/allowList';
import { maskSecretsIn } from '../core/mask';
import { Html, html } from '../core/text/html';
import { VerdictAction, VerdictContext, verdictActions } from './verdictActions';
import { explanationText, verdictSentence } from './verdictText';
import type { Log } from './log';

/** Runs an action of a shown explanation; its argument is { id, action } (our own ids). Not in the palette. */
export const EXPLANATION_ACTION_COMMAND = 'amtcGuard.runExplanationAction';
const VIEW_TYPE = 'amtcGuard.explanation';

interface Shown {
  panel: vscode.WebviewPanel;
  context: VerdictContext;
  actions: VerdictAction[];
}

export class ExplanationView implements vscode.Disposable {
  private readonly shown = new Map<string, Shown>();
  private readonly command: vscode.Disposable;

  constructor(private readonly log: Log) {
    this.command = vscode.commands.registerCommand(EXPLANATION_ACTION_COMMAND, (arg: unknown) => this.run(arg));
  }

  /** Opens a new panel for this explanation (the same verdict for the same command is revealed instead). */
  show(ctx: VerdictContext): Promise<void> {
    // The log masks secrets in the command line (log.ts).
    this.log.info(`explaining ${ctx.verdict.reason} ${ctx.verdict.action ?? ''} for: ${ctx.commandLine ?? '(pasted error)'}`);
    const key = sameKey(ctx);
    for (const [id, s] of this.shown) {
      if (sameKey(s.context) === key) {
        // Redrawn: the actions may differ now (a fallback profile was added meanwhile).
        s.actions = verdictActions(ctx);
        s.panel.webview.html = explanationPage(ctx, id, s.actions).value;
        s.panel.reveal();
        return Promise.resolve();
      }
    }
    const id = randomUUID();
    const title = vscode.l10n.t('Why: {0}', ctx.verdict.action ?? ctx.verdict.error?.code ?? vscode.l10n.t('AWS error'));
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: false,
      enableForms: false,
      enableCommandUris: [EXPLANATION_ACTION_COMMAND],
      enableFindWidget: true,
      localResourceRoots: [],
    });
    const actions = verdictActions(ctx);
    this.shown.set(id, { panel, actions, context: ctx });
    panel.onDidDispose(() => this.shown.delete(id));
    panel.webview.html = explanationPage(ctx, id, actions).value;
    return Promise.resolve();
  }

  private async run(arg: unknown): Promise<void> {
    const { id, action } = (arg ?? {}) as { id?: unknown; action?: unknown };
    const picked = typeof id === 'string' && typeof action === 'number' ? this.shown.get(id)?.actions[action] : undefined;
    await picked?.run();
  }

  dispose(): void {
    this.command.dispose();
    for (const s of [...this.shown.values()]) s.panel.dispose();
  }
}

function sameKey(ctx: VerdictContext): string {
  const v = ctx.verdict;
  return JSON.stringify([v.reason, v.action, v.error?.code, v.error?.message, ctx.commandLine ?? null, ctx.terminal?.name ?? null]);
}

function explanationPage(ctx: VerdictContext, id: string, actions: readonly VerdictAction[]): Html {
  const v = ctx.verdict;
  const nonce = randomUUID().replace(/-/g, '');
  const { rule, wayOut } = explanationText(v);
  const link = (a: VerdictAction, i: number): Html =>
    html`<a class="action" role="button" href="${`command:${EXPLANATION_ACTION_COMMAND}?${encodeURIComponent(JSON.stringify({ id, action: i }))}`}">${a.title}</a>`;
  const facts: Html[] = [];
  if (ctx.commandLine) facts.push(html`<dt>${vscode.l10n.t('Command')}</dt><dd><code>${maskSecretsIn(ctx.commandLine)}</code></dd>`);
  if (v.error) facts.push(html`<dt>${vscode.l10n.t('Error')}</dt><dd><code>${v.error.code}</code>${v.error.operation ? ` (${v.error.operation})` : ''}: ${maskSecretsIn(v.error.message)}</dd>`);
  if (v.action) facts.push(html`<dt>${vscode.l10n.t('IAM action')}</dt><dd><code>${v.action}</code></dd>`);
  return html`<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none'; form-action 'none'">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); max-width: 52rem; padding: 0 1.5rem 2rem; line-height: 1.5; }
.verdict { font-size: 1.1em; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.action { padding: .3rem .8rem; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border-radius: 2px; text-decoration: none; }
.action:hover, .action:focus, .action:active { color: var(--vscode-button-foreground); }
.action:hover { background: var(--vscode-button-hoverBackground); }
.action:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
dt { font-weight: 600; margin-top: .5rem; }
dd { margin-left: 0; overflow-wrap: anywhere; }
code { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
<h1>${vscode.l10n.t('Why did this AWS call fail?')}</h1>
<p class="verdict">${v.likely ? vscode.l10n.t('Most likely: {0}', verdictSentence(v)) : verdictSentence(v)}</p>
${Html.join(v.alsoPossible.map((reason) => html`<p>${vscode.l10n.t('Less likely: {0}', verdictSentence({ ...v, reason }))}</p>`))}
${actions.length ? html`<nav class="actions" aria-label="${vscode.l10n.t('Actions')}">${Html.join(actions.map(link))}</nav>` : ''}
<dl>${Html.join(facts)}</dl>
<h2>${vscode.l10n.t('The rule that applied')}</h2>
<p>${rule}</p>
<h2>${vscode.l10n.t('The way out')}</h2>
<p>${wayOut}</p>
<p><a href="${DOCS_URL}">${vscode.l10n.t('AWS documentation: actions supported by AWS managed temporary credentials')}</a></p>
</body>
</html>`;
}
