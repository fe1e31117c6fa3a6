// Conformance with other projects' suites: every config file from botocore's, the AWS CLI 2.9.19's and
// smithy-typescript's tests (../shared/conformance/botocore, read in place, never copied), with what the
// real CLI 2.9.19 made of it. AMTC Guard must agree on parsing, profiles, source kinds, failures and regions.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { settleStatus } from '../../src/core/amtc/settleStatus';
import type { CredentialStatus } from '../../src/core/amtc/state';
import type { Env } from '../../src/core/credentials/resolve';
import { failsOnUse } from '../../src/core/credentials/chainContext';
import { FileRead, readStable } from '../../src/core/files/read';
import { ROOT, tempDir } from './helpers';

/** ../shared next to the repository root; for a git worktree, next to its main checkout's root. */
function corpusDir(): string {
  const beside = (root: string): string => path.join(root, '..', 'shared', 'conformance', 'botocore');
  const dotGit = path.join(ROOT, '.git');
  const gitdir = existsSync(dotGit) && !statSync(dotGit).isDirectory() ? /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1] : undefined;
  // A worktree's .git file points at <main>/.git/worktrees/<name>.
  return !existsSync(beside(ROOT)) && gitdir ? beside(path.resolve(gitdir.trim(), '..', '..', '..')) : beside(ROOT);
}
const CORPUS = corpusDir();

interface Answer { method: string | null; error?: string; region: string | null }
interface Truth {
  parse: { ok: boolean };
  profiles: string[];
  per_profile: Record<string, Answer>;
  missing_profiles: Record<string, { not_found: boolean }>;
  env_scenarios: { name: string; result: Answer }[];
}
interface Fixture {
  id: string;
  group: 'botocore' | 'smithy';
  env_scenarios: { name: string; profile?: string | null; env: Record<string, string> }[];
  truth: { config?: Truth; credentials?: Truth };
}

/** One role of one fixture: the file used as the config file or as the credentials file. */
async function disagreements(f: Fixture, role: 'config' | 'credentials', truth: Truth): Promise<string[]> {
  const ini = path.join(CORPUS, `${f.id}.ini`);
  const home = tempDir('amtc-conf-');
  const none = path.join(home, 'absent');
  const env: Env = {
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: role === 'config' ? ini : none,
    AWS_SHARED_CREDENTIALS_FILE: role === 'credentials' ? ini : none,
  };
  const [credentials, config]: [FileRead, FileRead] = await Promise.all([readStable(env.AWS_SHARED_CREDENTIALS_FILE!), readStable(env.AWS_CONFIG_FILE!)]);
  const status = (e: Env, profileFlag?: string): Promise<CredentialStatus> =>
    settleStatus({ env: e, credentials, config, now: Date.now(), lifetimeMs: 15 * 60_000, chain: { home, botoDefaults: [], ...(profileFlag !== undefined ? { profileFlag } : {}) } });
  const out: string[] = [];
  const base = await status(env);
  const parsed = !base.problems.some((p) => p.code === 'cli-cannot-parse');
  if (parsed !== truth.parse.ok) out.push(`parse: ours ${parsed}, CLI ${truth.parse.ok}`);
  if (!truth.parse.ok) return out;
  const ours = base.profiles.map((p) => p.name).sort();
  if (JSON.stringify(ours) !== JSON.stringify([...truth.profiles].sort())) out.push(`profiles: ours ${JSON.stringify(ours)}, CLI ${JSON.stringify(truth.profiles)}`);
  const check = (what: string, s: CredentialStatus, a: Answer): void => {
    const src = s.source;
    const region = s.profiles.find((p) => p.name === s.activeProfile)?.region ?? null;
    if (a.error !== undefined) {
      if (src.works !== 'fails' || (a.method !== null && src.kind !== a.method)) out.push(`${what}: ours ${src.kind}/${src.works}, CLI ${a.method} failing: ${a.error}`);
    } else if (a.method === null) {
      if (src.kind !== null) out.push(`${what}: ours ${src.kind}/${src.works}/${src.problem}, CLI finds no credentials`);
    } else if (src.kind !== a.method || (src.works === 'fails' && !failsOnUse(src.problem!))) out.push(`${what}: ours ${src.kind}/${src.works}/${src.problem}, CLI ${a.method}`);
    if (a.region !== undefined && region !== a.region && !(a.error && src.works === 'fails')) out.push(`${what}: region ours ${region}, CLI ${a.region}`);
  };
  for (const [name, a] of Object.entries(truth.per_profile)) check(`profile "${name}"`, await status(env, name === '' ? undefined : name), a);
  for (const name of Object.keys(truth.missing_profiles)) {
    const s = await status(env, name);
    if (s.source.problem !== 'profile-not-found') out.push(`missing profile "${name}": ours ${s.source.kind}/${s.source.problem}`);
  }
  for (const [i, sc] of f.env_scenarios.entries()) {
    const a = truth.env_scenarios[i]?.result;
    if (!a) continue;
    check(`scenario "${sc.name}"`, await status({ ...env, ...sc.env, ...(typeof sc.profile === 'string' ? { AWS_PROFILE: sc.profile } : {}) }), a);
  }
  return out;
}

void test('the AWS CLI 2.9.19 conformance corpus: botocore and aws-cli fixtures agree; smithy-typescript reported', async (t) => {
  if (!existsSync(path.join(CORPUS, 'MANIFEST.json'))) {
    t.skip(`the corpus lives outside the repository (${CORPUS}); a clone without ../shared has nothing to compare`);
    return;
  }
  const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'MANIFEST.json'), 'utf8')) as { fixtures: string[] };
  assert.deepEqual([...manifest.fixtures].sort(), readdirSync(CORPUS).filter((n) => n.endsWith('.ini')).map((n) => n.slice(0, -4)).sort());
  const misses: Record<string, string[]> = {};
  const totals = { botocore: { agree: 0, all: 0 }, smithy: { agree: 0, all: 0 } };
  for (const id of manifest.fixtures) {
    const f = JSON.parse(readFileSync(path.join(CORPUS, `${id}.json`), 'utf8')) as Fixture;
    const found: string[] = [];
    for (const role of ['config', 'credentials'] as const) {
      const truth = f.truth[role];
      if (truth) found.push(...(await disagreements(f, role, truth)).map((d) => `${role}: ${d}`));
    }
    totals[f.group].all++;
    if (found.length === 0) totals[f.group].agree++;
    else misses[id] = found;
  }
  t.diagnostic(`botocore + aws-cli fixtures: ${totals.botocore.agree}/${totals.botocore.all} agree; smithy-typescript: ${totals.smithy.agree}/${totals.smithy.all}`);
  const botocoreMisses = Object.fromEntries(Object.entries(misses).filter(([id]) => !id.startsWith('sm-')));
  assert.deepEqual(botocoreMisses, {}, `every botocore and aws-cli fixture agrees with the CLI:\n${JSON.stringify(botocoreMisses, null, 1)}`);
});
