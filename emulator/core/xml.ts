/**
 * A small XML reader for TwiML: elements, attributes, text; entities decoded. Throws on malformed
 * input, which the engines turn into Twilio's 12100 (document parse failure).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text content, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? whole;
  });
}

export class XmlError extends Error {}

export function parseXml(input: string): XmlElement {
  let i = 0;
  const src = input.replace(/^\uFEFF/, '');
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
