/**
 * Billing units, as Twilio counts them (docs/decisions/0010-billing-ledger.md): call and recording time per
 * started minute, SMS per segment.
 */

/** Started minutes: 1 s to 60 s is 1 minute, 61 s is 2; nothing connected is 0. */
export function startedMinutes(seconds: number): number {
  return seconds > 0 ? Math.ceil(seconds / 60) : 0;
}

/** Characters of the GSM 03.38 default alphabet and its extension table (which a segment can carry). */
const GSM7 = /^[\n\r !"#$%&'()*+,\-./0-9:;<=>?@A-Z_a-z£¥§¿ÄÅÆÉÑÖØÜßàäåæçèéìñòöøùüΓΔΘΛΞΠΣΦΨΩ€^{}\\[~\]|]*$/;

/**
 * Segments of an SMS: GSM-7 text fits 160 characters in one segment and 153 in each of several; any
 * other character makes it UCS-2, 70 and 67. Characters are counted as code points, so an emoji is one
 * (what the emulator and Twilio's NumSegments report). An empty body (media only) is one message.
 */
export function smsSegments(body: string): number {
  const chars = Array.from(body).length;
  if (chars === 0) return 1;
  const [single, multi] = GSM7.test(body) ? [160, 153] : [70, 67];
  return chars <= single ? 1 : Math.ceil(chars / multi);
}
