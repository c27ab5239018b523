/**
 * Voice TwiML as the engine reads it: which verbs and nouns exist, which the emulator executes,
 * and the schema check behind Twilio's 12200.
 */
import type { XmlElement } from '../../core/xml';

/** Verbs the engine executes. */
export const EXECUTED_VERBS: ReadonlySet<string> = new Set([
  'Say',
  'Play',
  'Pause',
  'Gather',
  'Dial',
  'Record',
  'Redirect',
  'Hangup',
  'Reject',
]);
/** Valid Voice TwiML the engine notes and skips (they take no emulated time). */
export const SKIPPED_VERBS: ReadonlySet<string> = new Set([
  'Enqueue',
  'Leave',
  'Connect',
  'Start',
  'Stop',
  'Refer',
  'Pay',
  'Prompt',
  'Echo',
  'Sms',
]);

const CHILDREN: Record<string, ReadonlySet<string> | 'any'> = {
  Say: 'any', // SSML
  Play: new Set(),
  Pause: new Set(),
  Gather: new Set(['Say', 'Play', 'Pause']),
  Dial: new Set(['Number', 'Client', 'Sip', 'Conference', 'Queue', 'Sim', 'Application']),
  Record: new Set(),
  Redirect: new Set(),
  Hangup: new Set(),
  Reject: new Set(),
};
const NOUN_CHILDREN: Record<string, ReadonlySet<string>> = {
  Number: new Set(),
  Client: new Set(['Identity', 'Parameter']),
  Sip: new Set(),
  Conference: new Set(),
  Queue: new Set(),
  Sim: new Set(),
  Application: new Set(['ApplicationSid', 'Parameter']),
};

/** Why a `<Response>` does not validate (Twilio's 12200), or undefined when it does. */
export function schemaProblem(root: XmlElement): string | undefined {
  for (const verb of root.children) {
    if (SKIPPED_VERBS.has(verb.name)) continue;
    const allowed = CHILDREN[verb.name];
    if (!allowed) return `<${verb.name}> is not a Voice TwiML verb`;
    if (allowed === 'any') continue;
    for (const child of verb.children) {
      if (!allowed.has(child.name)) return `<${child.name}> is not allowed in <${verb.name}>`;
      const nounAllowed = verb.name === 'Dial' ? NOUN_CHILDREN[child.name] : CHILDREN[child.name];
      if (nounAllowed === undefined || nounAllowed === 'any') continue;
      for (const grandchild of child.children) {
        if (!nounAllowed.has(grandchild.name)) return `<${grandchild.name}> is not allowed in <${child.name}>`;
      }
    }
    if (verb.name === 'Dial' && verb.children.length === 0 && !verb.text) return '<Dial> needs a number or a noun to dial';
    if (verb.name === 'Redirect' && !verb.text) return '<Redirect> needs a URL';
  }
  return undefined;
}

/** All text inside an element, SSML children included, whitespace collapsed. */
export function deepText(el: XmlElement): string {
  const parts = [el.text, ...el.children.map(deepText)];
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A non-negative integer attribute, or the default when absent or malformed. */
export function intAttr(el: XmlElement, name: string, fallback: number): number {
  const v = el.attrs[name];
  if (v === undefined || !/^\d+$/.test(v.trim())) return fallback;
  return Number(v.trim());
}

export function methodAttr(el: XmlElement, name = 'method'): 'GET' | 'POST' {
  return el.attrs[name]?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

/** A synthetic element (for text/plain and audio answers, and a bare number in <Dial>). */
export function element(name: string, text: string, attrs: Record<string, string> = {}): XmlElement {
  return { name, attrs, children: [], text };
}
