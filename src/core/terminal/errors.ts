// Recognises an AWS error in one line of output: the AWS CLI (v1/v2, with the newer
// "aws: [ERROR]: " prefix), the Go SDK v2 as Terraform prints it, and the JS SDK v3 / CDK.

export type ErrorShape = 'aws-cli' | 'go-sdk' | 'js-sdk';

export interface AwsError {
  code: string;
  operation: string | null;
  message: string;
  /** Service as the tool printed it (the Go SDK names it: "IAM"), else null. */
  service: string | null;
  shape: ErrorShape;
}

const CLI = /An error occurred \(([\w.:-]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: ?(.*)$/;
const GO = /operation error ([\w .-]+?): (\w+), .*?(?:api error |StatusCode: \d+, RequestID: [\w-]*, )([\w.]+): (.*)$/;
// The JS SDK prints "Code: message"; only codes that matter here are taken, so ordinary
// "Error: something" lines are never mistaken for AWS errors.
const JS_CODES = [
  'InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'ExpiredToken', 'ExpiredTokenException',
  'RequestExpired', 'InvalidToken', 'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation',
  'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'InvalidSignatureException', 'IncompleteSignature',
];
const JS = new RegExp(`(?:^|[\\s:])(${JS_CODES.join('|')}): (.+)$`);

export function parseErrorLine(line: string): AwsError | undefined {
  if (line.length > 8192) line = line.slice(0, 8192);
  let m = CLI.exec(line);
  if (m) return { code: m[1]!, operation: m[2]!, message: m[3]!.trim(), service: null, shape: 'aws-cli' };
  m = GO.exec(line);
  if (m) return { code: m[3]!, operation: m[2]!, message: m[4]!.trim(), service: m[1]!.trim(), shape: 'go-sdk' };
  m = JS.exec(line);
  if (m) return { code: m[1]!, operation: null, message: m[2]!.trim(), service: null, shape: 'js-sdk' };
  return undefined;
}
