// Cloud9's own view of the managed credentials: cloud9:DescribeEnvironments (allowed under AMTC)
// returns managedCredentialsStatus, e.g. ENABLED_ON_CREATE or DISABLED_BY_OWNER. The Cloud9 SDK
// client is no longer published for the current SDK, so this is one SigV4-signed JSON call.
import type { FilePaths } from '../credentials/resolve';
import type { SdkModule } from './verify';

export type Cloud9Status = { ok: true; managedCredentialsStatus: string | null } | { ok: false; code: string };

export interface Cloud9StatusOptions {
  environmentId: string;
  region: string;
  paths: FilePaths;
  /** Override for tests and private endpoints; default https://cloud9.REGION.amazonaws.com. */
  endpoint?: string;
}

export async function describeManagedCredentials(sdk: SdkModule, o: Cloud9StatusOptions): Promise<Cloud9Status> {
  try {
    const credentials = await sdk.fromIni({ profile: 'default', filepath: o.paths.credentialsFile, configFilepath: o.paths.configFile, ignoreCache: true })();
    const url = new URL(o.endpoint || `https://cloud9.${o.region}.amazonaws.com/`);
    const body = JSON.stringify({ environmentIds: [o.environmentId] });
    const signer = new sdk.SignatureV4({ credentials, region: o.region, service: 'cloud9', sha256: sdk.Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCloud9WorkspaceManagementService.DescribeEnvironments' },
      body,
    });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(10_000) });
    const json = (await res.json().catch(() => ({}))) as { environments?: { managedCredentialsStatus?: string }[]; __type?: string };
    if (!res.ok) return { ok: false, code: (res.headers.get('x-amzn-errortype') ?? json.__type ?? `HTTP ${res.status}`).split(':')[0]! };
    return { ok: true, managedCredentialsStatus: json.environments?.[0]?.managedCredentialsStatus ?? null };
  } catch (e) {
    return { ok: false, code: e instanceof Error ? e.name : 'Error' };
  }
}
