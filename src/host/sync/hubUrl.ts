// The hub's address as a workstation keeps it: http or https, no credentials (the token goes in
// a header, never in a URL that could reach a log), an optional path prefix, no query or
// fragment. Normalised so that one hub has one spelling (no trailing slash).

export type HubUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function normaliseHubUrl(raw: string): HubUrlCheck {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'the hub address is not a URL (e.g. https://hub.estate.lan:8787)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `the hub address must start with http:// or https://, not ${url.protocol}//` };
  // Never echo the credentials back: the message names only what is wrong.
  if (url.username || url.password) return { ok: false, message: 'the hub address must not hold a user name or password (the token is entered on its own)' };
  if (url.search || url.hash || text.includes('?') || text.includes('#')) return { ok: false, message: 'the hub address must not hold a query (?) or fragment (#)' };
  if (!url.hostname) return { ok: false, message: 'the hub address has no host name' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}
