// A tiny HTTP server for large-file tests: serves one body slowly, over a real socket, so the browser streams it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SlowServer {
  /** The address of the body, arriving in `chunks` pieces `delayMs` apart, stopping for good after `stallAfter`. */
  url(options: { chunks: number; delayMs: number; stallAfter?: number }): string;
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1 that answers every GET with `body`, its size declared. */
export async function startSlowServer(body: Buffer): Promise<SlowServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const chunks = Math.max(1, Number(params.get('chunks')));
    const delayMs = Number(params.get('delay'));
    const stallAfter = params.has('stall') ? Number(params.get('stall')) : Infinity;
    const size = Math.ceil(body.byteLength / chunks);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(body.byteLength),
      'cache-control': 'no-store',
    });
    let i = 0;
    const next = () => {
      if (response.destroyed || i >= stallAfter) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const piece = body.subarray(i * size, (i + 1) * size);
        i++;
        if (i * size >= body.byteLength) response.end(piece);
        else response.write(piece, next);
      }, delayMs);
      timers.add(timer);
    };
    next();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: ({ chunks, delayMs, stallAfter }) =>
      `http://127.0.0.1:${port}/body.json?chunks=${chunks}&delay=${delayMs}` +
      (stallAfter === undefined ? '' : `&stall=${stallAfter}`),
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      // A stalled download keeps its socket open; end it so the server can close.
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
