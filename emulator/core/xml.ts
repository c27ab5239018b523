/**
 * A small XML reader for TwiML: elements, attributes, text; entities decoded. Throws on malformed
 * input, which the engines turn into Twilio's 12100 (document parse failure). As strict as XML 1.0
 * about characters (https://www.w3.org/TR/xml/#charsets): a control character other than tab, CR
 * and LF, or U+FFFE/U+FFFF, is refused, written raw or as a character reference.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text content, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlError extends Error {}

/**
 * Characters outside XML 1.0's `Char` production. (Lone surrogates cannot arrive: documents come
 * decoded from UTF-8, which turns a malformed sequence into U+FFFD.)
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const codePointName = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ent: string) => {
    if (!ent.startsWith('#')) return ENTITIES[ent] ?? whole;
    const cp = ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    if (!isXmlChar(cp)) throw new XmlError(`the character reference ${whole} names a character XML does not allow`);
    return String.fromCodePoint(cp);
  });
}

export function parseXml(input: string): XmlElement {
  let i = 0;
  const src = input.replace(/^\uFEFF/, '');
  const bad = FORBIDDEN.exec(src);
  if (bad) {
    const line = src.slice(0, bad.index).split('\n').length;
    throw new XmlError(`the character ${codePointName(bad[0].charCodeAt(0))} (line ${line}) is not allowed in XML`);
  }
  const skipMisc = (): void => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) throw new XmlError('unterminated declaration');
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const parseElement = (): XmlElement => {
    if (src[i] !== '<') throw new XmlError(`expected element at ${i}`);
    const head = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(src.slice(i));
    if (!head) throw new XmlError(`malformed tag at ${i}`);
    i += head[0].length;
    const el: XmlElement = { name: head[1], attrs: {}, children: [], text: '' };
    for (const m of head[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) el.attrs[m[1]] = decode(m[2] ?? m[3] ?? '');
    if (head[3] === '/') return el;
    let text = '';
    for (;;) {
      if (i >= src.length) throw new XmlError(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(src.slice(i));
        if (!close || close[1] !== el.name) throw new XmlError(`mismatched closing tag for <${el.name}>`);
        i += close[0].length;
        el.text = decode(text).trim();
        return el;
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) throw new XmlError('unterminated CDATA');
        text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src[i] === '<') {
        el.children.push(parseElement());
      } else {
        const next = src.indexOf('<', i);
        text += src.slice(i, next < 0 ? src.length : next);
        i = next < 0 ? src.length : next;
      }
    }
  };
  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i < src.length) throw new XmlError('content after the root element');
  return root;
}
