// Secrets come from stdin (--secret-stdin) or a no-echo prompt on a terminal, never from argv.
import { UsageError } from './args';

export async function readAllStdin(input: NodeJS.ReadableStream = process.stdin, limit = 64 * 1024): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) {
    text += chunk as string;
    if (text.length > limit) throw new UsageError({ code: 'secret-too-long' });
  }
  return text;
}

/** Asks on the terminal without echoing what is typed; undefined when the user presses Ctrl-C. */
export function promptHidden(question: string): Promise<string | undefined> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (answer: string | undefined): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(value);
        if (ch === '\u0003') return done(undefined);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
