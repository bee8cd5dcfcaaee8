import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHostServices } from '../host/hostServices';
import { loadHubStart } from '../host/sync/hubArgs';
import { installProcessGuard } from './processGuard';
import { parseWebArgs } from './webArgs';
import { createWebServer } from './webServer';

// The web shell: serves the built renderer on 127.0.0.1 and carries the bridge over a
// WebSocket with a per-launch token. Used for development and every end-to-end test.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const parsed = parseWebArgs(process.argv.slice(2), process.env, join(homedir(), '.dutydesk'));
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    process.exit(2);
  }
  const { port, dataDir } = parsed;
  const hub = loadHubStart(parsed.hub);
  if (hub && 'error' in hub) {
    process.stderr.write(`${hub.error}\n`);
    process.exit(2);
  }
  // DUTYDESK_RENDERER_DIR serves another built renderer (the web shell's own tests).
  const rendererDir = process.env.DUTYDESK_RENDERER_DIR ?? join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('The renderer is not built: run `npm run web` (it builds first) or `npm run build`.\n');
    process.exit(1);
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const services = await createHostServices(dataDir, {
    shell: 'web',
    version,
    // A browser tab cannot raise itself; the renderer flashes its title and plays the sound.
    requestAttention: () => {},
    keepAwake: () => false,
    hub,
  });
  installProcessGuard(services.logger);
  const token = randomBytes(24).toString('base64url');
  let actualPort = port;
  const { server, close: closeBridge } = createWebServer({ rendererDir, token, services, port: () => actualPort });
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(error.code === 'EADDRINUSE' ? `Port ${port} is in use: choose another with --port.\n` : `${error.message}\n`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    actualPort = typeof address === 'object' && address ? address.port : port;
    const origin = `http://127.0.0.1:${actualPort}`;
    services.logger.info('web shell started', { origin, dataDir });
    process.stdout.write(`DutyDesk web shell: ${origin}/#token=${token}\n`);
  });
  const stop = async () => {
    closeBridge();
    server.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
