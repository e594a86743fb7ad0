// A tiny static file server on 127.0.0.1 for the benchmark: several folders under URL prefixes, one origin.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Files under `prefix` are sent at `bytesPerSecond`, as a network would send them, not as fast as the disk reads. */
export interface Pacing {
  prefix: string;
  bytesPerSecond: number;
}

/** What is sent at once before the pace applies, and how often more is sent: about what a network buffers. */
const PACED_BURST = 256 * 1024;
const PACED_EVERY_MS = 10;

/**
 * Serves each `prefix -> folder` (longest prefix first); resolves with the base URL once listening on a free port.
 * With `paced`, the files under its prefix arrive at its pace.
 */
export async function serveStatic(
  mounts: Record<string, string>,
  paced?: Pacing,
): Promise<{ url: string; server: Server }> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end();
    const [prefix, dir] = mount;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir + sep)) && file !== normalize(dir))
      return void res.writeHead(403).end();
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
    });
    if (paced && path.startsWith(paced.prefix)) sendPaced(res, readFileSync(file), paced);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/** Writes `body` no faster than its pace: by the clock since the start, so that late timers do not slow it more. */
function sendPaced(res: ServerResponse, body: Buffer, { bytesPerSecond }: Pacing): void {
  const start = Date.now();
  let sent = 0;
  const more = () => {
    if (res.destroyed) return;
    const due = Math.min(body.length, ((Date.now() - start) / 1000) * bytesPerSecond + PACED_BURST);
    if (due > sent) res.write(body.subarray(sent, (sent = Math.floor(due))));
    if (sent >= body.length) res.end();
    else setTimeout(more, PACED_EVERY_MS);
  };
  more();
}
