/**
 * TwiML documents for messaging and voice alike, built by hand (they are a few elements deep, and a
 * webhook then never loads the SDK), with one rule for every text and attribute: characters XML 1.0
 * forbids (most control characters, U+FFFE/U+FFFF, a surrogate without its pair) are dropped, since
 * Twilio refuses a document holding one (error 12100), and the five markup characters are escaped.
 */

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Text as XML 1.0 can carry it. */
export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[<>&'"]/g, (c) => MARKUP[c] ?? c);
}

/** Markup already built by `verb`, kept apart from text so text is always escaped. */
export class Twiml {
  constructor(readonly xml: string) {}
}

export type Attributes = Record<string, string | number | boolean | readonly string[] | undefined>;

/** One TwiML element; string children are text. */
export function verb(name: string, attributes: Attributes = {}, ...children: (Twiml | string)[]): Twiml {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(Array.isArray(v) ? v.join(' ') : String(v))}"`)
    .join('');
  const inner = children.map((c) => (c instanceof Twiml ? c.xml : xmlText(c))).join('');
  return new Twiml(inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`);
}

/** `<Response>` holding the verbs, as Twilio expects it. */
export function twimlResponse(...verbs: Twiml[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map((v) => v.xml).join('')}</Response>`;
}

/** At most `max` characters, never cutting a character in two (an emoji is two UTF-16 units). */
export function truncateText(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}...` : s;
}
