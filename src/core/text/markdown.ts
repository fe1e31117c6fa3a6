// Markdown built from untrusted text. A Markdown value is either our own source text (the literal
// parts of an md`…` template) or text that went through markdownText(); a plain string can never
// be used where Markdown is expected, so unescaped text does not compile.
import { plainText } from './plainText';

export class Markdown {
  private constructor(readonly value: string) {}

  /** Escapes a plain string; only this module creates Markdown from strings. */
  static text(text: string): Markdown {
    return new Markdown(escapeMarkdown(text));
  }

  /** A template (md`…` / html`…`): the literal parts are source code, every other value is escaped unless it already is Markdown. */
  static template(this: void, parts: TemplateStringsArray, ...values: (string | number | Markdown)[]): Markdown {
    return new Markdown(parts.reduce((out, part, i) => {
      const v = values[i];
      return out + part + (v === undefined ? '' : v instanceof Markdown ? v.value : Markdown.text(String(v)).value);
    }, ''));
  }

  static join(items: readonly Markdown[], separator: string): Markdown {
    return new Markdown(items.map((m) => m.value).join(separator));
  }

  toString(): string {
    return this.value;
  }
}

/**
 * Every ASCII punctuation character gets a backslash (CommonMark allows it before any of them), so
 * nothing in the text can open a link, emphasis, code span, HTML tag, entity, heading, list or
 * table cell, and no URL stays whole enough to be auto-linked. Controls and line breaks go first.
 */
function escapeMarkdown(text: string): string {
  return plainText(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Untrusted text as Markdown. */
export function markdownText(text: string | number): Markdown {
  return Markdown.text(String(text));
}

/** A Markdown template: the literal parts are ours, every interpolated string is escaped. */
export const md = Markdown.template;
