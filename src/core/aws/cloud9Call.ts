// The one SigV4-signed call to Cloud9's JSON API (AWSCloud9WorkspaceManagementService). The Cloud9
// SDK client is no longer published for the current SDK, so DescribeEnvironments and
// UpdateEnvironment both come through here: signed with the credentials the AWS CLI would use
// (env keys, the profile's files, then the instance role), answered as data (a code, never a sentence).
import type { FilePaths } from '../credentials/resolve';
import type { SdkModule } from './verify';

export type Cloud9Operation = 'DescribeEnvironments' | 'UpdateEnvironment';

export type Cloud9Answer = { ok: true; json: Record<string, unknown> } | { ok: false; code: string };

export interface Cloud9CallOptions {
  region: string;
  paths: FilePaths;
  /** The profile whose credentials sign (the active one); env keys still win, as in the CLI. */
  profile?: string;
  /** Override for tests and private endpoints; default https://cloud9.REGION.amazonaws.com. */
  endpoint?: string;
  timeoutMs?: number;
}

/** Cloud9 environment ids are 8–32 letters or digits (API reference, EnvironmentId). */
export const ENVIRONMENT_ID = /^[a-zA-Z0-9]{8,32}$/;

/** Which environment this host is: --environment-id, then C9_PID, then CLOUD9_ENVIRONMENT_ID. */
export function cloud9EnvironmentId(env: Readonly<Record<string, string | undefined>>, option?: string): string | undefined {
  return option || env.C9_PID || env.CLOUD9_ENVIRONMENT_ID || undefined;
}

export async function cloud9Call(sdk: SdkModule, o: Cloud9CallOptions, operation: Cloud9Operation, payload: object): Promise<Cloud9Answer> {
  try {
    const credentials = await sdk.fromNodeProviderChain({ profile: o.profile ?? 'default', filepath: o.paths.credentialsFile, configFilepath: o.paths.configFile, ignoreCache: true })();
    const url = new URL(o.endpoint || `https://cloud9.${o.region}.amazonaws.com/`);
    const body = JSON.stringify(payload);
    const signer = new sdk.SignatureV4({ credentials, region: o.region, service: 'cloud9', sha256: sdk.Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCloud9WorkspaceManagementService.${operation}` },
      body,
    });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(o.timeoutMs ?? 10_000) });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) return { ok: false, code: errorCode(res.headers.get('x-amzn-errortype') ?? (typeof json.__type === 'string' ? json.__type : undefined) ?? `HTTP ${res.status}`) };
    return { ok: true, json };
  } catch (e) {
    return { ok: false, code: e instanceof Error ? e.name : 'Error' };
  }
}

/** "AccessDeniedException:http://…" and "com.amazonaws…#AccessDeniedException" both name AccessDeniedException. */
function errorCode(raw: string): string {
  return raw.split(':')[0]!.split('#').pop()!;
}
