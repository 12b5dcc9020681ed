// One segment of a JSON pointer (RFC 6901): `~` and `/` inside keys are escaped.

export function escapeSegment(key: string): string {
  if (key.indexOf('~') === -1 && key.indexOf('/') === -1) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(seg: string): string {
  if (seg.indexOf('~') === -1) return seg;
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}
