/** Times as the APIs answer them: ISO 8601 in UTC, to the second ("2024-10-27T12:00:00Z"). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoOrNull(d: Date | null | undefined): string | null {
  return d ? isoSeconds(d) : null;
}
