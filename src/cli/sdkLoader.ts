// Where the CLI's AWS SDK comes from: dist/awsSdk.js beside dist/cli.js. The single-file build
// (dist/amtc-guard.cjs) swaps this module for sdkLoader.bundled.ts (scripts/build.mjs).
import { loadSdk, SdkModule } from '../core/aws/verify';

export function loadCliSdk(): SdkModule {
  return loadSdk(__dirname);
}
