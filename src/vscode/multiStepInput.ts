// Steps of a QuickInput flow with a step counter, a Back button and inline validation.
import * as vscode from 'vscode';

export type StepResult<T> = { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'button'; button: vscode.QuickInputButton };

export class Cancelled extends Error {}

export interface InputStepOptions {
  title: string;
  step: number;
  totalSteps: number;
  value?: string;
  prompt: string;
  placeholder?: string;
  password?: boolean;
  buttons?: vscode.QuickInputButton[];
  /** A one-sentence problem, or undefined when the value is fine. */
  validate: (value: string) => string | undefined;
}

/**
 * Shows a quick input and settles once: with what `wire` reports, or Cancelled when it is hidden
 * (Escape, focus lost elsewhere) before that. The input is disposed either way.
 */
function settleOnce<R>(input: vscode.QuickInput, wire: (finish: (r: R) => void) => void): Promise<R> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (r: R | Cancelled): void => {
      settled = true;
      input.dispose();
      if (r instanceof Cancelled) reject(r);
      else resolve(r);
    };
    wire(finish);
    input.onDidHide(() => {
      if (!settled) finish(new Cancelled());
    });
    input.show();
  });
}

export function inputStep(o: InputStepOptions): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = o.title;
  box.step = o.step;
  box.totalSteps = o.totalSteps;
  box.value = o.value ?? '';
  box.prompt = o.prompt;
  box.placeholder = o.placeholder;
  box.password = !!o.password;
  box.ignoreFocusOut = true;
  box.buttons = [...(o.step > 1 ? [vscode.QuickInputButtons.Back] : []), ...(o.buttons ?? [])];
  return settleOnce<StepResult<string>>(box, (finish) => {
    box.onDidChangeValue((v) => (box.validationMessage = v ? o.validate(v) : undefined));
    box.onDidAccept(() => {
      const problem = o.validate(box.value);
      if (problem) box.validationMessage = problem;
      else finish({ kind: 'value', value: box.value });
    });
    box.onDidTriggerButton((b) => finish(b === vscode.QuickInputButtons.Back ? { kind: 'back' } : { kind: 'button', button: b }));
  });
}

export interface PickStepOptions<T extends vscode.QuickPickItem> {
  title: string;
  step: number;
  totalSteps: number;
  items: T[];
  placeholder: string;
  active?: T;
}

export function pickStep<T extends vscode.QuickPickItem>(o: PickStepOptions<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = o.title;
  pick.step = o.step;
  pick.totalSteps = o.totalSteps;
  pick.items = o.items;
  pick.placeholder = o.placeholder;
  pick.ignoreFocusOut = true;
  if (o.active) pick.activeItems = [o.active];
  pick.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return settleOnce<StepResult<T>>(pick, (finish) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (item) finish({ kind: 'value', value: item });
    });
    pick.onDidTriggerButton(() => finish({ kind: 'back' }));
  });
}
