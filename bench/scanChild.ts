// Runs in its own process so its peak RSS is the scanner's: 200 MB of realistic command output,
// streamed in 16 KB chunks (as execution.read() hands them over), an error near the end.
import { ErrorScanner } from '../src/core/terminal/scan';

const line = (i: number): string => `\x1b[32m{"Key": "logs/2026/11/29/app-${i}.log", "LastModified": "2026-11-29T06:0${i % 10}:00.000Z", "Size": ${i * 13}, "StorageClass": "STANDARD"},\x1b[0m\r\n`;
let block = '';
for (let i = 0; block.length < 1 << 20; i++) block += line(i);
const TOTAL = 200 * (1 << 20);
const CHUNK = 16 * 1024;
const scanner = new ErrorScanner();
const start = performance.now();
let fed = 0;
while (fed < TOTAL - (1 << 20)) {
  for (let o = 0; o < block.length && fed < TOTAL - (1 << 20); o += CHUNK) {
    const chunk = block.slice(o, o + CHUNK);
    scanner.feed(chunk);
    fed += chunk.length;
  }
}
scanner.feed('\r\nAn error occurred (InvalidClientTokenId) when calling the ListObjectsV2 operation: The security token included in the request is invalid\r\n');
const found = scanner.finish();
const seconds = (performance.now() - start) / 1000;
if (found?.code !== 'InvalidClientTokenId') throw new Error('the error near the end was not found');
process.stdout.write(JSON.stringify({ mbps: fed / (1 << 20) / seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
