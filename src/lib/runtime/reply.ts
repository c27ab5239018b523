/** What a function answers: JSON (the default), TwiML, an HTML page or plain text, with a status. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType: 'application/json' | 'text/xml' | 'text/plain' | 'text/html' = 'application/json',
  ) {}

  static json(body: unknown, status = 200): Reply {
    return new Reply(status, body);
  }

  /** A TwiML document (anything with toString(), e.g. the SDK's MessagingResponse / VoiceResponse). */
  static twiml(doc: { toString(): string } | string, status = 200): Reply {
    return new Reply(status, String(doc), 'text/xml');
  }

  /** A whole HTML document (the console and docs pages). */
  static html(doc: string, status = 200): Reply {
    return new Reply(status, doc, 'text/html');
  }
}
