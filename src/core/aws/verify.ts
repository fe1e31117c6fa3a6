// STS GetCallerIdentity with one profile, through the AWS SDK (loaded lazily by the caller, so
// neither activation nor `amtc-guard status` pays for it). Returns codes, never the secret.
import * as path from 'node:path';
import type { FilePaths } from '../credentials/resolve';
import { maskKeyId } from '../mask';

export type SdkModule = typeof import('../../awsSdk');

/** The AWS SDK declares `node >= 20`; the everyday commands run on 18 (Amazon Linux 2023's default). */
export const SDK_MIN_NODE_MAJOR = 20;

/** Whether this Node (a `process.version` like `v18.20.4`) can run the SDK; callers say so in words. */
export function sdkRunsOn(nodeVersion: string): boolean {
  return Number(/^v?(\d+)\./.exec(nodeVersion)?.[1] ?? 0) >= SDK_MIN_NODE_MAJOR;
}

/** The SDK bundle sits next to the running bundle (dist/awsSdk.js) or source (out/src/awsSdk.js). */
export function loadSdk(dir: string): SdkModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(dir, 'awsSdk.js')) as SdkModule;
}

export type VerifyProblem = 'profile-not-found' | 'invalid-key-id' | 'wrong-secret' | 'expired' | 'no-network' | 'other';

export type VerifyOutcome =
  | { ok: true; account: string; arn: string; keyId: string; temporary: boolean }
  | { ok: false; problem: VerifyProblem; code: string; /** The STS endpoint the call went to (or would have). */ endpoint: string };

export interface VerifyOptions {
  profile: string;
  paths: FilePaths;
  region?: string;
  endpoint?: string;
}

/** The endpoint a call goes to: the given one, else the public regional STS endpoint (what the SDK uses). */
export function stsEndpoint(o: Pick<VerifyOptions, 'region' | 'endpoint'>): string {
  return o.endpoint || `https://sts.${o.region ?? 'us-east-1'}.amazonaws.com`;
}

export async function verifyProfile(sdk: SdkModule, o: VerifyOptions): Promise<VerifyOutcome> {
  // default is what a plain `aws` call uses: past the files to the instance role, as the CLI does.
  const init = { profile: o.profile, filepath: o.paths.credentialsFile, configFilepath: o.paths.configFile, ignoreCache: true };
  const provider = o.profile === 'default' ? sdk.fromNodeProviderChain(init) : sdk.fromIni(init);
  let keyId = '';
  try {
    const credentials = await provider();
    keyId = credentials.accessKeyId;
    const client = new sdk.STSClient({ region: o.region ?? 'us-east-1', credentials, maxAttempts: 1, ...(o.endpoint ? { endpoint: o.endpoint } : {}) });
    try {
      const id = await client.send(new sdk.GetCallerIdentityCommand({}));
      return { ok: true, account: id.Account ?? '', arn: id.Arn ?? '', keyId: maskKeyId(keyId), temporary: keyId.startsWith('ASIA') };
    } finally {
      client.destroy();
    }
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    const code = err.name && err.name !== 'Error' ? err.name : err.code ?? 'Error';
    return { ok: false, problem: classify(code, err.message ?? ''), code, endpoint: stsEndpoint(o) };
  }
}

function classify(code: string, message: string): VerifyProblem {
  if (code === 'CredentialsProviderError' || /could not resolve credentials|profile .* not found/i.test(message)) return 'profile-not-found';
  if (code === 'InvalidClientTokenId' || code === 'UnrecognizedClientException') return 'invalid-key-id';
  if (code === 'SignatureDoesNotMatch') return 'wrong-secret';
  if (/^Expired/.test(code)) return 'expired';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|TimeoutError|NetworkingError/.test(code + message)) return 'no-network';
  return 'other';
}
