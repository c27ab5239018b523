/**
 * Messaging TwiML the service answers with. Built by hand: these documents are one element deep,
 * and the inbound path then never loads the SDK.
 */
export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** `<Response><Message>...</Message></Response>`; no Message at all for an empty list. */
export function messagingResponse(messages: string[]): string {
  const body = messages.map((m) => `<Message>${escapeXml(m)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

const PREVIEW = 20;

/** The plugin's acknowledgement: "Hello, your message 'Hello...' was received by our service number +1..." */
export function acknowledgement(body: string, serviceNumber: string): string {
  const preview = body.length > PREVIEW ? `${body.slice(0, PREVIEW)}...` : body;
  return messagingResponse([`Hello, your message '${preview}' was received by our service number ${serviceNumber}`]);
}
