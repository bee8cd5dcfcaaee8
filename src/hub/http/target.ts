// The raw request target split into path and query, without percent-decoding, so whatever a
// router would normalise cannot widen a match.
export function rawPath(url: string | undefined): string {
  const target = url ?? '';
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

export function rawQuery(url: string | undefined): string {
  const target = url ?? '';
  const q = target.indexOf('?');
  return q === -1 ? '' : target.slice(q + 1);
}
