// Plain text from untrusted input (terminal output, error messages, endpoint replies, file contents):
// no terminal escape sequence, no control character, no bidirectional override survives, so what
// is printed or shown is exactly the visible characters. Used by the CLI and by notifications.

// ESC- and C1-introduced sequences: OSC / DCS / SOS / PM / APC strings (up to BEL or ST, or to the
// end when unterminated), CSI (parameters, intermediates, final byte), and two-byte ESC sequences.
const SEQUENCES = new RegExp(
  [
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x9c|\\x1b\\\\)?',
    '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?',
    '\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]?',
  ].join('|'),
  'g',
);
// Line breaks and tabs become spaces; every other C0/C1 control, DEL, and the invisible
// direction controls (which can make text read differently from what it is) are dropped.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const CONTROLS = /[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of visible text: escape sequences and controls removed, line breaks turned into spaces. */
export function plainText(text: string): string {
  return text.replace(SEQUENCES, '').replace(BREAKS, ' ').replace(CONTROLS, '');
}

/** The same, keeping line breaks (\n) for multi-line output such as the CLI's. */
export function plainLines(text: string): string {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(plainText)
    .join('\n');
}

/**
 * Text for a VS Code notification. Notifications turn `[label](https://…)`, `(command:…)` and
 * `(file:…)` into links that run on a click; a zero-width space between `]` and `(` keeps the
 * characters as they were and the link syntax broken.
 */
export function notificationText(text: string): string {
  return plainText(text).replace(/\]\(/g, ']\u200b(');
}

// The only escape sequences the CLI writes itself: bold yellow and reset, around the hint's name.
const OWN_STYLES = /(\x1b\[(?:0|1;33)m)/;

/**
 * What the CLI prints: line breaks and tabs kept, every other control and escape sequence removed
 * (an error message or a profile name cannot set the clipboard, the title or a hyperlink), except
 * the two colour codes the CLI writes itself.
 */
export function terminalText(text: string): string {
  return text
    .split(OWN_STYLES)
    .map((part, i) => (i % 2 === 1 ? part : part.split('\n').map((line) => line.split('\t').map(plainText).join('\t')).join('\n')))
    .join('');
}
