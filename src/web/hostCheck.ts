// S19 (DNS rebinding): a page on evil.example that re-points its name at 127.0.0.1 reaches this
// server with `Host: evil.example:<port>`. Only the address the shell printed (and its
// `localhost` spelling) is ours; anything else is refused before a file or the bridge is served.

/** The `Host` values this shell answers to, for the port it listens on. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** The page origins that may open the bridge: the same two addresses over http. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin !== undefined && [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}
