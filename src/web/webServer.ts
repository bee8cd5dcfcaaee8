import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HostServices } from '../host/hostServices';
import { attachBridgeSocket } from './bridgeSocket';
import { hostAllowed } from './hostCheck';
import { staticHandler } from './staticFiles';

/** Largest request head accepted; the bridge and the bundle need far less (fuzzing: huge headers). */
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * The web shell's HTTP server: the built renderer and the bridge socket, both only for the
 * address the shell printed (S19). `port()` is known once the server listens.
 */
export function createWebServer(options: { rendererDir: string; token: string; services: HostServices; port: () => number }): { server: Server; close(): void } {
  const files = staticHandler(options.rendererDir);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, options.port())) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('unknown host');
      return;
    }
    void files(req, res);
  });
  // Malformed request lines and heads: Node answers 400/431 and closes; a reset socket is just closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const bridge = attachBridgeSocket(server, {
    token: options.token,
    port: options.port,
    handlers: options.services.handlers,
    events: options.services.events,
    logger: options.services.logger,
  });
  return { server, close: () => bridge.close() };
}
