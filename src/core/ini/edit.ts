// Surgical edits on the lossless model: only the lines of the one section being changed are
// touched; everything else (comments, blank lines, order, CRLF, nested blocks) stays byte-identical.
import { dominantEol, IniDocument, lineEndWithBreak, parseDocument } from './document';
import { CliSection, parseCliView } from './cliView';
import { configSectionProfile, FileKind } from './profiles';

/** Profile names we write: letters, digits and _ - . + @ (no spaces or quotes, so the CLI reads them back). */
export const PROFILE_NAME = /^[A-Za-z0-9_.+@-]{1,64}$/;

export type EditRefusal = 'exists' | 'cli-cannot-parse' | 'invalid-name' | 'invalid-value';

export type EditResult = { ok: true; text: string; action: 'added' | 'replaced' } | { ok: false; code: EditRefusal };

export interface ProfileEdit {
  file: FileKind;
  profile: string;
  /** Keys in the order they are written; null removes the key (e.g. a session token on replace). */
  keys: [string, string | null][];
  /** Allow changing an existing profile in place. */
  replace: boolean;
}

export function sectionHeaderFor(file: FileKind, profile: string): string {
  return file === 'config' && profile !== 'default' ? `profile ${profile}` : profile;
}

/** True for a value the CLI will read back exactly: one line, no surrounding space. */
export function isWritableValue(v: string): boolean {
  return v.length > 0 && v.length < 8192 && !/[\r\n\u0085\u2028\u2029\0]/.test(v) && v.trim() === v;
}

export function findProfileSection(file: FileKind, sections: CliSection[], profile: string): CliSection | undefined {
  return sections.find((s) => (file === 'config' ? configSectionProfile(s.name) === profile : s.name === profile));
}

export function setProfileKeys(text: string, edit: ProfileEdit): EditResult {
  // "default" is allowed here (repair moves extra [default] keys); add-profile refuses it itself.
  if (!PROFILE_NAME.test(edit.profile)) return { ok: false, code: 'invalid-name' };
  if (edit.keys.some(([k, v]) => !/^[a-z0-9_]+$/.test(k) || (v !== null && !isWritableValue(v)))) return { ok: false, code: 'invalid-value' };
  const doc = parseDocument(text);
  const view = parseCliView(doc);
  if (view.error) return { ok: false, code: 'cli-cannot-parse' };
  const eol = doc.lineCount > 0 ? dominantEol(doc) : '\n';
  const section = findProfileSection(edit.file, view.sections, edit.profile);
  if (!section) return { ok: true, text: appendSection(doc, eol, sectionHeaderFor(edit.file, edit.profile), edit.keys), action: 'added' };
  if (!edit.replace) return { ok: false, code: 'exists' };
  return { ok: true, text: replaceInSection(doc, section, eol, edit.keys), action: 'replaced' };
}

function appendSection(doc: IniDocument, eol: string, header: string, keys: [string, string | null][]): string {
  const { text } = doc;
  let prefix = text;
  if (text.length > 0 && !/[\r\n]$/.test(text)) prefix += eol;
  const lastLineBlank = doc.lineCount === 0 || text.slice(doc.starts[doc.lineCount - 1], doc.ends[doc.lineCount - 1]).trim() === '';
  if (text.length > 0 && !lastLineBlank) prefix += eol;
  const lines = [`[${header}]`, ...keys.filter(([, v]) => v !== null).map(([k, v]) => `${k} = ${v}`)];
  return prefix + lines.map((l) => l + eol).join('');
}

function replaceInSection(doc: IniDocument, section: CliSection, eol: string, keys: [string, string | null][]): string {
  const { text } = doc;
  // Splices as [startOffset, endOffset, replacement], applied from the end so offsets stay valid.
  const splices: [number, number, string][] = [];
  const missing: string[] = [];
  for (const [key, value] of keys) {
    const opt = section.options.get(key);
    if (!opt) {
      if (value !== null) missing.push(`${key} = ${value}${eol}`);
      continue;
    }
    const start = doc.starts[opt.line]!;
    const end = lineEndWithBreak(doc, opt.lastLine);
    if (value === null) {
      splices.push([start, end, '']);
      continue;
    }
    // Keep the key's spelling, indentation and separator; replace only the value (and any continuation).
    const line = text.slice(start, doc.ends[opt.line]);
    const sep = /^(\s*[^=:]*?\s*[=:]\s*)/.exec(line)?.[1] ?? `${key} = `;
    const lineBreak = text.slice(doc.ends[opt.lastLine], end) || eol;
    splices.push([start, end, `${sep}${value}${lineBreak}`]);
  }
  if (missing.length) {
    // After the section's last non-blank line.
    let last = section.headerLine;
    for (let i = section.headerLine; i < section.endLine; i++) {
      if (text.slice(doc.starts[i], doc.ends[i]).trim() !== '') last = i;
    }
    const at = lineEndWithBreak(doc, last);
    const needsBreak = at === text.length && !/[\r\n]$/.test(text);
    splices.push([at, at, (needsBreak ? eol : '') + missing.join('')]);
  }
  splices.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [s, e, r] of splices) out = out.slice(0, s) + r + out.slice(e);
  return out;
}
