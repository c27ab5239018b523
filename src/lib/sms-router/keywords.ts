/**
 * The keywords carriers require every long-code sender to honour (CTIA; Twilio's defaults): a whole
 * message that is one of them, in any case, with surrounding spaces or a final full stop.
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'UNSUBSCRIBE', 'END', 'QUIT', 'STOPALL', 'REVOKE', 'OPTOUT', 'CANCEL'] as const;
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type Keyword = 'opt_out' | 'opt_in' | 'help';

export function keywordOf(body: string): Keyword | undefined {
  const word = body.trim().replace(/[.!]$/, '').toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return 'opt_out';
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return 'opt_in';
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return 'help';
  return undefined;
}
