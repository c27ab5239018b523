/**
 * multipart/form-data bodies, as Twilio's upload host receives them (Serverless Function and Asset
 * Versions): named fields, a file part keeping its bytes exactly as sent.
 */
import { TwilioApiError } from './wire';

export interface MultipartPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

const malformed = (why: string): TwilioApiError => new TwilioApiError(400, 20001, `Malformed multipart body: ${why}`);

function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) {
    throw new TwilioApiError(400, 20001, 'The upload must be sent as multipart/form-data');
  }
  return boundary;
}

function headerParam(header: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}="([^"]*)"`, 'i').exec(header);
  return m?.[1];
}

/** The parts of a multipart body, in the order sent. */
export function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('no boundary found');
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    if (headersEnd < 0) throw malformed('a part has no headers');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
    if (next < 0) throw malformed('the body ends before its closing boundary');
    const headers = body.subarray(afterDelimiter, headersEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const name = headerParam(disposition, 'name');
    if (name === undefined) throw malformed('a part has no name');
    const type = headers.find((h) => /^content-type:/i.test(h));
    parts.push({
      name,
      filename: headerParam(disposition, 'filename'),
      contentType: type?.slice(type.indexOf(':') + 1).trim(),
      data: body.subarray(headersEnd + 4, next),
    });
    at = next + 2;
  }
}
