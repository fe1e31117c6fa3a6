// "Add fallback profile": name → access key id (or import the IAM .csv) → secret → (session token)
// → region → output → where. Writes through core/profiles/addProfile, never into the managed file
// unless the user deliberately picks that over the preselected safe answer, which names the consequence.
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import { parseAccessKeyCsv } from '../core/profiles/accessKeyCsv';
import { addProfile, KEY_ID, NewProfile, OUTPUT_FORMATS, REGION } from '../core/profiles/addProfile';
import { PROFILE_NAME } from '../core/ini/edit';
import { FileKind } from '../core/ini/profiles';
import type { CredentialStatus } from '../core/amtc/state';
import type { FilePaths } from '../core/credentials/resolve';
import { maskKeyId } from '../core/mask';
import { Cancelled, inputStep, pickStep, StepResult } from './multiStepInput';
import { addProfileProblemText } from './profileText';
import { notificationText } from '../core/text/plainText';

export interface WizardContext {
  status: CredentialStatus | undefined;
  paths: FilePaths;
  home: string;
}

export interface WizardResult {
  name: string;
  file: string;
}

const TOTAL = 6;
const IMPORT_CSV: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('file-symlink-file'), tooltip: vscode.l10n.t('Import the .csv file the IAM console downloads') };

export async function runAddProfileWizard(ctx: WizardContext): Promise<WizardResult | undefined> {
  const title = vscode.l10n.t('Add fallback profile');
  const existing = new Set((ctx.status?.profiles ?? []).map((p) => p.name));
  const p: Draft = { region: ctx.status?.amtc?.region ?? undefined };
  let step = 1;
  try {
    while (step <= TOTAL) {
      const r: StepResult<unknown> = await runStep(step, title, p, existing);
      if (r.kind === 'back') step = Math.max(1, step - 1);
      // The .csv holds the key id and the secret: skip to the region.
      else if (r.kind === 'button') step = (await importCsv(p)) ? 4 : step;
      else step++;
    }
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    throw e;
  }
  const profile: NewProfile = { name: p.name!, accessKeyId: p.accessKeyId!, secretAccessKey: p.secretAccessKey! };
  if (p.sessionToken) profile.sessionToken = p.sessionToken;
  if (p.region) profile.region = p.region;
  if (p.output) profile.output = p.output;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Adding profile {0}…', profile.name) }, () =>
    addProfile(profile, { target: p.target ?? 'config', replace: !!p.replace, paths: ctx.paths, home: ctx.home, confirmManagedFile: p.target === 'credentials' }));
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(addProfileProblemText(outcome.problem, profile.name, outcome.file ?? ''));
    return undefined;
  }
  return { name: profile.name, file: outcome.file };
}

type Draft = Partial<NewProfile> & { replace?: boolean; target?: FileKind };

async function runStep(step: number, title: string, p: Draft, existing: Set<string>): Promise<StepResult<unknown>> {
  const base = { title, step, totalSteps: TOTAL };
  switch (step) {
    case 1: {
      const r = await inputStep({
        ...base,
        value: p.name ?? (existing.has('c9_work') ? '' : 'c9_work'),
        prompt: vscode.l10n.t('Profile name: letters, digits and _ - . + @ (you will run aws … --profile NAME).'),
        validate: (v) => (v === 'default' ? vscode.l10n.t('"default" belongs to the managed credentials; choose another name.') : PROFILE_NAME.test(v) ? undefined : vscode.l10n.t('Use letters, digits and _ - . + @ only.')),
      });
      if (r.kind !== 'value') return r;
      p.name = r.value;
      p.replace = false;
      if (existing.has(r.value)) {
        const replace = vscode.l10n.t('Replace its keys in place');
        const pick = await vscode.window.showQuickPick([replace, vscode.l10n.t('Choose another name')], { title, placeHolder: vscode.l10n.t('Profile "{0}" already exists.', r.value), ignoreFocusOut: true });
        if (pick !== replace) return { kind: 'back' };
        p.replace = true;
      }
      return r;
    }
    case 2: {
      const r = await inputStep({
        ...base,
        value: p.accessKeyId,
        prompt: vscode.l10n.t('Access key id of your IAM user (AKIA…), or import the .csv the IAM console downloaded (button above).'),
        placeholder: 'AKIA................',
        buttons: [IMPORT_CSV],
        validate: (v) => (KEY_ID.test(v.trim()) ? undefined : vscode.l10n.t('An access key id is AKIA followed by 16 upper-case letters or digits.')),
      });
      if (r.kind === 'value') p.accessKeyId = r.value.trim();
      return r;
    }
    case 3: {
      // The secret and (for an ASIA key) its token; Back from the token returns to the secret, and
      // every value typed so far stays in its box when the user comes back.
      for (;;) {
        const r = await inputStep({
          ...base,
          value: p.secretAccessKey,
          password: true,
          prompt: vscode.l10n.t('Secret access key (shown once by IAM when the key was created).'),
          validate: (v) => (!v.trim() ? vscode.l10n.t('The secret access key is empty; paste the one IAM showed when the key was created.') : /\s/.test(v.trim()) ? vscode.l10n.t('Paste the secret exactly; it has no spaces.') : undefined),
        });
        if (r.kind !== 'value') return r;
        p.secretAccessKey = r.value.trim();
        if (!p.accessKeyId?.startsWith('ASIA')) {
          delete p.sessionToken;
          return r;
        }
        const t = await inputStep({
          ...base,
          value: p.sessionToken,
          password: true,
          prompt: vscode.l10n.t('This ASIA key is temporary: paste its session token. The profile stops working when the token expires.'),
          validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A temporary key needs its session token.')),
        });
        if (t.kind === 'back') continue;
        if (t.kind === 'value') p.sessionToken = t.value.trim();
        return t;
      }
    }
    case 4: {
      const r = await inputStep({
        ...base,
        value: p.region ?? 'us-east-1',
        prompt: vscode.l10n.t('Region for this profile (the managed profile uses {0}).', p.region ?? 'us-east-1'),
        validate: (v) => (v === '' || REGION.test(v) ? undefined : vscode.l10n.t('A region looks like us-east-1 or ap-northeast-1.')),
      });
      if (r.kind === 'value') p.region = r.value || undefined;
      return r;
    }
    case 5: {
      const items = [...OUTPUT_FORMATS.map((f) => ({ label: f })), { label: vscode.l10n.t('(not set)'), description: vscode.l10n.t('the CLI default, json') }];
      const r = await pickStep({ ...base, items, placeholder: vscode.l10n.t('Output format'), active: items.find((i) => i.label === (p.output ?? 'json')) });
      if (r.kind === 'value') p.output = (OUTPUT_FORMATS as readonly string[]).includes(r.value.label) ? r.value.label : undefined;
      return r;
    }
    default: {
      const config = { label: '~/.aws/config', description: vscode.l10n.t('recommended'), detail: vscode.l10n.t('Read by the AWS CLI v2, boto3 and the JS SDK; Cloud9 keeps refreshing its own file.'), target: 'config' as FileKind };
      const creds = { label: '~/.aws/credentials', description: vscode.l10n.t('not recommended on Cloud9'), detail: vscode.l10n.t('On Cloud9 this edits the managed file: Cloud9 stops refreshing it.'), target: 'credentials' as FileKind };
      for (;;) {
        const r = await pickStep({ ...base, items: [config, creds], placeholder: vscode.l10n.t('Where should the profile go?'), active: p.target === 'credentials' ? creds : config });
        if (r.kind !== 'value') return r;
        p.target = r.value.target;
        if (r.value.target !== 'credentials') return r;
        const c = await confirmCredentials(base);
        if (c.kind === 'back') continue;
        if (c.kind === 'value') p.target = c.value;
        return c;
      }
    }
  }
}

/**
 * The managed file is the risky choice: a second pick whose first, preselected item writes to the
 * config file after all, so Enter is safe and the credentials file needs a deliberate pick.
 * Back returns to the choice of file.
 */
async function confirmCredentials(base: { title: string; step: number; totalSteps: number }): Promise<StepResult<FileKind>> {
  const safe = { label: vscode.l10n.t('Write to ~/.aws/config instead'), description: vscode.l10n.t('recommended'), target: 'config' as FileKind };
  const risky = { label: vscode.l10n.t('Write to credentials anyway'), detail: vscode.l10n.t('Cloud9 stops refreshing the file, and your default credentials expire within 15 minutes.'), target: 'credentials' as FileKind };
  const r = await pickStep({ ...base, items: [safe, risky], placeholder: vscode.l10n.t('If the credentials file is managed by Cloud9, editing it makes Cloud9 stop refreshing it.'), active: safe });
  return r.kind === 'value' ? { kind: 'value', value: r.value.target } : r;
}

/** Fills key id and secret from the IAM console's .csv; false when cancelled or unreadable. */
async function importCsv(p: Draft): Promise<boolean> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv'] }, title: vscode.l10n.t('Import access key .csv') });
  if (!picked?.[0]) return false;
  const text = await fs.readFile(picked[0].fsPath, 'utf8').catch(() => undefined);
  const parsed = text === undefined ? 'no-row' : parseAccessKeyCsv(text);
  if (typeof parsed === 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('That file is not an IAM access key .csv (it needs the columns "Access key ID" and "Secret access key").'));
    return false;
  }
  p.accessKeyId = parsed.accessKeyId;
  p.secretAccessKey = parsed.secretAccessKey;
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported key {0}{1}.', maskKeyId(parsed.accessKeyId), parsed.userName ? ` (${notificationText(parsed.userName)})` : ''));
  return true;
}
