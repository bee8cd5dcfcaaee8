// A first look at a typed hub address, so a slip is said under the field in the desk's language;
// the host normalises and checks it again (host/sync/hubUrl.ts) before any call.
export function hubUrlLooksValid(raw: string): boolean {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname) && !url.username && !url.password && !text.includes('?') && !text.includes('#');
}
