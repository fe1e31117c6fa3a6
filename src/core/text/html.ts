// HTML built from untrusted text, for webviews. As with Markdown, an Html value is our own template
// text or escaped text; a plain string cannot be used where Html is expected.
import { plainText } from './plainText';

export class Html {
  private constructor(readonly value: string) {}

  static text(text: string): Html {
    return new Html(plainText(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`));
  }

  /** A template (md`…` / html`…`): the literal parts are source code, every other value is escaped unless it already is Html. */
  static template(this: void, parts: TemplateStringsArray, ...values: (string | number | Html)[]): Html {
    return new Html(parts.reduce((out, part, i) => {
      const v = values[i];
      return out + part + (v === undefined ? '' : v instanceof Html ? v.value : Html.text(String(v)).value);
    }, ''));
  }

  static join(items: readonly Html[], separator = ''): Html {
    return new Html(items.map((h) => h.value).join(separator));
  }

  toString(): string {
    return this.value;
  }
}

/** Untrusted text as HTML text or attribute value (always quote attributes). */
export function htmlText(text: string | number): Html {
  return Html.text(String(text));
}

/** A Html template: the literal parts are ours, every interpolated string is escaped. */
export const html = Html.template;
