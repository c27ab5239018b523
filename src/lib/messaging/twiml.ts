/**
 * Messaging TwiML the service answers with.
 */
import { truncateText, twimlResponse, verb } from '../twiml/document';

/** `<Response><Message>...</Message></Response>`; no Message at all for an empty list. */
export function messagingResponse(messages: string[]): string {
  return twimlResponse(...messages.map((m) => verb('Message', {}, m)));
}

const PREVIEW = 20;

/** The plugin's acknowledgement: "Hello, your message 'Hello...' was received by our service number +1..." */
export function acknowledgement(body: string, serviceNumber: string): string {
  return messagingResponse([
    `Hello, your message '${truncateText(body, PREVIEW)}' was received by our service number ${serviceNumber}`,
  ]);
}
