// Cloud9's own view of the managed credentials: cloud9:DescribeEnvironments (allowed under AMTC)
// returns managedCredentialsStatus, e.g. ENABLED_ON_CREATE or DISABLED_BY_OWNER.
import { cloud9Call, Cloud9CallOptions } from './cloud9Call';
import type { SdkModule } from './verify';

export type Cloud9Status = { ok: true; managedCredentialsStatus: string | null } | { ok: false; code: string };

export interface Cloud9StatusOptions extends Cloud9CallOptions {
  environmentId: string;
}

export async function describeManagedCredentials(sdk: SdkModule, o: Cloud9StatusOptions): Promise<Cloud9Status> {
  const r = await cloud9Call(sdk, o, 'DescribeEnvironments', { environmentIds: [o.environmentId] });
  if (!r.ok) return r;
  const environments = r.json.environments as { managedCredentialsStatus?: unknown }[] | undefined;
  const status = environments?.[0]?.managedCredentialsStatus;
  return { ok: true, managedCredentialsStatus: typeof status === 'string' ? status : null };
}
