// The AWS SDK, bundled on its own (dist/awsSdk.js) and loaded only when a user verifies a
// profile or asks Cloud9 for its status, so activation never pays for it.
import { createHash, createHmac, Hash, Hmac } from 'node:crypto';
import { state } from '@aws-sdk/core/client';
export { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
export { SignatureV4 } from '@smithy/signature-v4';

// The SDK prints a nine-line NodeVersionSupportWarning on every Node below 22 (through
// process.emitWarning, so into the user's terminal or the extension host's log). Node is the
// callers' business: the CLI checks it in one sentence (sdkRunsOn), VS Code brings its own.
state.warningEmitted = true;

/** SHA-256 (HMAC when given a secret) in the shape the SigV4 signer expects, from node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): string | Uint8Array => (typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength));

export class Sha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}
