// Runs the AWS CLI's own parser (botocore from Debian's awscli) over file pairs, in one Python
// process for a whole corpus, so the differential tests stay fast.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildProfileMap } from '../../src/core/ini/profiles';
import { parseCliView } from '../../src/core/ini/cliView';
import { parseDocument } from '../../src/core/ini/document';

export type CliProfiles = Record<string, Record<string, string | Record<string, string>>>;
export type CliResult = { profiles: CliProfiles } | { error: 'config' | 'credentials' };

export const AWS_PYTHON = '/usr/bin/python3';
export const AWS_CLI_PACKAGE = '/usr/lib/python3/dist-packages/awscli';

export function awsCliPythonAvailable(): boolean {
  return existsSync(AWS_PYTHON) && existsSync(AWS_CLI_PACKAGE);
}

export interface FilePair {
  config: string | undefined;
  credentials: string | undefined;
}

/** What the CLI says for each pair (files written into dir). */
export function cliViews(dir: string, pairs: FilePair[]): CliResult[] {
  const cases = pairs.map((p, i) => {
    const config = path.join(dir, `config-${i}`);
    const credentials = path.join(dir, `credentials-${i}`);
    if (p.config !== undefined) writeFileSync(config, p.config);
    if (p.credentials !== undefined) writeFileSync(credentials, p.credentials);
    return { config, credentials };
  });
  const script = path.join(__dirname, '..', '..', '..', 'test', 'tools', 'awsCliView.py');
  const out = execFileSync(AWS_PYTHON, [script], { input: JSON.stringify(cases), maxBuffer: 256 << 20, env: { LANG: 'C.UTF-8', PATH: process.env.PATH ?? '' } });
  return JSON.parse(out.toString('utf8')) as CliResult[];
}

/** The same question answered by our model, reading each file as text or as its UTF-8 bytes. */
export function ourView(p: FilePair, read: 'text' | 'bytes' = 'text'): CliResult {
  const parse = (t: string | undefined) => (t === undefined ? undefined : parseCliView(parseDocument(read === 'text' ? t : Buffer.from(t, 'utf8'))));
  const config = parse(p.config);
  const credentials = parse(p.credentials);
  if (config?.error) return { error: 'config' };
  if (credentials?.error) return { error: 'credentials' };
  const profiles: CliProfiles = {};
  for (const [name, entry] of buildProfileMap(config, credentials)) profiles[name] = Object.fromEntries(entry.values);
  return { profiles };
}
