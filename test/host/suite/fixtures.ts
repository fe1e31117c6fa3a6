// The fixture home inside the extension host: HOME is the per-run folder the runner gave code-server.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'amtc-guard.amtc-guard';
export const HOME = process.env.HOME!;
export const AWS_DIR = path.join(HOME, '.aws');
export const CREDENTIALS = path.join(AWS_DIR, 'credentials');
export const CONFIG = path.join(AWS_DIR, 'config');

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

export function resetAwsDir(): void {
  rmSync(AWS_DIR, { recursive: true, force: true });
  mkdirSync(AWS_DIR, { recursive: true, mode: 0o700 });
}

/** The fallback profile the terminal tests use: c9_work with an IAM user's key in ~/.aws/config. */
export function writeC9WorkProfile(): void {
  writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\nregion = us-east-1\n', { mode: 0o600 });
}
