// What the last Verify of each profile found, kept in memory for the status item's tooltip until the
// profile's keys change on disk (the status' keysTag). Holds the identity's ARN or the problem, never a key.
import * as vscode from 'vscode';
import type { VerifyProblem } from '../core/aws/verify';
import type { CredentialStatus } from '../core/amtc/state';

export interface Verification {
  profile: string;
  at: number;
  /** The ARN it works as; null when the call failed. */
  arn: string | null;
  problem: VerifyProblem | null;
  keysTag: string | null;
}

export class VerifyMemory implements vscode.Disposable {
  private readonly byProfile = new Map<string, Verification>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  record(v: Verification): void {
    this.byProfile.set(v.profile, v);
    this.changed.fire();
  }

  /** The verifications that still hold for these files; one whose profile's keys changed (or went) is forgotten. */
  current(status: CredentialStatus): Verification[] {
    for (const [name, v] of this.byProfile) {
      const p = status.profiles.find((x) => x.name === name);
      if (!p || p.keysTag !== v.keysTag) this.byProfile.delete(name);
    }
    return [...this.byProfile.values()];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const PROBLEM: Record<VerifyProblem, () => string> = {
  'profile-not-found': () => vscode.l10n.t('no usable credentials'),
  'invalid-key-id': () => vscode.l10n.t('key id not recognised'),
  'wrong-secret': () => vscode.l10n.t('secret does not match'),
  expired: () => vscode.l10n.t('credentials expired'),
  'no-network': () => vscode.l10n.t('STS not reachable'),
  other: () => vscode.l10n.t('STS refused the call'),
};

/** One tooltip line: "c9_work verified 2 min ago as arn:…" or "c9_work failed Verify 1 min ago (wrong secret)". */
export function verificationText(v: Verification, ago: string): string {
  return v.arn !== null
    ? vscode.l10n.t('{0} verified {1} as {2}', v.profile, ago, v.arn)
    : vscode.l10n.t('{0} failed Verify {1} ({2})', v.profile, ago, PROBLEM[v.problem ?? 'other']());
}

/** The Works row of the profile in use, from its last Verify: "yes, verified 2 min ago as arn:…" or "no: Verify failed 1 min ago (…)". */
export function worksText(v: Verification, ago: string): string {
  return v.arn !== null
    ? vscode.l10n.t('yes, verified {0} as {1}', ago, v.arn)
    : vscode.l10n.t('no: Verify failed {0} ({1})', ago, PROBLEM[v.problem ?? 'other']());
}
