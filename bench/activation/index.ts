// Loaded as extensionTestsPath by bench/run.ts: reports how long AMTC Guard's activate() took in
// this real extension host, and when the status bar first showed a status, through the probe.
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../src/extension';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<AmtcGuardApi>('amtc-guard.amtc-guard');
  if (!ext) throw new Error('extension not loaded');
  const api = await ext.activate();
  const firstStatusMs = await api.firstStatusMs;
  const res = await fetch(`${process.env.AMTC_PROBE_URL ?? ''}/log`, { method: 'POST', body: `activationMs=${api.activationMs} firstStatusMs=${firstStatusMs}` });
  if (!res.ok) throw new Error('probe unreachable');
}
