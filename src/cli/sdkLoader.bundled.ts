// The single file's SDK: bundled inside dist/amtc-guard.cjs, where esbuild wraps a require()d module
// so that it is evaluated on this first call, not when `status` or `prompt` start.
import type { SdkModule } from '../core/aws/verify';

export function loadCliSdk(): SdkModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../awsSdk') as SdkModule;
}
