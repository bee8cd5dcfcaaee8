// The hub's settings, all from the environment (sync protocol v1, "Running the hub": docs/hub.md).
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { storeConfigFromEnv, type StoreConfig } from './store/openStore';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export interface HubConfig {
  host: string;
  port: number;
  store: StoreConfig;
  /** HTTPS when given (S9). */
  tls: TlsFiles | null;
  /** How long a request body may stall before the hub answers 408 (S16). */
  bodyTimeoutMs: number;
}

/** A refusal to start: the message is for the operator, the process exits with status 2. */
export class ConfigError extends Error {}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.HUB_PORT?.trim() || 8787);
  // Port 0 asks the system for a free port; tests use it and read the address from the start line.
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`HUB_PORT must be a port number, not "${env.HUB_PORT}"`);
  const host = env.HUB_HOST?.trim() || '127.0.0.1';
  const bodyTimeoutMs = Number(env.HUB_BODY_TIMEOUT_MS?.trim() || 30_000);
  if (!Number.isInteger(bodyTimeoutMs) || bodyTimeoutMs < 1) throw new ConfigError(`HUB_BODY_TIMEOUT_MS must be a positive whole number of milliseconds`);
  return { host, port, store: storeConfigFromEnv(env), tls: tlsFromEnv(env, host), bodyTimeoutMs };
}

/**
 * S9: tokens and residents' data must not cross the LAN in clear text. Off loopback the hub
 * serves HTTPS (HUB_TLS_CERT, HUB_TLS_KEY) or refuses to start, unless HUB_INSECURE=1 says a
 * TLS proxy in front of it does the encrypting.
 */
function tlsFromEnv(env: NodeJS.ProcessEnv, host: string): TlsFiles | null {
  const certFile = env.HUB_TLS_CERT?.trim();
  const keyFile = env.HUB_TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) throw new ConfigError('set both HUB_TLS_CERT and HUB_TLS_KEY (PEM files), or neither');
  if (certFile && keyFile) {
    const read = (file: string, what: string) => {
      try {
        return readFileSync(file);
      } catch (error) {
        throw new ConfigError(`cannot read ${what} ${file}: ${(error as Error).message}`);
      }
    };
    return { cert: read(certFile, 'HUB_TLS_CERT'), key: read(keyFile, 'HUB_TLS_KEY') };
  }
  if (!isLoopback(host) && env.HUB_INSECURE?.trim() !== '1') {
    throw new ConfigError(`refusing to serve plain HTTP on ${host}: station tokens and residents' data would cross the network ` +
      'in clear text. Set HUB_TLS_CERT and HUB_TLS_KEY (see docs/hub.md), or HUB_INSECURE=1 when a TLS proxy in front ' +
      'of the hub does the encrypting.');
  }
  return null;
}
