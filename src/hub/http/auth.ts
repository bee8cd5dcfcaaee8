// `Authorization: Bearer <token>`, the scheme name in any letter case. Anything else is a
// malformed header and answered 401 like a missing or unknown token.
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
}
