// A yes/no question on the terminal (default no). Without a terminal nothing is asked: the answer
// is no, and the caller says to add --yes.
import { createInterface } from 'node:readline/promises';

export async function confirm(question: string, input: NodeJS.ReadStream = process.stdin): Promise<boolean> {
  if (!input.isTTY) return false;
  const rl = createInterface({ input, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} [y/N] `)).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === 'はい';
  } finally {
    rl.close();
  }
}
